import { shanghaiDateOf } from '@zhengling/rules'
import type { Viewer } from '../access/can-see.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import type { DocumentDeps } from '../documents/act-on-document.ts'
import { actorOf } from '../documents/act-on-document.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { MeetingRecord } from './meeting.ts'
import { notifyMeetingAct } from '../notifications/meeting-notifications.ts'

/** Meetings use the same command dependencies as documents: transaction, clock, ids, rules. */
export type MeetingDeps = DocumentDeps

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
 * One act on a meeting, in one transaction: the meeting locked and read through the access rule
 * (one the actor may not see is "not found"), the act, then its history entry and audit record.
 */
export function actOnMeeting<T>(
  deps: MeetingDeps,
  session: SessionRecord,
  meetingId: string,
  act: (context: MeetingActContext) => Promise<MeetingActOutcome<T>>,
): Promise<T> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    const meeting = await r.meetings.visible(viewer, meetingId, { forUpdate: true })
    if (!meeting) throw new NotFoundError('MEETING_NOT_FOUND', '没有这次会议，或您无权查看')
    const at = now.toISOString()
    const outcome = await act({
      r,
      viewer,
      post,
      meeting,
      today: shanghaiDateOf(now.getTime()),
      at,
    })
    await recordMeetingAct(r, deps, {
      meetingId: meeting.id,
      jurisdictionId: meeting.jurisdictionId,
      at,
      personId: session.personId,
      postId: post.postId,
      ...outcome,
    })
    await notifyMeetingAct(r, meeting, { action: outcome.action, at, details: outcome.details })
    return outcome.result
  })
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
      details: { agendaItemId: act.agendaItemId ?? null },
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
