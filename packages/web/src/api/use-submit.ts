import { useState } from 'react'
import type { ApiError } from './client.ts'
import { asApiError } from './use-load.ts'

/** One request at a time from a form, keeping the server's refusal for the form to show. */
export function useSubmit() {
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  async function submit(action: () => Promise<void>) {
    setSubmitting(true)
    setError(null)
    try {
      await action()
    } catch (failure) {
      setError(asApiError(failure))
    } finally {
      setSubmitting(false)
    }
  }
  return { submitting, error, submit }
}
