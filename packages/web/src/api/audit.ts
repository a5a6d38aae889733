import { request } from './client.ts'
import type { AuditChain, AuditRecordPage, AuditVerification } from './types.ts'

export const fetchAuditChains = (signal?: AbortSignal) =>
  request<AuditChain[]>('GET', '/api/audit/chains', { signal })

export const fetchAuditRecords = (
  chain: string,
  beforeSeq?: number,
  limit = 50,
  signal?: AbortSignal,
) =>
  request<AuditRecordPage>('GET', `/api/audit/chains/${encodeURIComponent(chain)}/records`, {
    query: { limit, beforeSeq },
    signal,
  })

export const verifyAuditChain = (chain: string) =>
  request<AuditVerification>('GET', `/api/audit/chains/${encodeURIComponent(chain)}/verification`)

/** The signed export of a date range (ADR 0020): a plain link, the session cookie goes with it. */
export const auditExportUrl = (chain: string, from: string, to: string) =>
  `/api/audit/chains/${encodeURIComponent(chain)}/export?${new URLSearchParams({ from, to })}`
