import type { Actor } from '../acts/actor.ts'
import type { ActDeps } from '../acts/act-kernel.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { dutyEventAudience } from '../duty/duty-events.ts'
import { beijingTime, citationsOfRules, citedText } from '../duty/duty-message-text.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { NewNotification } from '../notifications/notification.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  OPINION_STATUS_LABELS,
  type OpinionRecord,
  type OpinionScope,
  type OpinionStep,
} from './opinion.ts'

/** Opinion acts take what every act takes (acts/act-kernel.ts). */
export type OpinionDeps = ActDeps

/** The durable timer of a response step (contract C4): fires at its due instant. */
export const OPINION_STEP_DUE = 'opinion.stepDue'

export const OPINION_NOT_FOUND = () =>
  new NotFoundError('OPINION_NOT_FOUND', '没有这条政务舆情，或您无权查看')

/** The scope of an actor today: the same "sees all" as incidents and the duty feed. */
export function opinionScopeOf(
  rules: Pick<RulesPort, 'rulebook'>,
  actor: Actor,
  today: string,
): OpinionScope {
  return { viewer: actor, seesAll: dutyEventAudience(rules, actor, today).seesAll }
}

/** Whether the actor answers for the item: a post of the responsible unit, or the post named. */
export function respondsFor(
  holder: { posts: readonly Pick<HeldPost, 'postId' | 'departmentId'>[] },
  record: Pick<OpinionRecord, 'responsibleDepartmentId' | 'responsiblePostId'>,
): boolean {
  return holder.posts.some(
    (post) =>
      (record.responsibleDepartmentId !== null &&
        post.departmentId === record.responsibleDepartmentId) ||
      post.postId === record.responsiblePostId,
  )
}

/** Refuses an act on a closed item. */
export function assertNotClosed(record: OpinionRecord, act: string): void {
  if (record.status === 'closed')
    throw new NotPermittedError(
      'OPINION_CLOSED',
      `该舆情当前状态为"${OPINION_STATUS_LABELS[record.status]}"，不能${act}`,
    )
}

/** The timers of an item's unanswered steps, written in the act's transaction. */
export function opinionTimersOf(record: OpinionRecord) {
  return record.steps
    .filter((step) => !step.satisfiedAt)
    .map((step) => ({
      kind: OPINION_STEP_DUE,
      runAt: step.due,
      jurisdictionId: record.jurisdictionId,
      payload: { itemId: record.id, act: step.act },
      dedupeKey: `opinion:${record.id}:${step.act}:due`,
    }))
}

export const opinionCitations = citationsOfRules
export { citedText }
export const shanghaiTime = beijingTime

/** "5小时内发布权威信息（10-02 04:10前）；24小时内举行新闻发布会（…）". */
export const stepsText = (steps: readonly OpinionStep[]) =>
  steps
    .map(
      (step) =>
        `${step.within === '立即' ? '立即' : `${step.within}内`}${step.label}（${shanghaiTime(step.due)}前）`,
    )
    .join('；')

/** The messages to the responsible unit and post (each once, by its dedupe key). */
export function responsibleMessages(
  record: OpinionRecord,
  message: Omit<NewNotification, 'recipient' | 'jurisdictionId' | 'dedupeKey' | 'link'>,
  key: string,
): NewNotification[] {
  const base = {
    ...message,
    jurisdictionId: record.jurisdictionId,
    link: `/opinions/${record.id}`,
    secrecy: record.secrecy,
  }
  return [
    ...(record.responsibleDepartmentId
      ? [
          {
            ...base,
            recipient: { departmentId: record.responsibleDepartmentId },
            dedupeKey: `${key}:department`,
          },
        ]
      : []),
    ...(record.responsiblePostId
      ? [{ ...base, recipient: { postId: record.responsiblePostId }, dedupeKey: `${key}:post` }]
      : []),
  ]
}

/** The audit record of one act on an item. */
export async function auditOpinion(
  r: Pick<Repositories, 'audit'>,
  deps: Pick<OpinionDeps, 'hasher'>,
  act: {
    record: OpinionRecord
    before: OpinionRecord | null
    at: string
    personId: string | null
    postId: string | null
    action: string
    text: string | null
  },
) {
  const state = (record: OpinionRecord) => ({
    status: record.status,
    category: record.category,
    surfacedAt: record.surfacedAt,
    responsible: [record.responsibleDepartmentId, record.responsiblePostId],
    steps: record.steps.map((s) => [s.act, s.due, s.satisfiedAt, s.overdueAt]),
  })
  await r.audit.append(
    auditEntry({
      jurisdictionId: act.record.jurisdictionId,
      occurredAt: act.at,
      actorPersonId: act.personId,
      actorPostId: act.postId,
      action: `opinion.${act.action}`,
      subject: act.record.id,
      beforeDigest: act.before ? digestOf(state(act.before), deps.hasher) : null,
      afterDigest: digestOf({ ...state(act.record), text: act.text }, deps.hasher),
      ruleIds: act.record.ruleIds,
      details: { responsibleDepartmentId: act.record.responsibleDepartmentId },
    }),
    deps.hasher,
  )
}
