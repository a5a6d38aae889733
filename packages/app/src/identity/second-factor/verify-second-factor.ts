import { formatShanghai } from '@zhengling/rules'
import { afterFailure, DEFAULT_LOCKOUT_POLICY, isLocked } from '../login-throttle.ts'
import { LoginError, openSession, type OpenedSession } from '../log-in.ts'
import { openChallenge } from './challenge-account.ts'
import { hashRecoveryCode, looksLikeRecoveryCode } from './recovery-codes.ts'
import type { SecondFactorDeps } from './second-factor-deps.ts'
import { SecondFactorError } from './second-factor-error.ts'
import { recordAccountAct } from './record-account-act.ts'
import { totpStepOf } from './totp.ts'

type Refusal = 'wrongCode' | 'replayed' | 'wrongRecoveryCode' | 'noFactor'

const lockedError = (lockedUntil: string) =>
  new LoginError(
    'ACCOUNT_LOCKED',
    `登录失败次数过多，账户已锁定至 北京时间 ${formatShanghai(Date.parse(lockedUntil)).slice(0, 16).replace('T', ' ')}`,
    lockedUntil,
  )

/**
 * The second step of a sign-in: the challenge from the password step and a 6-digit code from the
 * authenticator app (a step not accepted before: a code seen once is spent) or one of the
 * one-time recovery codes. A wrong code counts as a failed sign-in (the lockout of the password
 * step) and against the challenge's few attempts; every attempt is audited.
 */
export async function verifySecondFactor(
  deps: SecondFactorDeps,
  input: { challenge: string; code: string },
): Promise<OpenedSession> {
  const now = deps.now()
  const { challenge, account } = await deps.inTransaction((r) =>
    openChallenge(r, input.challenge, 'verify', now),
  )
  if (isLocked(account, now) && account.lockedUntil) throw lockedError(account.lockedUntil)
  const code = input.code.trim()
  const outcome = await deps.inTransaction(
    async (r): Promise<{ refused: Refusal } | { by: 'totp' | 'recoveryCode'; left?: number }> => {
      const factor = await r.secondFactor.factorOf(account.id)
      if (!factor?.confirmedAt) return { refused: 'noFactor' }
      let by: 'totp' | 'recoveryCode'
      if (/^\d{6}$/.test(code)) {
        const at = (deps.authenticatorNow ?? deps.now)()
        const step = totpStepOf(deps.box.open(factor.secretSealed, account.id), code, at)
        if (step === null) return { refused: 'wrongCode' }
        if (!(await r.secondFactor.acceptStep(account.id, step))) return { refused: 'replayed' }
        by = 'totp'
      } else if (looksLikeRecoveryCode(code)) {
        const used = await r.secondFactor.useRecoveryCode(
          account.id,
          hashRecoveryCode(code),
          now.toISOString(),
        )
        if (!used) return { refused: 'wrongRecoveryCode' }
        by = 'recoveryCode'
      } else return { refused: 'wrongCode' }
      if (!(await r.secondFactor.useChallenge(challenge.id, now.toISOString())))
        throw new SecondFactorError('CHALLENGE_INVALID', '验证已失效，请重新输入用户名和密码登录')
      return by === 'recoveryCode'
        ? { by, left: await r.secondFactor.unusedRecoveryCodes(account.id) }
        : { by }
    },
  )
  if ('refused' in outcome) {
    const state = afterFailure(account, now, deps.lockout ?? DEFAULT_LOCKOUT_POLICY)
    await deps.inTransaction(async (r) => {
      await r.secondFactor.countChallengeAttempt(challenge.id)
      await r.identity.saveLoginState(account.id, state)
      await recordAccountAct(r, deps, account, 'session.secondFactorFailed', {
        reason: outcome.refused,
        failedCount: state.failedCount,
        lockedUntil: state.lockedUntil,
      })
    })
    if (state.lockedUntil) throw lockedError(state.lockedUntil)
    throw outcome.refused === 'replayed'
      ? new SecondFactorError(
          'SECOND_FACTOR_REPLAYED',
          '这个验证码已经用过，请等验证器显示下一个验证码再输入',
        )
      : new SecondFactorError('SECOND_FACTOR_INVALID', '验证码或恢复码不正确')
  }
  return openSession(deps, account, now, {
    secondFactor: outcome.by,
    ...(outcome.left === undefined ? {} : { recoveryCodesLeft: outcome.left }),
  })
}
