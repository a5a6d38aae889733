import { actorOf } from '../documents/act-on-document.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'

/** One evidence file with its bytes, for whoever may see the item; otherwise "not found". */
export async function downloadSupervisionEvidence(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  input: { itemId: string; evidenceId: string },
) {
  const { viewer } = await actorOf(r, session, deps.now())
  const item = await r.supervision.visible(viewer, input.itemId)
  const evidence = item ? await r.supervision.evidenceContent(item.id, input.evidenceId) : undefined
  if (!evidence) throw new NotFoundError('EVIDENCE_NOT_FOUND', '没有这份佐证材料，或您无权查看')
  return evidence
}
