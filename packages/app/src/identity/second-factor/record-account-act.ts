import { auditEntry } from '../../audit/audit-record.ts'
import type { Hasher } from '../../audit/hasher.ts'
import { chainOfAccount } from '../../session/chain-of-account.ts'
import type { Repositories } from '../../unit-of-work.ts'

/** An act of or on an account's second factor, on the chain its sign-ins go to. */
export async function recordAccountAct(
  r: Repositories,
  deps: { hasher: Hasher; now: () => Date },
  account: { username: string; personId: string | null },
  action: string,
  details: Record<string, unknown> = {},
) {
  await r.audit.append(
    auditEntry({
      jurisdictionId: await chainOfAccount(r.organisation, account.personId),
      occurredAt: deps.now().toISOString(),
      actorPersonId: account.personId,
      action,
      subject: account.username,
      details,
    }),
    deps.hasher,
  )
}
