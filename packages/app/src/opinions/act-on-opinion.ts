import { type ActFrame, runAct, type SubjectStore } from '../acts/act-kernel.ts'
import { type NewDutyEvent, recordDutyEvent } from '../duty/duty-events.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { NewNotification } from '../notifications/notification.ts'
import type { LoadedOpinion, OpinionRecord, OpinionResponse } from './opinion.ts'
import {
  auditOpinion,
  OPINION_NOT_FOUND,
  type OpinionDeps,
  opinionScopeOf,
} from './opinion-acts.ts'

/** What one act on an item decides; the store writes it in batches. */
export interface OpinionActOutcome {
  action: string
  text: string | null
  changes: Partial<Pick<OpinionRecord, 'steps' | 'status' | 'closedAt' | 'closedByPersonId'>>
  response?: OpinionResponse
  notify?: NewNotification[]
  event?: Pick<NewDutyEvent, 'type'>
}

/**
 * One act on an item of public opinion, on the act kernel: locked and loaded through the scope
 * (not visible = not found) with its responses in one statement; the act decides; the store
 * writes the change, the response, messages, the duty event and the audit record, and answers the
 * item as it now stands from the state in hand.
 */
export async function actOnOpinion(
  deps: OpinionDeps,
  session: SessionRecord,
  itemId: string,
  act: (frame: ActFrame, loaded: LoadedOpinion) => Promise<OpinionActOutcome>,
): Promise<LoadedOpinion> {
  const { after } = await runAct(deps, session, itemId, opinionStore(deps), act)
  return after
}

function opinionStore(
  deps: OpinionDeps,
): SubjectStore<LoadedOpinion, OpinionActOutcome, LoadedOpinion> {
  return {
    lock: ({ r, actor, today }, id) =>
      r.opinions.load(opinionScopeOf(deps.rules, actor, today), id, { forUpdate: true }),
    notFound: OPINION_NOT_FOUND,
    async apply({ r, actor, at }, loaded, outcome) {
      const before = loaded.record
      const record: OpinionRecord = { ...before, ...outcome.changes }
      await r.opinions.update(before.id, outcome.changes)
      if (outcome.response) await r.opinions.insertResponse(outcome.response)
      if (outcome.notify?.length) await r.notifications.notifyAll(outcome.notify)
      if (outcome.event)
        await recordDutyEvent(r, {
          type: outcome.event.type,
          jurisdictionId: record.jurisdictionId,
          subject: 'opinion',
          subjectId: record.id,
          departmentIds: record.responsibleDepartmentId ? [record.responsibleDepartmentId] : [],
          secrecy: record.secrecy,
          at,
        })
      await auditOpinion(r, deps, {
        record,
        before,
        at,
        personId: actor.personId,
        postId: actor.currentPost.postId,
        action: outcome.action,
        text: outcome.text,
      })
      return {
        ...loaded,
        record,
        responses: outcome.response
          ? [...loaded.responses, { ...outcome.response, byName: null }]
          : loaded.responses,
      }
    },
  }
}
