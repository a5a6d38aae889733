import type { ResolvedRulebook } from '@zhengling/rules'
import { ask, citationsOf, ruleIdsOf } from '../documents/document-rules.ts'
import { RuleRefusedError } from '../errors.ts'
import type { RulesPort } from '../rules-port.ts'
import type { EventRequestCheck, EventRequestKind, EventRequestScope } from './event-request.ts'

/**
 * The questions a request asks the rulebook, by name (issue 15, contract C1). Each rulebook
 * answers those it regulates; one it does not regulate is not asked of that county. No county is
 * named here: which lead time, which week and which cap apply is the rulebook's.
 */
const NOTICE_ACTS: Record<EventRequestKind, readonly NoticeAct[]> = {
  // 以政府名义召开全区性会议上报会议方案 (钟山 第四十九条), 全市性会议报批 (二连浩特 七十三),
  // 全县性会议会前报告 (木里 第二十八条): asked of county-wide meetings.
  meeting: ['governmentMeetingPlan', 'citywideMeetingApproval', 'countywideMeetingReport'],
  // 以政府名义举办的重大活动向常务会议提报方案 (木里 第二十八条).
  event: ['eventPlanToStandingMeeting'],
  // 邀请政府领导参加重要活动 (钟山 第七十五条; 木里).
  leaderInvitation: ['leaderInvitation'],
  // 邀请外宾报外事办公室 (二连浩特 六十三).
  foreignGuest: ['foreignGuestInvitation'],
}
/** Asked besides when leaders are invited to a request of another kind. */
const INVITED_ACTS: Record<EventRequestKind, readonly NoticeAct[]> = {
  meeting: [],
  event: ['leaderInvitation'],
  leaderInvitation: [],
  // 外宾来访期间需组成人员参加的 (二连浩特 六十三).
  foreignGuest: ['memberAttendanceRequest'],
}
type NoticeAct =
  | 'governmentMeetingPlan'
  | 'citywideMeetingApproval'
  | 'countywideMeetingReport'
  | 'eventPlanToStandingMeeting'
  | 'leaderInvitation'
  | 'foreignGuestInvitation'
  | 'memberAttendanceRequest'
/** The act asked, from the codes written out at the question (packages/app/src/workflow-questions.ts reads them there). */
const noticeAct = (act: NoticeAct, codes: readonly NoticeAct[]) => codes.find((c) => c === act)

export interface EventRequestFacts {
  kind: EventRequestKind
  scope: EventRequestScope
  date: string
  invitedPostIds: readonly string[]
  /** The day the request is filed (Asia/Shanghai). */
  filedOn: string
}

/** Counts the department's standing requests of this kind and scope in a window. */
export type CountStanding = (window: { from: string; to: string }) => Promise<number>

/** Whether the rules cited say 原则上 (a default, not a ban): a breach is then a warning. */
function inPrinciple(rulebook: ResolvedRulebook | undefined, ruleIds: readonly string[]) {
  return (rulebook?.rules ?? []).some(
    (rule) =>
      ruleIds.includes(rule.id) && (rule.params as { inPrinciple?: boolean }).inPrinciple === true,
  )
}

const yearOf = (date: string) => ({
  from: `${date.slice(0, 4)}-01-01`,
  to: `${date.slice(0, 4)}-12-31`,
})

/**
 * Asks the rulebook every question of the request: the lead times before the day, the days kept
 * free of meetings, the yearly cap. Answers each check with its article; nothing is refused here.
 */
export async function checkEventRequest(
  rules: RulesPort,
  jurisdictionId: string,
  facts: EventRequestFacts,
  countStanding: CountStanding,
): Promise<EventRequestCheck[]> {
  const rulebook = rules.rulebook(jurisdictionId, facts.date)
  const checks: EventRequestCheck[] = []
  const acts = new Set([
    ...(facts.kind === 'meeting' && facts.scope !== 'countywide' ? [] : NOTICE_ACTS[facts.kind]),
    ...(facts.invitedPostIds.length ? INVITED_ACTS[facts.kind] : []),
  ])
  for (const act of acts) {
    const answer = ask<{ onTime: boolean | null }>(rules, jurisdictionId, 'advance-notice', {
      act: noticeAct(act, [
        'governmentMeetingPlan',
        'citywideMeetingApproval',
        'countywideMeetingReport',
        'eventPlanToStandingMeeting',
        'leaderInvitation',
        'foreignGuestInvitation',
        'memberAttendanceRequest',
      ]),
      event: facts.date,
      given: facts.filedOn,
    })
    if (!answer) continue
    const ruleIds = ruleIdsOf(answer.citations)
    checks.push({
      code: `notice:${act}`,
      passed: answer.outcome.onTime !== false,
      inPrinciple: inPrinciple(rulebook, ruleIds),
      summary: answer.summary,
      ruleIds,
    })
  }
  if (facts.kind === 'meeting') {
    const free = ask<{ allowed: boolean; applies: boolean; inPrinciple: boolean }>(
      rules,
      jurisdictionId,
      'prohibition-check',
      { act: 'holdMeeting', on: facts.date },
    )
    if (free)
      checks.push({
        code: 'noMeetingWeek',
        passed: free.outcome.allowed,
        inPrinciple: free.outcome.inPrinciple,
        summary: free.summary,
        ruleIds: ruleIdsOf(free.citations),
      })
  }
  if (facts.kind === 'meeting' && facts.scope === 'countywide') {
    // 县级各部门召开全县性会议原则上每年不超过一次 (木里 第十九条): this one counted in the window.
    const cap = (value: number) =>
      ask<{ within: boolean; window: { from: string; to: string } | null }>(
        rules,
        jurisdictionId,
        'limit-check',
        { subject: 'departmentCountywideMeeting', value, on: facts.date },
      )
    const first = cap(1)
    if (first) {
      const standing = await countStanding(first.outcome.window ?? yearOf(facts.date))
      const answer = standing ? cap(standing + 1) : first
      const ruleIds = ruleIdsOf(answer?.citations ?? [])
      checks.push({
        code: 'yearlyCap',
        passed: answer?.outcome.within ?? true,
        inPrinciple: inPrinciple(rulebook, ruleIds),
        summary: answer?.summary ?? '',
        ruleIds,
      })
    }
  }
  return checks
}

const REFUSAL_CODES: Record<string, string> = {
  noMeetingWeek: 'MEETING_FREE_WEEK',
  yearlyCap: 'YEARLY_CAP_EXCEEDED',
}

/**
 * Refuses a request that breaks a rule the article makes binding, citing it; a breach of a rule
 * the article gives 原则上 is let through (the caller records it as a warning).
 */
export function refuseBreaches(
  rules: RulesPort,
  jurisdictionId: string,
  on: string,
  checks: readonly EventRequestCheck[],
): void {
  const breaches = checks.filter((check) => !check.passed && !check.inPrinciple)
  const [first] = breaches
  if (!first) return
  throw new RuleRefusedError(
    REFUSAL_CODES[first.code] ?? 'NOTICE_TOO_LATE',
    `申请未予受理：${breaches.map((check) => check.summary).join('；')}`,
    citationsOf(
      rules,
      jurisdictionId,
      breaches.flatMap((check) => check.ruleIds),
      on,
    ),
  )
}
