import { shanghaiDateOf } from '@zhengling/rules'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'
import { type ActingActor, actingIn, actorOfSession } from '../acts/actor.ts'
import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  type EventRequestDeps,
  eventRequestLink,
  recordEventRequestAct,
} from './act-on-event-request.ts'
import type { EventRequest, EventRequestKind, EventRequestScope } from './event-request.ts'
import { checkEventRequest, refuseBreaches } from './event-request-checks.ts'

export interface EventRequestInput {
  kind: EventRequestKind
  scope: EventRequestScope
  title: string
  date: string
  time?: string
  place?: string
  /** The department asking: the filer's own (given, it must be theirs). */
  unitId?: string
  invitedPostIds?: string[]
}

/**
 * What a request would meet if filed today, asked in the caller's transaction: who may file it,
 * and each check of the rulebook with its article (preview and filing share it).
 */
export async function checkedRequest(
  r: Repositories,
  deps: Pick<EventRequestDeps, 'rules'>,
  actor: ActingActor,
  input: EventRequestInput,
  today: string,
) {
  const post = actor.currentPost
  if (!post.departmentId)
    throw new NotPermittedError(
      'NOT_OF_A_DEPARTMENT',
      `${post.title}不属于任何部门，不能以部门名义提出申请`,
    )
  if (input.unitId && input.unitId !== post.departmentId)
    throw new NotPermittedError('NOT_OWN_DEPARTMENT', '只能以本部门名义提出会议活动申请')
  if (input.date < today)
    throw new InvalidInputError('DATE_PAST', '会议活动日期不能早于今天', [
      { path: 'date', message: '不能早于今天' },
    ])
  const invitedPostIds = [...new Set(input.invitedPostIds ?? [])]
  const posts = await r.organisation.unitPosts(actor.jurisdictionId)
  const known = new Set(posts.map((p) => p.postId))
  if (invitedPostIds.some((id) => !known.has(id)))
    throw new InvalidInputError('UNKNOWN_POST', '邀请的领导不是本辖区的职务', [
      { path: 'invitedPostIds', message: '不是本辖区的职务' },
    ])
  const unitId = post.departmentId
  const checks = await checkEventRequest(
    deps.rules,
    actor.jurisdictionId,
    { ...input, invitedPostIds, filedOn: today },
    (window) =>
      r.eventRequests.countStanding({ unitId, kind: input.kind, scope: input.scope, ...window }),
  )
  const offices = [...new Set(posts.filter(isGovernmentOfficePost).map((p) => p.departmentId))]
  return { unitId, invitedPostIds, checks, offices: offices.filter((id) => id !== null) }
}

/**
 * 提出会议活动申请: a department asks to hold a meeting or an event in the government's name, to
 * invite leaders or to receive foreign guests. Checked against the rulebook when filed: a breach
 * of a binding rule is refused with its article (nothing is written); a breach of a rule the
 * article gives 原则上 is accepted, marked late and recorded. The government office is told.
 */
export function fileEventRequest(
  deps: EventRequestDeps,
  session: SessionRecord,
  input: EventRequestInput,
): Promise<EventRequest> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const actor = actingIn(await actorOfSession(r, session, now))
    const today = shanghaiDateOf(now.getTime())
    const { unitId, invitedPostIds, checks, offices } = await checkedRequest(
      r,
      deps,
      actor,
      input,
      today,
    )
    refuseBreaches(deps.rules, actor.jurisdictionId, today, checks)
    const at = now.toISOString()
    const request: EventRequest = {
      id: deps.newId(),
      jurisdictionId: actor.jurisdictionId,
      kind: input.kind,
      scope: input.scope,
      title: input.title.trim(),
      date: input.date,
      time: input.time?.trim() ?? '',
      place: input.place?.trim() ?? '',
      unitId,
      invitedPostIds,
      filedByPersonId: actor.personId,
      filedByPostId: actor.currentPost.postId,
      filedOn: today,
      status: 'pending',
      late: checks.some((check) => !check.passed),
      checks,
      ruleIds: [...new Set(checks.flatMap((check) => check.ruleIds))],
      decidedAt: null,
      decidedByPostId: null,
      opinion: null,
      secrecy: 'internal',
      distributionPosts: [],
      distributionDepartments: [],
      createdAt: at,
      updatedAt: at,
    }
    await r.eventRequests.insert(request)
    const warnings = checks.filter((check) => !check.passed).map((check) => check.summary)
    await recordEventRequestAct(r, deps, {
      request,
      at,
      personId: actor.personId,
      postId: actor.currentPost.postId,
      action: 'file',
      text: warnings.length ? `原则性规定未满足，已记录：${warnings.join('；')}` : null,
      ruleIds: request.ruleIds,
      details: { checks },
      notifications: offices.map((departmentId) => ({
        jurisdictionId: request.jurisdictionId,
        recipient: { departmentId },
        kind: 'task',
        title: `会议活动申请待审核：${request.date} ${request.title}`,
        link: eventRequestLink(request.id),
        secrecy: request.secrecy,
        at,
      })),
    })
    return request
  })
}
