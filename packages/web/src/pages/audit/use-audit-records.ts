import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchAuditRecords } from '../../api/audit.ts'
import type { ApiError } from '../../api/client.ts'
import type { AuditRecord } from '../../api/types.ts'
import { asApiError } from '../../api/use-load.ts'

const PAGE_SIZE = 50

interface State {
  records: AuditRecord[]
  /** null once the oldest record has been loaded. */
  nextBeforeSeq: number | null
  loading: boolean
  error: ApiError | null
}

/** The newest records of a chain first, then older pages on request ("加载更多"). */
export function useAuditRecords(chain: string) {
  const [state, setState] = useState<State>({
    records: [],
    nextBeforeSeq: null,
    loading: true,
    error: null,
  })
  const inFlight = useRef<AbortController | null>(null)

  const load = useCallback(
    async (beforeSeq: number | undefined) => {
      inFlight.current?.abort()
      const controller = new AbortController()
      inFlight.current = controller
      setState((previous) => ({ ...previous, loading: true, error: null }))
      try {
        const page = await fetchAuditRecords(chain, beforeSeq, PAGE_SIZE, controller.signal)
        setState((previous) => ({
          records: beforeSeq === undefined ? page.records : [...previous.records, ...page.records],
          nextBeforeSeq: page.nextBeforeSeq,
          loading: false,
          error: null,
        }))
      } catch (error) {
        if (!controller.signal.aborted) {
          setState((previous) => ({ ...previous, loading: false, error: asApiError(error) }))
        }
      }
    },
    [chain],
  )

  useEffect(() => {
    void load(undefined)
    return () => inFlight.current?.abort()
  }, [load])

  const loadMore = useCallback(() => {
    if (state.nextBeforeSeq !== null) void load(state.nextBeforeSeq)
  }, [load, state.nextBeforeSeq])

  return { ...state, loadMore, reload: () => void load(undefined) }
}
