import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { DEFAULT_INSTRUCTION_PHRASES } from './instruction-phrases.ts'

export interface InstructionPhrases {
  phrases: string[]
  /** The person has not kept a list yet: these are the product's defaults. */
  defaults: boolean
}

/** The signed-in person's own 常用批示语, or the defaults until they keep a list. */
export async function listInstructionPhrases(
  r: Pick<Repositories, 'phrases'>,
  session: SessionRecord,
): Promise<InstructionPhrases> {
  const personId = personOf(session)
  const kept = await r.phrases.listOf(personId)
  return kept === null
    ? { phrases: [...DEFAULT_INSTRUCTION_PHRASES], defaults: true }
    : { phrases: kept, defaults: false }
}

/** Phrases belong to a person: an administrator's account holds no post and keeps none. */
export function personOf(session: SessionRecord): string {
  if (!session.personId)
    throw new NotPermittedError('NO_PERSON', '管理员账户不办理公文，没有常用批示语')
  return session.personId
}
