import { assertAdminRole } from '../access/policies.ts'
import type { Hasher } from '../audit/hasher.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { PasswordHasher } from '../identity/password-hasher.ts'
import { passwordProblems } from '../identity/password-policy.ts'
import type { InTransaction } from '../unit-of-work.ts'
import type { AccountSummary } from './account-admin-repository.ts'
import { recordAdminAct } from './record-admin-act.ts'

export function assertPasswordPolicy(password: string, username: string): void {
  const problems = passwordProblems(password, username)
  if (problems.length > 0)
    throw new InvalidInputError(
      'PASSWORD_POLICY',
      `密码不符合要求：${problems.join('；')}`,
      problems.map((message) => ({ path: '/password', message })),
    )
}

/**
 * The system admin opens an account for a person of a jurisdiction (one account per person).
 * Administrator accounts are not made here: they are set up at installation, outside the web.
 */
export async function createAccount(
  deps: {
    inTransaction: InTransaction
    passwords: PasswordHasher
    hasher: Hasher
    now: () => Date
    newId: () => string
  },
  session: SessionRecord,
  input: { username: string; password: string; personId: string },
): Promise<AccountSummary> {
  assertAdminRole(session, 'systemAdmin')
  assertPasswordPolicy(input.password, input.username)
  const passwordHash = await deps.passwords.hash(input.password)
  return deps.inTransaction(async (r) => {
    const person = await r.accountAdmin.person(input.personId)
    if (!person) throw new NotFoundError('PERSON_NOT_FOUND', '没有这个人员')
    if (await r.accountAdmin.usernameTaken(input.username))
      throw new ConflictError('USERNAME_TAKEN', `用户名已被使用：${input.username}`)
    const existing = (await r.accountAdmin.accounts()).find(
      (account) => account.person?.id === person.id,
    )
    if (existing)
      throw new ConflictError('PERSON_HAS_ACCOUNT', `${person.name} 已有账户：${existing.username}`)
    const id = deps.newId()
    await r.accountAdmin.createAccount({
      id,
      username: input.username,
      passwordHash,
      personId: person.id,
    })
    await recordAdminAct(r, deps, session, {
      jurisdictionId: person.jurisdictionId,
      action: 'account.create',
      subject: input.username,
      details: { personId: person.id, personName: person.name },
    })
    return (await r.accountAdmin.account(id)) as AccountSummary
  })
}
