import { randomBytes } from 'node:crypto'
import type { AccountRecord, PendingLogin } from '../log-in.ts'
import { sha256 } from '../log-in.ts'
import { CHALLENGE_MINUTES, type SecondFactorDeps } from './second-factor-deps.ts'
import { recordAccountAct } from './record-account-act.ts'

/**
 * Whether an account must show a second factor, and if so which step it takes after its password:
 * `verify` with a confirmed factor; `enrol` for an administrator (三员: always required) or an
 * account the security admin marked, while it has none; nothing for the rest.
 */
export function needsSecondFactor(account: {
  adminRole: string | null
  secondFactorRequired: boolean
}): boolean {
  return account.adminRole !== null || account.secondFactorRequired
}

/**
 * logIn's second step: after a correct password, a challenge token (stored as its hash) instead
 * of a session. The challenge is no session: it opens nothing but the second step.
 */
export function secondStepOf(deps: Pick<SecondFactorDeps, 'inTransaction' | 'hasher'>) {
  return async (account: AccountRecord, now: Date): Promise<PendingLogin | null> =>
    deps.inTransaction(async (r) => {
      const stored = await r.secondFactor.accountById(account.id)
      const factor = await r.secondFactor.factorOf(account.id)
      const purpose = factor?.confirmedAt
        ? 'verify'
        : stored && needsSecondFactor(stored)
          ? 'enrol'
          : null
      if (!purpose) return null
      const challenge = randomBytes(32).toString('base64url')
      const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES[purpose] * 60_000).toISOString()
      await r.secondFactor.createChallenge({
        id: sha256(challenge),
        accountId: account.id,
        purpose,
        expiresAt,
        now: now.toISOString(),
      })
      await recordAccountAct(r, { ...deps, now: () => now }, account, 'session.passwordAccepted', {
        secondStep: purpose,
        expiresAt,
      })
      return { secondFactor: purpose, challenge, expiresAt }
    })
}
