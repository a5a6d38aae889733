import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from './client.ts'

export interface Loaded<T> {
  data: T | undefined
  error: ApiError | undefined
  loading: boolean
  reload: () => void
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const detail = error instanceof Error ? error.message : String(error)
  return new ApiError(0, 'CLIENT_ERROR', `页面处理数据时出错：${detail}`)
}

/**
 * Loads data for `key` (null: nothing to load yet) and reloads whenever the key changes. The
 * previous data stays on screen while the next key loads, so tables do not flash empty.
 */
export function useLoad<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
): Loaded<T> {
  const loadRef = useRef(load)
  useEffect(() => {
    loadRef.current = load
  })
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<Omit<Loaded<T>, 'reload'>>({
    data: undefined,
    error: undefined,
    loading: key !== null,
  })

  useEffect(() => {
    if (key === null) return
    const controller = new AbortController()
    setState((previous) => ({ ...previous, error: undefined, loading: true }))
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ data: undefined, error: asApiError(error), loading: false })
        }
      },
    )
    return () => controller.abort()
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((count) => count + 1), [])
  return { ...state, reload }
}
