import { shanghaiDateOf } from '@zhengling/rules'
import { type Actor, actorOfSession } from '../acts/actor.ts'
import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { ABSENCE_CATEGORIES, type AbsenceCategory } from './absence.ts'
import {
  type AbsencePlan,
  type AbsenceRoster,
  loadAbsenceRoster,
  planAbsence,
  rulebookOn,
} from './absence-plan.ts'
import type { OverlappingAbsence } from './absence-repository.ts'

/** What the form sends before (preview) and when filing. */
export interface AbsenceRequestInput {
  postId: string
  category: string
  from: string
  to: string
}

/** The statuses whose absences count for conflicts at filing: in force or asked for. */
export const CONFLICTING_STATUSES = ['pending', 'approved', 'filed', 'returned'] as const

/** A request checked against the rulebook and the roster, as preview and filing share it. */
export interface PreparedAbsence {
  actor: Actor
  requester: HeldPost
  category: AbsenceCategory
  today: string
  roster: AbsenceRoster
  others: OverlappingAbsence[]
  plan: AbsencePlan
}

/**
 * Reads what a request needs and asks the rulebook: the requester's own post (one held, not one
 * acted for: a leave is the holder's), the roster on the filing day, the other absences over the
 * span, then the plan (plan-absence). Four statements at most.
 */
export async function prepareAbsence(
  r: Repositories,
  rules: RulesPort,
  session: SessionRecord,
  now: Date,
  input: AbsenceRequestInput,
): Promise<PreparedAbsence> {
  if (!(ABSENCE_CATEGORIES as string[]).includes(input.category))
    throw new InvalidInputError(
      'UNKNOWN_CATEGORY',
      '外出类别只能是出差、出访、休假、学习、请假或离开本行政区域外出',
      [{ path: 'category', message: '未知的外出类别' }],
    )
  const category = input.category as AbsenceCategory
  const actor = await actorOfSession(r, session, now)
  const requester = actor.posts.find((post) => post.postId === input.postId && !post.actingFor)
  if (!requester) throw new NotPermittedError('NOT_YOUR_POST', '只能为本人担任的职务请假或报备外出')
  const today = shanghaiDateOf(now.getTime())
  const rulebook = rulebookOn(rules, actor.jurisdictionId, today)
  const [roster, others] = await Promise.all([
    loadAbsenceRoster(r, rulebook, actor.jurisdictionId, today),
    r.absences.overlapping(actor.jurisdictionId, input.from, input.to, {
      statuses: CONFLICTING_STATUSES,
    }),
  ])
  const plan = planAbsence(
    rules,
    actor.jurisdictionId,
    roster,
    requester,
    { category, from: input.from, to: input.to, filedOn: today },
    others,
  )
  return { actor, requester, category, today, roster, others, plan }
}
