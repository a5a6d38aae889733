import { shanghaiDateOf } from '@zhengling/rules'
import { recordDutyEvent } from '../duty/duty-events.ts'
import { dutyLeaderAt } from '../duty/duty-roster-reads.ts'
import type { Hasher } from '../audit/hasher.ts'
import type { NewNotification } from '../notifications/notification.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { OpinionRecord } from './opinion.ts'
import {
  auditOpinion,
  citedText,
  opinionCitations,
  responsibleMessages,
  shanghaiTime,
} from './opinion-acts.ts'

/** The units told when a response deadline passes, besides the responsible unit (contract C4). */
const ESCALATION_UNITS = ['dutyOffice'] as const

export type OpinionTimerOutcome = 'nothingToDo' | 'escalated'

/**
 * Runs when a response step's timer fires, in the timer's transaction (its completion commits
 * with it: a restart neither loses nor repeats it). A step still unanswered on an item not closed
 * is marked overdue, and ONE 政务舆情 message goes to the responsible unit and post, the 带班领导 on
 * call, the duty office and the government office director; the duty board hears of it.
 */
export async function escalateOpinion(
  r: Pick<
    Repositories,
    'opinions' | 'notifications' | 'organisation' | 'dutyEvents' | 'dutyRosters' | 'audit'
  >,
  deps: { now: () => Date; rules: RulesPort; hasher: Hasher },
  timer: { itemId: string; act: string },
): Promise<OpinionTimerOutcome> {
  const loaded = await r.opinions.load(null, timer.itemId, { forUpdate: true })
  if (!loaded || loaded.record.status === 'closed') return 'nothingToDo'
  const before = loaded.record
  const step = before.steps.find((s) => s.act === timer.act)
  if (!step || step.satisfiedAt || step.overdueAt) return 'nothingToDo'
  const at = deps.now().toISOString()
  const record: OpinionRecord = {
    ...before,
    steps: before.steps.map((s) => (s.act === step.act ? { ...s, overdueAt: at } : s)),
  }
  await r.opinions.update(record.id, { steps: record.steps })
  const leader = await dutyLeaderAt(r, record.jurisdictionId, at)
  const posts = await r.organisation.unitPosts(record.jurisdictionId)
  const dutyUnits = [
    ...new Set(
      posts
        .filter((post) => ESCALATION_UNITS.some((unit) => matchesRulebookPost(post, unit)))
        .flatMap((post) => (post.departmentId ? [post.departmentId] : [])),
    ),
  ].filter((id) => id !== record.responsibleDepartmentId)
  const directors = posts.filter((post) => post.role === 'officeDirector')
  const citations = opinionCitations(deps.rules, record, shanghaiDateOf(Date.parse(at)))
  const message = {
    kind: 'opinion' as const,
    title: `舆情回应超时：${record.title}，${step.label}应于${shanghaiTime(step.due)}前完成，至今未回应`,
    body: [`来源：${record.source}`, citedText(citations)].filter(Boolean).join('\n'),
    at,
  }
  const key = `opinion:${record.id}:${step.act}:overdue`
  const others = (recipient: NewNotification['recipient'], suffix: string): NewNotification => ({
    ...message,
    jurisdictionId: record.jurisdictionId,
    recipient,
    link: `/opinions/${record.id}`,
    secrecy: record.secrecy,
    dedupeKey: `${key}:${suffix}`,
  })
  await r.notifications.notifyAll([
    ...responsibleMessages(record, message, key),
    ...(leader ? [others({ personId: leader.personId }, `leader:${leader.personId}`)] : []),
    ...dutyUnits.map((id) => others({ departmentId: id }, `unit:${id}`)),
    ...directors.map((post) => others({ postId: post.postId }, `director:${post.postId}`)),
  ])
  await recordDutyEvent(r, {
    jurisdictionId: record.jurisdictionId,
    type: 'overdue',
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
    personId: null,
    postId: null,
    action: 'overdue',
    text: step.label,
  })
  return 'escalated'
}
