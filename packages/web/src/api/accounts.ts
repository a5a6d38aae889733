import { request } from './client.ts'
import type { AccountSummary, Clearance, ClearanceSet, NewAccount, PasswordReset } from './types.ts'

export const fetchAccounts = (signal?: AbortSignal) =>
  request<AccountSummary[]>('GET', '/api/admin/accounts', { signal })

export const createAccount = (account: NewAccount) =>
  request<AccountSummary>('POST', '/api/admin/accounts', { body: account })

export const resetPassword = (accountId: string, password: string) =>
  request<PasswordReset>('POST', `/api/admin/accounts/${encodeURIComponent(accountId)}/password`, {
    body: { password },
  })

export const unlockAccount = (accountId: string) =>
  request<AccountSummary>('POST', `/api/admin/accounts/${encodeURIComponent(accountId)}/unlock`)

export const setClearance = (personId: string, clearance: Clearance) =>
  request<ClearanceSet>('PUT', `/api/admin/people/${encodeURIComponent(personId)}/clearance`, {
    body: { clearance },
  })
