import { openChallenge } from './challenge-account.ts'
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.ts'
import { openSession, type OpenedSession } from '../log-in.ts'
import { ConflictError } from '../../errors.ts'
import type { SecondFactorDeps } from './second-factor-deps.ts'
import { SecondFactorError } from './second-factor-error.ts'
import { recordAccountAct } from './record-account-act.ts'
import { type Enrolling, enrollingAccount } from './start-enrolment.ts'
import { totpStepOf } from './totp.ts'

/**
 * Confirms an enrolment with a code from the app: the factor is in force from now, with ten new
 * recovery codes (stored hashed, answered this once). Enrolling from a challenge also opens the
 * session the sign-in was for. A wrong code uses up one of the challenge's attempts.
 */
export async function confirmEnrolment(
  deps: SecondFactorDeps,
  who: Enrolling,
  code: string,
): Promise<{ recoveryCodes: string[]; opened: OpenedSession | null }> {
  const now = deps.now()
  const at = (deps.authenticatorNow ?? deps.now)()
  const result = await deps.inTransaction(async (r) => {
    const account = await enrollingAccount(r, who, now)
    const factor = await r.secondFactor.factorOf(account.id)
    if (factor?.confirmedAt) throw new ConflictError('SECOND_FACTOR_ACTIVE', '两步验证已启用')
    if (!factor)
      throw new ConflictError('ENROLMENT_NOT_STARTED', '请先生成二维码，再输入验证器显示的验证码')
    const step = totpStepOf(deps.box.open(factor.secretSealed, account.id), code.trim(), at)
    if (step === null) return { account, step: null }
    await r.secondFactor.confirmFactor(account.id, step, now.toISOString())
    const recoveryCodes = newRecoveryCodes()
    await r.secondFactor.replaceRecoveryCodes(account.id, recoveryCodes.map(hashRecoveryCode))
    if ('challenge' in who) {
      const { challenge } = await openChallenge(r, who.challenge, 'enrol', now)
      await r.secondFactor.useChallenge(challenge.id, now.toISOString())
    }
    await recordAccountAct(r, deps, account, 'secondFactor.enrolled', {
      kind: 'totp',
      recoveryCodes: recoveryCodes.length,
    })
    return { account, step, recoveryCodes }
  })
  if (result.step === null || !result.recoveryCodes) {
    await deps.inTransaction(async (r) => {
      if ('challenge' in who) {
        const { challenge } = await openChallenge(r, who.challenge, 'enrol', now)
        await r.secondFactor.countChallengeAttempt(challenge.id)
      }
      await recordAccountAct(r, deps, result.account, 'secondFactor.enrolmentFailed', {
        reason: 'wrongCode',
      })
    })
    throw new SecondFactorError(
      'SECOND_FACTOR_INVALID',
      '验证码不正确：请确认手机时间准确，并输入验证器当前显示的 6 位数字',
    )
  }
  const opened =
    'challenge' in who
      ? await openSession(deps, result.account, now, { secondFactor: 'enrolled' })
      : null
  return { recoveryCodes: result.recoveryCodes, opened }
}
