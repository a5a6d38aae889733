import { shanghaiDateOf } from '@zhengling/rules'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { citationsOf } from '../documents/document-rules.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  EVENT_REQUEST_ACTION_LABELS,
  EVENT_REQUEST_KINDS,
  EVENT_REQUEST_SCOPES,
  EVENT_REQUEST_STATUS_LABELS,
  type LoadedEventRequest,
} from './event-request.ts'
import { checkView } from './preview-event-request.ts'

export type EventRequestAct = 'approve' | 'refuse' | 'withdraw'

/** What the post may do with the request now. */
export function actsOn(request: LoadedEventRequest, post: HeldPost): EventRequestAct[] {
  if (request.status !== 'pending') return []
  return [
    ...(isGovernmentOfficePost(post) ? (['approve', 'refuse'] as const) : []),
    ...(post.departmentId === request.unitId ? (['withdraw'] as const) : []),
  ]
}

/** A request as a list line shows it. */
export function eventRequestSummary(rules: RulesPort, request: LoadedEventRequest, post: HeldPost) {
  return {
    id: request.id,
    kind: request.kind,
    kindLabel: EVENT_REQUEST_KINDS[request.kind],
    scope: request.scope,
    scopeLabel: EVENT_REQUEST_SCOPES[request.scope],
    title: request.title,
    date: request.date,
    time: request.time,
    place: request.place,
    unitId: request.unitId,
    unitName: request.unitName,
    invited: request.invited,
    filedBy: { personName: request.filedByName, postTitle: request.filedByPostTitle },
    filedOn: request.filedOn,
    status: request.status,
    statusLabel: EVENT_REQUEST_STATUS_LABELS[request.status],
    late: request.late,
    opinion: request.opinion,
    decidedAt: request.decidedAt,
    checks: request.checks.map((check) =>
      checkView(rules, request.jurisdictionId, request.filedOn, check),
    ),
    acts: actsOn(request, post),
  }
}

/** A request with its checks, history and articles, and what the viewer may do with it. */
export function eventRequestView(rules: RulesPort, request: LoadedEventRequest, post: HeldPost) {
  const cite = (ruleIds: readonly string[]) =>
    citationsOf(rules, request.jurisdictionId, ruleIds, request.filedOn)
  return {
    ...eventRequestSummary(rules, request, post),
    history: request.history.map((entry) => ({
      at: entry.occurredAt,
      action: entry.action,
      actionLabel: EVENT_REQUEST_ACTION_LABELS[entry.action] ?? entry.action,
      personName: entry.personName,
      postTitle: entry.postTitle,
      text: entry.text,
      citations: cite(entry.ruleIds),
    })),
    citations: cite(request.ruleIds),
  }
}

/** 会议活动申请 as the viewer may see it (not visible = not found). */
export async function viewEventRequest(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  requestId: string,
) {
  const actor = actingIn(await actorOfSession(r, session, deps.now()))
  const request = await r.eventRequests.visible(actor, requestId)
  if (!request)
    throw new NotFoundError('EVENT_REQUEST_NOT_FOUND', '没有这个会议活动申请，或您无权查看')
  return eventRequestView(deps.rules, request, actor.currentPost)
}

/**
 * 会议活动申请 lists: the department's own (mine), those awaiting the office (toDecide), or all
 * the viewer may see, by event date.
 */
export async function listEventRequests(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  query: {
    scope?: 'mine' | 'toDecide' | 'all'
    status?: LoadedEventRequest['status']
    from?: string
    to?: string
  },
) {
  const now = deps.now()
  const actor = actingIn(await actorOfSession(r, session, now))
  const post = actor.currentPost
  const scope = query.scope ?? 'all'
  const today = shanghaiDateOf(now.getTime())
  // Nothing to decide outside the office; nothing filed by a unit one does not serve in.
  if (scope === 'toDecide' && !isGovernmentOfficePost(post)) return { today, items: [] }
  if (scope === 'mine' && !post.departmentId) return { today, items: [] }
  const items = await r.eventRequests.list(actor, {
    status: scope === 'toDecide' ? 'pending' : query.status,
    unitId: scope === 'mine' ? (post.departmentId ?? undefined) : undefined,
    from: query.from,
    to: query.to,
    limit: 200,
  })
  return {
    today,
    items: items.map((request) => eventRequestSummary(deps.rules, request, post)),
  }
}
