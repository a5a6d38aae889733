import { addDays, type Citation, citationOf, shanghaiDateOf } from '@zhengling/rules'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'
import { actingGaps } from '../acting/recompute-acting-duty.ts'
import type { ScheduledTimer } from '../jobs/job-scheduler.ts'
import type { NewNotification } from '../notifications/notification.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { ABSENCE_CATEGORY_LABELS, type AbsenceCategory } from './absence.ts'

/**
 * Kinds of the durable timers of 请销假 (issue 15 part 5): the approver of a request still
 * pending, the traveller whose 销假 is not filed the day after the absence ends, and the
 * government office when a day of the absence leaves a post nobody can act for.
 */
export const ABSENCE_DECISION_REMINDER = 'absenceDecisionDue'
export const ABSENCE_RETURN_REMINDER = 'absenceReturnDue'
export const ACTING_GAP_REMINDER = 'actingGapDue'

export const ABSENCE_TIMER_KINDS = [
  ABSENCE_DECISION_REMINDER,
  ABSENCE_RETURN_REMINDER,
  ACTING_GAP_REMINDER,
] as const

/** An absence as its timers are scheduled: the fields of C2 (absences table) they depend on. */
export interface AbsenceTimerFacts {
  id: string
  jurisdictionId: string
  status: string
  mode: 'approval' | 'filing'
  fromDate: string
  toDate: string
  /** The instant of the act that schedules them (filing, approval). */
  at: string
}

// The office's working day starts at 09:00 in Asia/Shanghai: reminders reach people then.
const morningOf = (date: string) => new Date(`${date}T09:00:00+08:00`).toISOString()
const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b)

/**
 * The timers an absence act writes in its own transaction (beside its event and audit record),
 * so they exist exactly when the act does; a timer that fires finds the absence as it is then
 * and does nothing when it no longer applies (decided, returned, withdrawn, the gap filled).
 *
 * - pending request: no rulebook of the five sets a period for deciding a leave request, so the
 *   default is 催办 the approver the morning after filing and again the morning before departure
 *   (when that is later) — a decision after departure is too late for the article's 事先.
 * - approved or filed: 销假 reminder to the traveller the morning after the last day (the articles
 *   ask 返回后销假: 二连浩特 七十四…); an acting-gap check as soon as the act commits and again the
 *   morning before departure (the office may have designated someone meanwhile).
 */
export function absenceRemindersOf(absence: AbsenceTimerFacts): ScheduledTimer[] {
  const { id, jurisdictionId } = absence
  const payload = { absenceId: id }
  const timer = (kind: string, runAt: string, key: string): ScheduledTimer => ({
    kind,
    runAt,
    jurisdictionId,
    payload,
    dedupeKey: `${kind}:${id}:${key}`,
  })
  if (absence.status === 'pending') {
    const nextMorning = later(
      morningOf(addDays(shanghaiDateOf(Date.parse(absence.at)), 1)),
      absence.at,
    )
    const eve = morningOf(addDays(absence.fromDate, -1))
    return [
      timer(ABSENCE_DECISION_REMINDER, nextMorning, 'filed'),
      ...(Date.parse(eve) > Date.parse(nextMorning)
        ? [timer(ABSENCE_DECISION_REMINDER, eve, absence.fromDate)]
        : []),
    ]
  }
  if (absence.status !== 'approved' && absence.status !== 'filed') return []
  const span = `${absence.fromDate}..${absence.toDate}`
  const eve = morningOf(addDays(absence.fromDate, -1))
  return [
    timer(ABSENCE_RETURN_REMINDER, morningOf(addDays(absence.toDate, 1)), absence.toDate),
    timer(ACTING_GAP_REMINDER, absence.at, span),
    ...(Date.parse(eve) > Date.parse(absence.at)
      ? [timer(ACTING_GAP_REMINDER, eve, `${span}:eve`)]
      : []),
  ]
}

/** An absence as a reminder reads it when its timer fires. */
export interface AbsenceForReminder {
  id: string
  jurisdictionId: string
  personId: string
  personName: string
  postId: string
  postTitle: string
  category: string
  fromDate: string
  toDate: string
  status: string
  mode: 'approval' | 'filing'
  /** The posts that may decide (pending: each is reminded). */
  approverPostIds: string[]
  returnedOn: string | null
  ruleIds: string[]
}

/** What the reminders read besides the repositories (bound to the timer's transaction). */
export interface AbsenceReminderReads {
  absence(id: string): Promise<AbsenceForReminder | undefined>
}

export type AbsenceReminderOutcome = 'nothingToDo' | 'reminded'

/** The leave rules an absence was decided by, as citations (the articles its reminders follow). */
function leaveCitations(rules: RulesPort, absence: AbsenceForReminder, on: string): Citation[] {
  const wanted = new Set(absence.ruleIds)
  return (rules.rulebook(absence.jurisdictionId, on)?.rules ?? [])
    .filter((rule) => wanted.has(rule.id) && rule.kind === 'leaveApproval')
    .map(citationOf)
}

/** "依据：《…》七十四" for a message body. */
export function citedArticles(citations: readonly Citation[]): string {
  const articles = [...new Set(citations.map((c) => `${c.source}${c.article}`))]
  return articles.length > 0 ? `依据：${articles.join('、')}` : ''
}

/**
 * Runs when an absence timer fires, in the timer's transaction: answers whether it reminded.
 * Each message cites the article it follows and is written once per timer (dedupe key).
 */
export async function remindAbsence(
  r: Pick<Repositories, 'notifications' | 'organisation' | 'acting'>,
  reads: AbsenceReminderReads,
  deps: { now: () => Date; rules: RulesPort },
  timer: { kind: string; absenceId: string },
): Promise<AbsenceReminderOutcome> {
  const absence = await reads.absence(timer.absenceId)
  if (!absence) return 'nothingToDo'
  const at = deps.now().toISOString()
  const today = shanghaiDateOf(Date.parse(at))
  const what = `${absence.personName}（${absence.postTitle}）${ABSENCE_CATEGORY_LABELS[absence.category as AbsenceCategory] ?? '外出'} ${absence.fromDate}至${absence.toDate}`
  const message = (
    rest: Omit<NewNotification, 'jurisdictionId' | 'link' | 'at' | 'dedupeKey'>,
  ) => ({
    ...rest,
    jurisdictionId: absence.jurisdictionId,
    link: `/absences/${absence.id}`,
    at,
    // One message per timer, recipient and day: a retried timer writes nothing twice.
    dedupeKey: `${timer.kind}:${absence.id}:${absence.fromDate}..${absence.toDate}:${today}:${Object.values(rest.recipient)[0]}`,
  })
  if (timer.kind === ABSENCE_DECISION_REMINDER) {
    if (absence.status !== 'pending' || absence.approverPostIds.length === 0) return 'nothingToDo'
    const body = citedArticles(leaveCitations(deps.rules, absence, today))
    await r.notifications.notifyAll(
      absence.approverPostIds.map((postId) =>
        message({
          recipient: { postId },
          kind: 'remind',
          title: `催办：${what}的申请待审批`,
          body,
        }),
      ),
    )
    return 'reminded'
  }
  const inForce = absence.status === 'approved' || absence.status === 'filed'
  if (timer.kind === ABSENCE_RETURN_REMINDER) {
    if (!inForce || absence.returnedOn || today <= absence.toDate) return 'nothingToDo'
    await r.notifications.notify(
      message({
        recipient: { personId: absence.personId },
        kind: 'overdue',
        title: `未销假：${what}，已于 ${absence.toDate} 结束，请及时销假并报告有关情况`,
        body: citedArticles(leaveCitations(deps.rules, absence, today)),
      }),
    )
    return 'reminded'
  }
  if (timer.kind !== ACTING_GAP_REMINDER || !inForce) return 'nothingToDo'
  // The days still to come: a gap already past is no longer the office's to fill.
  const from = absence.fromDate > today ? absence.fromDate : today
  const to =
    absence.returnedOn && absence.returnedOn < absence.toDate ? absence.returnedOn : absence.toDate
  if (from > to) return 'nothingToDo'
  // Acting duty over those days as the acts follow it (absences, acting rules, designations).
  const gaps = await actingGaps(r, deps.rules, absence.jurisdictionId, from, to)
  if (gaps.length === 0) return 'nothingToDo'
  const offices = (await r.organisation.unitPosts(absence.jurisdictionId)).filter(
    isGovernmentOfficePost,
  )
  const units = [
    ...new Set(offices.flatMap((post) => (post.departmentId ? [post.departmentId] : []))),
  ]
  const days = [...new Set(gaps.map((gap) => gap.date))].sort()
  const posts = [...new Set(gaps.map((gap) => gap.postTitle))]
  // The same gap found from two absences (the head's and the executive deputy's) is told once.
  const gapKey = `${[...new Set(gaps.map((gap) => gap.postId))].sort().join(',')}:${days.join(',')}`
  await r.notifications.notifyAll(
    units.map((departmentId) => ({
      ...message({
        recipient: { departmentId },
        kind: 'remind',
        title: `代行职责空缺：${days[0]}${days.length > 1 ? `起 ${days.length} 天` : ''}${posts.join('、')}无人代行，请明确主持工作的负责人`,
        body: citedArticles(gaps.flatMap((gap) => gap.citations)),
      }),
      dedupeKey: `${ACTING_GAP_REMINDER}:${gapKey}:${today}:${departmentId}`,
    })),
  )
  return 'reminded'
}
