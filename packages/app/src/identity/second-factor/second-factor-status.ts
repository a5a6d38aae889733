import type { SessionRecord } from '../log-in.ts'
import type { Repositories } from '../../unit-of-work.ts'
import { needsSecondFactor } from './second-step.ts'

export interface SecondFactorStatus {
  /** A confirmed factor is in force: sign-in asks for a code. */
  active: boolean
  /** The account may not do without one (an administrator, or the security admin's setting). */
  required: boolean
  recoveryCodesLeft: number
}

/** The signed-in person's own second factor, for the 两步验证 page. */
export async function secondFactorStatus(
  deps: { inTransaction: <T>(work: (r: Repositories) => Promise<T>) => Promise<T> },
  session: SessionRecord,
): Promise<SecondFactorStatus> {
  return deps.inTransaction(async (r) => {
    const account = await r.secondFactor.accountById(session.accountId)
    const factor = await r.secondFactor.factorOf(session.accountId)
    const active = Boolean(factor?.confirmedAt)
    return {
      active,
      required: account ? needsSecondFactor(account) : false,
      recoveryCodesLeft: active ? await r.secondFactor.unusedRecoveryCodes(session.accountId) : 0,
    }
  })
}
