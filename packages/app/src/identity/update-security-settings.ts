import { assertAdminRole } from '../access/policies.ts'
import type { Hasher } from '../audit/hasher.ts'
import { recordAdminAct } from '../admin/record-admin-act.ts'
import type { InTransaction, Repositories } from '../unit-of-work.ts'
import type { SessionRecord } from './log-in.ts'
import { assertSecuritySettings, type SecuritySettings } from './security-settings.ts'

export type SecuritySettingsView = Awaited<
  ReturnType<Repositories['credentials']['securitySettings']>
>

/** The login settings, for the security admin (and the system admin, who may read them). */
export function readSecuritySettings(
  deps: { inTransaction: InTransaction },
  session: SessionRecord,
): Promise<SecuritySettingsView> {
  assertAdminRole(session, 'securityAdmin', 'systemAdmin')
  return deps.inTransaction((r) => r.credentials.securitySettings())
}

/** The security admin sets password expiry, history and the session limit; audited with before/after. */
export function updateSecuritySettings(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date },
  session: SessionRecord,
  input: SecuritySettings,
): Promise<SecuritySettingsView> {
  assertAdminRole(session, 'securityAdmin')
  assertSecuritySettings(input)
  return deps.inTransaction(async (r) => {
    const before = await r.credentials.securitySettings()
    await r.credentials.saveSecuritySettings(input, session.username, deps.now().toISOString())
    await recordAdminAct(r, deps, session, {
      jurisdictionId: null,
      action: 'security.updateSettings',
      subject: 'securitySettings',
      details: {
        before: {
          passwordExpiryDays: before.passwordExpiryDays,
          passwordHistoryCount: before.passwordHistoryCount,
          maxSessionsPerAccount: before.maxSessionsPerAccount,
        },
        after: input,
      },
    })
    return r.credentials.securitySettings()
  })
}
