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
  const own = await ownJurisdiction(organisation, session)
  return own ? [own] : []
}

/**
 * The jurisdiction a post-holder belongs to (none for administrators): from the facts the session
 * was authenticated with at the edge, else read.
 */
export async function ownJurisdiction(
  organisation: Pick<OrganisationRepository, 'jurisdictionOf'>,
  session: SessionRecord,
): Promise<string | undefined> {
  if (!session.personId) return undefined
  if (session.actorFacts) return session.actorFacts.jurisdictionId ?? undefined
  return organisation.jurisdictionOf(session.personId)
}

/** 三员分立: only the audit admin reads and verifies the audit trail. */
export function assertAuditAdmin(session: SessionRecord): void {
  if (session.adminRole !== 'auditAdmin')
    throw new NotPermittedError('AUDIT_ADMIN_ONLY', '仅安全审计员可查看审计日志')
}

const ADMIN_ROLE_LABELS: Record<string, string> = {
  systemAdmin: '系统管理员',
  securityAdmin: '安全保密管理员',
  auditAdmin: '安全审计员',
}

/**
 * 三员分立: the system admin manages accounts, the security admin unlocks accounts and sets
 * clearances, the audit admin reads the trail. Each act is refused to the other two.
 */
export function assertAdminRole(session: SessionRecord, ...roles: string[]): void {
  if (!session.adminRole || !roles.includes(session.adminRole))
    throw new NotPermittedError(
      'ADMIN_ROLE_REQUIRED',
      `仅${roles.map((role) => ADMIN_ROLE_LABELS[role] ?? role).join('或')}可执行此操作`,
    )
}
