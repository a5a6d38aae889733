import { articleOfRule, withActing } from '../acting/acting-note.ts'
import type { Viewer } from '../access/can-see.ts'
import { type ActDeps, runAct, type SubjectStore } from '../acts/act-kernel.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { MeetingRecord } from './meeting.ts'
import { notifyMeetingAct } from '../notifications/meeting-notifications.ts'

/** Meeting acts take what every act takes (acts/act-kernel.ts): transaction, clock, ids, rules. */
export type MeetingDeps = ActDeps

export interface MeetingActContext {
  r: Repositories
  viewer: Viewer & { posts: HeldPost[] }
  post: HeldPost
  meeting: MeetingRecord
  today: string
  at: string
}

export interface MeetingActOutcome<T> {
  action: string
  agendaItemId?: string | null
  text?: string | null
  ruleIds: string[]
  details?: Record<string, unknown>
  result: T
}

/**
 * One act on a meeting, on the act kernel (acts/act-kernel.ts): the meeting locked and read
 * through the access rule in one statement (one the actor may not see is "not found"), the act,
 * then its history entry, audit record and messages.
 */
export async function actOnMeeting<T>(
  deps: MeetingDeps,
  session: SessionRecord,
  meetingId: string,
  act: (context: MeetingActContext) => Promise<MeetingActOutcome<T>>,
): Promise<T> {
  const { outcome } = await runAct(deps, session, meetingId, meetings<T>(deps), (frame, meeting) =>
    act({
      r: frame.r,
      viewer: frame.actor,
      post: frame.actor.currentPost,
      meeting,
      today: frame.today,
      at: frame.at,
    }),
  )
  return outcome.result
}

/** Meetings as the act kernel handles them: the meeting record is what an act reads. */
function meetings<T>(
  deps: Pick<MeetingDeps, 'hasher' | 'rules'>,
): SubjectStore<MeetingRecord, MeetingActOutcome<T>, MeetingRecord> {
  return {
    lock: ({ r, actor }, id) => r.meetings.visible(actor, id, { forUpdate: true }),
    notFound: () => new NotFoundError('MEETING_NOT_FOUND', '没有这次会议，或您无权查看'),
    async apply({ r, actor, at, today }, meeting, outcome) {
      await recordMeetingAct(r, deps, {
        meetingId: meeting.id,
        jurisdictionId: meeting.jurisdictionId,
        at,
        personId: actor.personId,
        postId: actor.currentPost.postId,
        ...outcome,
        // Done in an acting post: the history and the audit say so, with the article (代行…).
        ...withActing(
          actor.currentPost,
          outcome,
          articleOfRule(deps.rules, meeting.jurisdictionId, today),
        ),
      })
      await notifyMeetingAct(r, meeting, { action: outcome.action, at, details: outcome.details })
      return meeting
    },
  }
}

/** The history entry and the audit record of one act on a meeting. */
export async function recordMeetingAct(
  r: Repositories,
  deps: Pick<MeetingDeps, 'hasher'>,
  act: {
    meetingId: string
    jurisdictionId: string
    at: string
    personId: string | null
    postId: string | null
    action: string
    agendaItemId?: string | null
    text?: string | null
    ruleIds: string[]
    details?: Record<string, unknown>
  },
): Promise<void> {
  await r.meetings.appendEvent({
    meetingId: act.meetingId,
    agendaItemId: act.agendaItemId ?? null,
    occurredAt: act.at,
    actorPersonId: act.personId,
    actorPostId: act.postId,
    action: act.action,
    text: act.text ?? null,
    ruleIds: act.ruleIds,
    details: act.details ?? {},
  })
  await r.audit.append(
    auditEntry({
      jurisdictionId: act.jurisdictionId,
      occurredAt: act.at,
      actorPersonId: act.personId,
      actorPostId: act.postId,
      action: `meeting.${act.action}`,
      subject: act.meetingId,
      afterDigest: digestOf({ text: act.text ?? null, details: act.details ?? {} }, deps.hasher),
      ruleIds: act.ruleIds,
      details: {
        agendaItemId: act.agendaItemId ?? null,
        ...(act.details?.acting ? { acting: act.details.acting } : {}),
      },
    }),
    deps.hasher,
  )
}

/** Refuses an act the meeting's state does not allow, naming the state it is in. */
export function assertMeetingState(
  meeting: MeetingRecord,
  allowed: readonly MeetingRecord['state'][],
  act: string,
) {
  if (!allowed.includes(meeting.state))
    throw new NotPermittedError(
      'WRONG_STATE',
      `会议当前状态为"${MEETING_STATE_LABELS[meeting.state]}"，不能${act}`,
    )
}

export const MEETING_STATE_LABELS: Record<MeetingRecord['state'], string> = {
  planned: '筹备中（收集议题）',
  agendaApproved: '议题已审定、已通知',
  open: '会议进行中',
  closed: '已散会',
}
