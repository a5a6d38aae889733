import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnOpinion } from './act-on-opinion.ts'
import type { LoadedOpinion } from './opinion.ts'
import { assertNotClosed, type OpinionDeps, opinionScopeOf } from './opinion-acts.ts'

/**
 * 办结: the duty office, the government office or a leader closes an item (its open steps' timers
 * then find nothing to do). The reason is kept with the audit record.
 */
export function closeOpinion(
  deps: OpinionDeps,
  session: SessionRecord,
  input: { itemId: string; note?: string },
): Promise<LoadedOpinion> {
  return actOnOpinion(deps, session, input.itemId, async ({ actor, at, today }, loaded) => {
    assertNotClosed(loaded.record, '办结')
    if (!opinionScopeOf(deps.rules, actor, today).seesAll)
      throw new NotPermittedError(
        'OPINION_NOT_PERMITTED',
        '政务舆情由值班室、政府办公室或政府领导办结',
      )
    return {
      action: 'close',
      text: input.note?.trim() || null,
      changes: { status: 'closed', closedAt: at, closedByPersonId: actor.personId },
    }
  })
}
