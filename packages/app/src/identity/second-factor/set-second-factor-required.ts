import { assertAdminRole } from '../../access/policies.ts'
import type { Hasher } from '../../audit/hasher.ts'
import { recordAdminAct } from '../../admin/record-admin-act.ts'
import { NotFoundError } from '../../errors.ts'
import type { SessionRecord } from '../log-in.ts'
import type { InTransaction } from '../../unit-of-work.ts'

/**
 * The security admin requires (or no longer requires) a second factor of an account. The three
 * administrators need one whatever this says. An account made to need one without having one
 * enrols at its next sign-in.
 */
export async function setSecondFactorRequired(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date },
  session: SessionRecord,
  input: { accountId: string; required: boolean },
): Promise<{ required: boolean }> {
  assertAdminRole(session, 'securityAdmin')
  return deps.inTransaction(async (r) => {
    const account = await r.secondFactor.accountById(input.accountId)
    if (!account) throw new NotFoundError('ACCOUNT_NOT_FOUND', '没有这个账户')
    await r.secondFactor.setRequired(account.id, input.required)
    await recordAdminAct(r, deps, session, {
      jurisdictionId: account.personId
        ? ((await r.organisation.jurisdictionOf(account.personId)) ?? null)
        : null,
      action: 'account.secondFactorRequired',
      subject: account.username,
      details: { required: input.required },
    })
    return { required: account.adminRole !== null || input.required }
  })
}
