import { request } from './client.ts'
import type { RegisterAccess, RegisterFilter, RegisterPage } from './types.ts'

const queryOf = (filter: RegisterFilter) => ({
  direction: filter.direction,
  from: filter.from,
  to: filter.to,
  state: filter.state,
  q: filter.q,
})

/** One page of the 收文/发文登记簿, newest first. */
export const fetchRegister = (
  filter: RegisterFilter,
  page: { limit: number; offset: number },
  signal?: AbortSignal,
) =>
  request<RegisterPage>('GET', '/api/documents/register', {
    query: { ...queryOf(filter), ...page },
    signal,
  })

/** Whether the current post keeps the register: the server decides, the menu follows. */
export const fetchRegisterAccess = (signal?: AbortSignal) =>
  request<RegisterAccess>('GET', '/api/documents/register/access', { signal })

/** The Excel export of the same filter: a plain link, the session cookie goes with it. */
export function registerExportUrl(filter: RegisterFilter): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(queryOf(filter)))
    if (value !== undefined && value !== '') params.set(key, value)
  return `/api/documents/register.xlsx?${params}`
}
