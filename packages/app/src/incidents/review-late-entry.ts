import { type ActDeps, runAct, type SubjectStore } from '../acts/act-kernel.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  LATE_ENTRY_DECISION_LABELS,
  type LateEntryDecision,
  type LateEntryLine,
  type LateEntryReview,
} from './incident.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { registerLineView } from './late-register.ts'

const LINE_NOT_FOUND = () =>
  new NotFoundError('INCIDENT_ENTRY_NOT_FOUND', '没有这条迟报漏报记录，或您无权查看')

/**
 * A register line's store on the act kernel: locked with its incident's title, unit and step
 * through the incident scope (not visible = not found); a 核实 writes the review on the line
 * (its kind, times and minutes stay as recorded) and one audit record with the decision before
 * and after, so every review stays in the history.
 */
function lateLineStore(deps: ActDeps): SubjectStore<LateEntryLine, LateEntryReview, LateEntryLine> {
  return {
    lock: ({ r, actor, today }, id) =>
      r.incidents.lockLine(incidentScopeOf(deps.rules, actor, today), id),
    notFound: LINE_NOT_FOUND,
    async apply({ r, actor, at }, line, review) {
      const { reviewedByName } = await r.incidents.reviewLine(line.id, review)
      const state = (l: LateEntryLine['review']) =>
        l ? { decision: l.decision, reason: l.reason, by: l.byPersonId, at: l.at } : null
      await r.audit.append(
        auditEntry({
          jurisdictionId: line.jurisdictionId,
          occurredAt: at,
          actorPersonId: actor.personId,
          actorPostId: actor.currentPost.postId,
          action: 'incident.lateEntryReview',
          subject: line.id,
          beforeDigest: line.review ? digestOf(state(line.review), deps.hasher) : null,
          afterDigest: digestOf(state(review), deps.hasher),
          ruleIds: line.ruleIds,
          details: {
            incidentId: line.incidentId,
            kind: line.kind,
            decision: review.decision,
            reason: review.reason,
            previous: state(line.review),
          },
        }),
        deps.hasher,
      )
      return { ...line, review, reviewedByName }
    },
  }
}

/**
 * 核实 of a 迟报漏报 register line by the duty office (值班、应急部门、政府办公室、政府领导): the line
 * stands (confirmed: it stays a 迟报/漏报 and may be circulated) or is excused (不予通报: the unit
 * reported by phone outside the system, communications were down…), with the reason. A line
 * already circulated is not reviewed again (the circular stands). Answers the line as the
 * register shows it.
 */
export async function reviewLateEntry(
  deps: ActDeps,
  session: SessionRecord,
  input: { entryId: string; decision: LateEntryDecision; reason: string },
) {
  const reason = input.reason.trim()
  if (!reason)
    throw new InvalidInputError('INCIDENT_REVIEW_REASON', '请填写核实理由', [
      { path: 'reason', message: '请填写核实理由' },
    ])
  const { after } = await runAct(
    deps,
    session,
    input.entryId,
    lateLineStore(deps),
    async ({ actor, at, today }, line): Promise<LateEntryReview> => {
      if (!incidentScopeOf(deps.rules, actor, today).seesAll)
        throw new NotPermittedError(
          'INCIDENT_NOT_DUTY_OFFICE',
          '只有值班（应急）部门、政府办公室或政府领导可以核实迟报漏报记录',
        )
      if (line.circularId)
        throw new NotPermittedError(
          'INCIDENT_ENTRY_CIRCULATED',
          `该记录已通报，不能再核实为"${LATE_ENTRY_DECISION_LABELS[input.decision]}"`,
        )
      return {
        decision: input.decision,
        reason,
        byPersonId: actor.personId,
        byPostId: actor.currentPost.postId,
        at,
      }
    },
  )
  return registerLineView(after)
}
