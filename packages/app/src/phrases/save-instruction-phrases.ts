import type { Hasher } from '../audit/hasher.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { recordSessionAct } from '../session/record-session-act.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { checkedPhrases, DEFAULT_INSTRUCTION_PHRASES } from './instruction-phrases.ts'
import { type InstructionPhrases, personOf } from './list-instruction-phrases.ts'

/**
 * Keeps the signed-in person's 常用批示语 as the list given (added, removed, reordered): each
 * phrase checked, stored in one transaction with its audit record (what was added and removed).
 * Only the person's own list is ever read or written.
 */
export function saveInstructionPhrases(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date },
  session: SessionRecord,
  input: { phrases: readonly string[] },
): Promise<InstructionPhrases> {
  const personId = personOf(session)
  const phrases = checkedPhrases(input.phrases)
  return deps.inTransaction(async (r) => {
    const before = (await r.phrases.listOf(personId)) ?? [...DEFAULT_INSTRUCTION_PHRASES]
    await r.phrases.save(personId, phrases, deps.now().toISOString())
    await recordSessionAct(r, deps, session, {
      action: 'person.saveInstructionPhrases',
      details: {
        count: phrases.length,
        added: phrases.filter((phrase) => !before.includes(phrase)),
        removed: before.filter((phrase) => !phrases.includes(phrase)),
      },
    })
    return { phrases, defaults: false }
  })
}
