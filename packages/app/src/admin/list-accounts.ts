import { assertAdminRole } from '../access/policies.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { AccountSummary } from './account-admin-repository.ts'

/** Every account of the deployment, for the system and security admins. */
export async function listAccounts(
  repositories: Pick<Repositories, 'accountAdmin'>,
  session: SessionRecord,
): Promise<AccountSummary[]> {
  assertAdminRole(session, 'systemAdmin', 'securityAdmin')
  return repositories.accountAdmin.accounts()
}
