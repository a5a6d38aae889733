import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { OrganisationRepository } from '../organisation/organisation-repository.ts'

/**
 * Which jurisdictions' organisation data an account may read: a post-holder only their own; the
 * three administrators every jurisdiction of the deployment, since they keep it running.
 * `undefined` means all.
 */
export async function readableJurisdictions(
  organisation: OrganisationRepository,
  session: SessionRecord,
): Promise<string[] | undefined> {
  if (session.adminRole) return undefined
  const own = session.personId ? await organisation.jurisdictionOf(session.personId) : undefined
  return own ? [own] : []
}

/** 三员分立: only the audit admin reads and verifies the audit trail. */
export function assertAuditAdmin(session: SessionRecord): void {
  if (session.adminRole !== 'auditAdmin')
    throw new NotPermittedError('AUDIT_ADMIN_ONLY', '仅安全审计员可查看审计日志')
}
