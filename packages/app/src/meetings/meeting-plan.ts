import { type Citation, postsIncludedBy } from '@zhengling/rules'
import type { PlannedStep } from '../documents/document.ts'
import { ask } from '../documents/document-rules.ts'
import { RuleRefusedError } from '../errors.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import { portfolioDeputiesOfUnit } from '../organisation/routing-organisation.ts'
import type { RulesPort } from '../rules-port.ts'
import {
  articleNumbersOf,
  describeHoldings,
  heldNamed,
  holdingsNamed,
  type MeetingRoster,
  type PostHolding,
  type RecorderContext,
  recorderContextOf,
  unitsOf,
} from './agenda-recorders.ts'
import type { AgendaItemRecord, MeetingRecord } from './meeting.ts'
import { leaveRuleFor } from './meeting-leave-rule.ts'

type MeetingFacts = Pick<
  MeetingRecord,
  'jurisdictionId' | 'meetingType' | 'startsAt' | 'presiderPostId'
>

/** One act a meeting needs besides its items' admission, the rulebook posts, who holds them. */
export interface MeetingAssignment {
  act: 'preside' | 'approveLeave' | 'reviewMinutes' | 'signMinutes'
  /** What it is, in words: '县教育局局长的请假', '纪要签发'. */
  label: string
  rulebookPosts: string[]
  held: PostHolding[]
  citations: Citation[]
}

/** The minutes rule for the meeting: who reviews and signs, in the rulebook's post ids. */
export interface MinutesRule {
  reviewChain: (string | { anyOf: string[] })[]
  signer: string[]
  due: string | null
  summary: string
  citations: Citation[]
  issued?: boolean
  issueWhen?: string[]
}

/**
 * Asks the minutes rule. Minutes a rule does not issue by default (托克逊 五十五 原则上不编发) are
 * drafted only when the office finds them necessary (确需编发): drafting them states that.
 */
export function minutesRuleFor(
  rules: RulesPort,
  meeting: Pick<MeetingRecord, 'jurisdictionId' | 'meetingType'>,
  meetingDate: string,
): MinutesRule | undefined {
  type Outcome = Omit<MinutesRule, 'summary' | 'citations'>
  const input = { meeting: meeting.meetingType, meetingDate }
  const asked = ask<Outcome>(rules, meeting.jurisdictionId, 'minutes-due', input)
  const answer =
    asked && asked.outcome.issued === false
      ? ask<Outcome>(rules, meeting.jurisdictionId, 'minutes-due', {
          ...input,
          circumstances: asked.outcome.issueWhen ?? [],
        })
      : asked
  return answer && { ...answer.outcome, summary: answer.summary, citations: answer.citations }
}

/**
 * The minutes' 核稿 and 签发 resolved for this meeting: 会议主持人 is its presider; 分管副职 are the
 * 分管副职 of the items it decided (their units' deputies, or the deputy a unit no deputy oversees
 * named at submission — ADR 0010) and the deputy who presided (a deputy's 专题会议); never the
 * head in their stead. A rule naming no signer sends them to the presider (木里 第十八条 送签).
 */
export function minutesPlanOf(
  roster: MeetingRoster,
  rule: MinutesRule | undefined,
  meeting: Pick<MeetingRecord, 'presiderPostId'>,
  input: {
    officeDepartmentId: string
    decided: readonly Pick<AgendaItemRecord, 'submittingDepartmentId' | 'portfolioDeputyPostId'>[]
  },
): { steps: PlannedStep[]; signing: PlannedStep; context: RecorderContext } {
  const base = recorderContextOf(roster, {
    submittingDepartmentId: input.officeDepartmentId,
    presiderPostId: meeting.presiderPostId,
  })
  const presider = roster.posts.find((post) => post.postId === meeting.presiderPostId)
  const deputyRoles = new Set(postsIncludedBy(roster.rulebook, 'deputy'))
  const overseers = new Set(
    input.decided.flatMap(
      (item) =>
        portfolioDeputiesOfUnit(
          unitsOf(roster),
          item.submittingDepartmentId,
          item.portfolioDeputyPostId,
        ).overseers,
    ),
  )
  if (presider && deputyRoles.has(presider.role)) overseers.add(presider.postId)
  const context: RecorderContext = { ...base, overseerPostIds: [...overseers] }
  const step = (ids: readonly string[]): PlannedStep => ({
    roles: [ids.join('|')],
    label: ids.map((id) => roster.rulebook.posts.get(id)?.title ?? id).join('或'),
    postIds: heldNamed(context, ids).map((post) => post.postId),
  })
  const signer = rule?.signer.length ? rule.signer : ['presider']
  return {
    steps: (rule?.reviewChain ?? []).map((entry) =>
      step(typeof entry === 'string' ? [entry] : entry.anyOf),
    ),
    signing: step(signer),
    context,
  }
}

/**
 * What a meeting needs of the roster besides its items: a presider someone holds, an approver
 * for each participant's leave (the leave rule's, resolved for that participant and meeting),
 * and the minutes' 核稿 and 签发 where a minutes rule applies.
 */
export function meetingAssignments(
  rules: RulesPort,
  roster: MeetingRoster,
  meeting: MeetingFacts,
  input: {
    participants: readonly HeldPost[]
    officeDepartmentId: string | null
    meetingDate: string
    meetingArticle: Citation[]
  },
): MeetingAssignment[] {
  const assignments: MeetingAssignment[] = []
  const presiderContext = recorderContextOf(roster, {
    submittingDepartmentId: '',
    presiderPostId: meeting.presiderPostId,
  })
  assignments.push({
    act: 'preside',
    label: '主持会议',
    rulebookPosts: ['presider'],
    held: heldNamed(presiderContext, ['presider']),
    citations: input.meetingArticle,
  })
  for (const participant of input.participants) {
    const rule = leaveRuleFor(rules, meeting as MeetingRecord, participant.role)
    const approvers = leaveApproversOf(roster, meeting, participant, rule.approver)
    assignments.push({
      act: 'approveLeave',
      label: `${participant.title}的请假`,
      rulebookPosts: rule.approver,
      held: approvers.filter((post) => post.holders.length > 0),
      citations: rule.citations,
    })
  }
  const minutes = minutesRuleFor(rules, meeting, input.meetingDate)
  if (input.officeDepartmentId && (minutes || meeting.presiderPostId)) {
    // At scheduling no item is decided yet: the minutes' 分管副职 will be those of the items to
    // come, which any overseen unit may put forward — so any deputy with a portfolio stands for them.
    const plan = minutesPlanOf(roster, minutes, meeting, {
      officeDepartmentId: input.officeDepartmentId,
      decided: [...roster.overseers]
        .filter(([, overseers]) => overseers.length > 0)
        .map(([submittingDepartmentId]) => ({
          submittingDepartmentId,
          portfolioDeputyPostId: null,
        })),
    })
    const held = (step: PlannedStep) =>
      step.postIds.map((postId) => ({
        postId,
        title: roster.posts.find((post) => post.postId === postId)?.title ?? postId,
        holders: [...(roster.holders.get(postId) ?? [])],
      }))
    plan.steps.forEach((step, index) =>
      assignments.push({
        act: 'reviewMinutes',
        label: `纪要第${index + 1}道核稿（${step.label}）`,
        rulebookPosts: step.roles,
        held: held(step),
        citations: minutes?.citations ?? [],
      }),
    )
    assignments.push({
      act: 'signMinutes',
      label: `纪要签发（${plan.signing.label}）`,
      rulebookPosts: plan.signing.roles,
      held: held(plan.signing),
      citations: minutes?.citations ?? [],
    })
  }
  return assignments
}

/**
 * The posts that approve one participant's leave: 召集人/主持人 is the presider; 分管副职 the
 * participant's unit's, or, for a unit no deputy oversees (the office), the deputy convening the
 * meeting — the deputy whose work it is (延津 二十四 副县长召开的会议 … 向分管副县长报告); never the head.
 */
export function leaveApproversOf(
  roster: MeetingRoster,
  meeting: Pick<MeetingRecord, 'presiderPostId'>,
  participant: Pick<HeldPost, 'departmentId'>,
  approver: readonly string[],
): PostHolding[] {
  const context = recorderContextOf(roster, {
    submittingDepartmentId: participant.departmentId ?? '',
    presiderPostId: meeting.presiderPostId,
  })
  const presider = roster.posts.find((post) => post.postId === meeting.presiderPostId)
  const deputyPresides =
    presider !== undefined && postsIncludedBy(roster.rulebook, 'deputy').includes(presider.role)
  return holdingsNamed(
    context.overseerPostIds.length === 0 && deputyPresides && presider
      ? { ...context, overseerPostIds: [presider.postId] }
      : context,
    approver,
  )
}

/** Refuses a meeting one of whose acts would wait on a post nobody holds, naming it and the article. */
export function assertMeetingResolvable(
  roster: MeetingRoster,
  assignments: readonly MeetingAssignment[],
): void {
  const missing = assignments.filter((assignment) => assignment.held.length === 0)
  if (missing.length === 0) return
  const context = recorderContextOf(roster, { submittingDepartmentId: '', presiderPostId: null })
  throw new RuleRefusedError(
    'MEETING_STEP_UNRESOLVED',
    `会议暂不能安排：${missing
      .map(
        (assignment) =>
          `${assignment.label}应由${describeHoldings(
            context,
            assignment.rulebookPosts.flatMap((id) => id.split('|')),
            [],
          )}办理${articleNumbersOf(assignment.citations)}`,
      )
      .join('；')}。请先在组织机构中明确在岗人员或代理人`,
    missing.flatMap((assignment) => assignment.citations),
  )
}
