import { assertAdminRole } from '../access/policies.ts'
import { parseSecrecyInput } from '../access/secrecy.ts'
import type { Hasher } from '../audit/hasher.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { recordAdminAct } from './record-admin-act.ts'

/** The security admin sets the highest secrecy level a person may read (绝密 is refused). */
export function setClearance(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date },
  session: SessionRecord,
  input: { personId: string; clearance: string },
): Promise<{ personId: string; clearance: string }> {
  assertAdminRole(session, 'securityAdmin')
  const clearance = parseSecrecyInput(input.clearance)
  return deps.inTransaction(async (r) => {
    const person = await r.accountAdmin.person(input.personId)
    if (!person) throw new NotFoundError('PERSON_NOT_FOUND', '没有这个人员')
    await r.accountAdmin.setClearance(person.id, clearance)
    await recordAdminAct(r, deps, session, {
      jurisdictionId: person.jurisdictionId,
      action: 'person.setClearance',
      subject: person.name,
      details: { personId: person.id, from: person.clearance, to: clearance },
    })
    return { personId: person.id, clearance }
  })
}
