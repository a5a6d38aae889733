import { ConflictError } from '../../errors.ts'
import type { Repositories } from '../../unit-of-work.ts'
import type { SessionRecord } from '../log-in.ts'
import { openChallenge } from './challenge-account.ts'
import type { SecondFactorDeps } from './second-factor-deps.ts'
import { SecondFactorError } from './second-factor-error.ts'
import { recordAccountAct } from './record-account-act.ts'
import { newTotpSecret, otpauthUri } from './totp.ts'

/** Who enrols: an account between its password and its first factor, or a signed-in person. */
export type Enrolling = { challenge: string } | { session: SessionRecord }

/** The account behind an enrolment, checked: an open `enrol` challenge, or an open session. */
export async function enrollingAccount(r: Repositories, who: Enrolling, now: Date) {
  if ('challenge' in who) return (await openChallenge(r, who.challenge, 'enrol', now)).account
  const account = await r.secondFactor.accountById(who.session.accountId)
  if (!account) throw new SecondFactorError('CHALLENGE_INVALID', '登录已失效，请重新登录')
  return account
}

/**
 * Starts enrolling a TOTP authenticator: a new secret, sealed at rest, not yet in force (a code
 * from the app confirms it). Answers the secret as text and as the otpauth:// address for the
 * QR code. An account whose factor is in force cannot start over by itself: the security admin
 * resets a lost one.
 */
export async function startEnrolment(
  deps: SecondFactorDeps,
  who: Enrolling,
): Promise<{ secret: string; otpauthUri: string }> {
  const now = deps.now()
  return deps.inTransaction(async (r) => {
    const account = await enrollingAccount(r, who, now)
    const factor = await r.secondFactor.factorOf(account.id)
    if (factor?.confirmedAt)
      throw new ConflictError(
        'SECOND_FACTOR_ACTIVE',
        '两步验证已启用；更换手机请联系安全保密管理员重置',
      )
    const secret = (deps.newSecret ?? newTotpSecret)(account.username)
    await r.secondFactor.replaceFactor(
      account.id,
      deps.box.seal(secret, account.id),
      now.toISOString(),
    )
    await recordAccountAct(r, deps, account, 'secondFactor.enrolmentStarted', { kind: 'totp' })
    return { secret, otpauthUri: otpauthUri(secret, account.username, deps.issuer ?? '政令') }
  })
}
