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
