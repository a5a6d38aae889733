import { sha256 } from '../log-in.ts'
import type { Repositories } from '../../unit-of-work.ts'
import { CHALLENGE_ATTEMPTS } from './second-factor-deps.ts'
import { SecondFactorError } from './second-factor-error.ts'
import type { LoginChallenge } from './second-factor-repository.ts'

/** The open challenge behind a token, for `purpose`, and its account; else CHALLENGE_INVALID. */
export async function openChallenge(
  r: Repositories,
  token: string,
  purpose: LoginChallenge['purpose'],
  now: Date,
) {
  const challenge = await r.secondFactor.challengeById(sha256(token))
  if (
    !challenge ||
    challenge.purpose !== purpose ||
    challenge.usedAt !== null ||
    challenge.attempts >= CHALLENGE_ATTEMPTS ||
    Date.parse(challenge.expiresAt) <= now.getTime()
  )
    throw new SecondFactorError('CHALLENGE_INVALID', '验证已失效，请重新输入用户名和密码登录')
  const account = await r.secondFactor.accountById(challenge.accountId)
  if (!account)
    throw new SecondFactorError('CHALLENGE_INVALID', '验证已失效，请重新输入用户名和密码登录')
  return { challenge, account }
}
