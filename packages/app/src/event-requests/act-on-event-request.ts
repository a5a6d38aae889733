import { type ActDeps, type ActFrame, runAct, type SubjectStore } from '../acts/act-kernel.ts'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { NewNotification } from '../notifications/notification.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  EVENT_REQUEST_STATUS_LABELS,
  type EventRequest,
  type EventRequestChanges,
  type EventRequestStatus,
  type LoadedEventRequest,
} from './event-request.ts'

/** Requests' acts take what every act takes (acts/act-kernel.ts). */
export type EventRequestDeps = ActDeps

export interface EventRequestOutcome {
  action: string
  text: string | null
  ruleIds: string[]
  changes: EventRequestChanges
  /** Messages the act sends (the department asking, the leaders invited). */
  notify: (after: EventRequest, at: string) => NewNotification[]
}

/**
 * One act on a request, on the act kernel: the request locked and read through the access rule
 * with its history in one statement (one the actor may not see is "not found"), the act, then
 * its change, history entry, messages and audit record.
 */
export async function actOnEventRequest(
  deps: EventRequestDeps,
  session: SessionRecord,
  requestId: string,
  act: (frame: ActFrame, request: LoadedEventRequest) => Promise<EventRequestOutcome>,
): Promise<EventRequest> {
  const { after } = await runAct(deps, session, requestId, eventRequests(deps), act)
  return after
}

function eventRequests(
  deps: Pick<EventRequestDeps, 'hasher'>,
): SubjectStore<LoadedEventRequest, EventRequestOutcome, EventRequest> {
  return {
    lock: ({ r, actor }, id) => r.eventRequests.visible(actor, id, { forUpdate: true }),
    notFound: () =>
      new NotFoundError('EVENT_REQUEST_NOT_FOUND', '没有这个会议活动申请，或您无权查看'),
    async apply({ r, actor, at }, request, outcome) {
      await r.eventRequests.update(request.id, outcome.changes, at)
      const after: EventRequest = { ...request, ...outcome.changes, updatedAt: at }
      await recordEventRequestAct(r, deps, {
        request: after,
        at,
        personId: actor.personId,
        postId: actor.currentPost.postId,
        action: outcome.action,
        text: outcome.text,
        ruleIds: outcome.ruleIds,
        notifications: outcome.notify(after, at),
      })
      return after
    },
  }
}

/** The history entry, the messages and the audit record of one act on a request. */
export async function recordEventRequestAct(
  r: Repositories,
  deps: Pick<EventRequestDeps, 'hasher'>,
  act: {
    request: EventRequest
    at: string
    personId: string
    postId: string
    action: string
    text: string | null
    ruleIds: string[]
    details?: Record<string, unknown>
    notifications: NewNotification[]
  },
): Promise<void> {
  const { request } = act
  await r.eventRequests.appendEvent({
    requestId: request.id,
    occurredAt: act.at,
    actorPersonId: act.personId,
    actorPostId: act.postId,
    action: act.action,
    text: act.text,
    ruleIds: act.ruleIds,
    details: act.details ?? {},
  })
  if (act.notifications.length) await r.notifications.notifyAll(act.notifications)
  await r.audit.append(
    auditEntry({
      jurisdictionId: request.jurisdictionId,
      occurredAt: act.at,
      actorPersonId: act.personId,
      actorPostId: act.postId,
      action: `eventRequest.${act.action}`,
      subject: request.id,
      afterDigest: digestOf(
        { status: request.status, date: request.date, text: act.text },
        deps.hasher,
      ),
      ruleIds: act.ruleIds,
      details: { title: request.title, kind: request.kind, date: request.date },
    }),
    deps.hasher,
  )
}

export function assertGovernmentOffice(post: HeldPost, what: string): void {
  if (!isGovernmentOfficePost(post))
    throw new NotPermittedError(
      'NOT_GOVERNMENT_OFFICE',
      `${post.title}不是政府办公室（办公厅）的职务，不能${what}`,
    )
}

export function assertRequestStatus(
  request: EventRequest,
  allowed: readonly EventRequestStatus[],
  what: string,
): void {
  if (!allowed.includes(request.status))
    throw new NotPermittedError(
      'WRONG_STATE',
      `申请当前状态为"${EVENT_REQUEST_STATUS_LABELS[request.status]}"，不能${what}`,
    )
}

/** The request's page in the web app. */
export const eventRequestLink = (id: string) => `/event-requests/${id}`
