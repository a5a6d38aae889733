import { DEPLOYMENT_CHAIN } from '../audit/audit-chain.ts'
import { auditEntry } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'

/**
 * An administrator's act on a jurisdiction's person goes to that jurisdiction's chain, so its
 * trail is complete; an act on an administrator account goes to the deployment chain.
 */
export function recordAdminAct(
  repositories: Repositories,
  deps: { hasher: Hasher; now: () => Date },
  admin: SessionRecord,
  act: {
    jurisdictionId: string | null
    action: string
    subject: string
    details?: Record<string, unknown>
  },
) {
  return repositories.audit.append(
    auditEntry({
      jurisdictionId: act.jurisdictionId ?? DEPLOYMENT_CHAIN,
      occurredAt: deps.now().toISOString(),
      action: act.action,
      subject: act.subject,
      details: { admin: admin.username, adminRole: admin.adminRole, ...act.details },
    }),
    deps.hasher,
  )
}
