import type { AuditRepository } from '../audit/audit-repository.ts'
import { type ChainProblem, verifyAuditChain } from '../audit/verify-audit-chain.ts'

export interface AuditTrailReport {
  jurisdictionId: string
  records: number
  problems: ChainProblem[]
}

/** Verifies every jurisdiction's audit chain (or one), reporting each break it finds. */
export async function verifyAuditTrail(options: {
  audit: AuditRepository
  jurisdictionId?: string
}): Promise<AuditTrailReport[]> {
  const { audit } = options
  const ids = options.jurisdictionId ? [options.jurisdictionId] : await audit.chainJurisdictions()
  const reports: AuditTrailReport[] = []
  for (const jurisdictionId of ids) {
    const records = await audit.records(jurisdictionId)
    const head = await audit.head(jurisdictionId)
    reports.push({
      jurisdictionId,
      records: records.length,
      problems: verifyAuditChain(records, head),
    })
  }
  return reports
}
