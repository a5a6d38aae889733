import { ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  assertPortfolioDeputyNamable,
  portfolioDeputiesOfUnit,
} from '../organisation/routing-organisation.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import { agendaCodesOf, agendaGateOf, type AgendaGate, stepConditions } from './agenda-gate.ts'
import { assertAgendaResolvable } from './agenda-plan.ts'
import {
  articleNumbersOf,
  citationOfRule,
  describeHoldings,
  heldNamed,
  loadMeetingRoster,
  recorderContextOf,
  unitsOf,
} from './agenda-recorders.ts'
import type { AgendaItemRecord } from './meeting.ts'
import { meetingDateOf } from './meeting-types.ts'
import { participant } from './schedule-meeting.ts'

export interface AgendaItemSubmission {
  meetingId: string
  title: string
  summary?: string
  /** What the item is, in the rulebook's condition codes (involvesOtherUnits, legalityReviewNeeded…). */
  characteristics?: string[]
  /** Steps the submitting unit has done itself (征求意见, 风险评估…), with a note each. */
  completed?: { code: string; note?: string }[]
  /** Units the item concerns: their heads attend (列席) and may raise dissent. */
  involvedDepartmentIds?: string[]
  /**
   * The 分管副职 the unit names when no deputy oversees it (the government office), for the
   * steps and approvals its rules give the 分管副职 — as a draft's (ADR 0010).
   */
  portfolioDeputyPostId?: string
}

/**
 * 报送议题: a unit puts an item forward for a meeting. It is stored whatever the gates say, so
 * the office and the unit see what is missing; the agenda-admission answer (with its articles)
 * comes back with it. After the agenda is approved an item is a 临时动议.
 */
export function submitAgendaItem(
  deps: MeetingDeps,
  session: SessionRecord,
  input: AgendaItemSubmission,
): Promise<{ item: AgendaItemRecord; gate: AgendaGate }> {
  const title = input.title.trim()
  if (!title) throw new InvalidInputError('TITLE_REQUIRED', '请填写议题名称')
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at, today }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved'], '报送议题')
    if (!post.departmentId)
      throw new NotPermittedError('NOT_A_UNIT_POST', `${post.title}不属于任何单位，不能报送议题`)
    const rulebook = deps.rules.rulebook(meeting.jurisdictionId, meetingDateOf(meeting))
    if (!rulebook) throw new NotFoundError('RULEBOOK_NOT_FOUND', '本辖区没有生效的规则库')
    const roster = await loadMeetingRoster(r, {
      rulebook,
      jurisdictionId: meeting.jurisdictionId,
      on: today,
    })
    // 分管副职: the unit's deputies, or the one it names where it has none (shared with drafts).
    const titleOf = (postId: string) =>
      roster.posts.find((candidate) => candidate.postId === postId)?.title ?? postId
    assertPortfolioDeputyNamable(
      unitsOf(roster),
      post.departmentId,
      input.portfolioDeputyPostId,
      titleOf,
      '报送单位',
    )
    const portfolio = portfolioDeputiesOfUnit(
      unitsOf(roster),
      post.departmentId,
      input.portfolioDeputyPostId,
    )
    const portfolioDeputyPostId =
      portfolio.basis === 'named' ? (portfolio.overseers[0] ?? null) : null
    const context = recorderContextOf(roster, {
      presiderPostId: meeting.presiderPostId,
      submittingDepartmentId: post.departmentId,
      portfolioDeputyPostId,
    })
    // An item is described in the codes the meeting's rules know (the checklist's), or refused.
    const known = agendaCodesOf(deps.rules, meeting)
    const unknown = (input.characteristics ?? []).filter((code) => !known.characteristics.has(code))
    if (unknown.length)
      throw new InvalidInputError(
        'UNKNOWN_CHARACTERISTIC',
        `本次会议的议题准入规则没有"${unknown.join('、')}"这种情形（可选：${[...known.characteristics].join('、') || '无'}）`,
      )
    const items = await r.meetings.items(meeting.id)
    const involved = [...new Set(input.involvedDepartmentIds ?? [])].filter(
      (id) => id !== post.departmentId,
    )
    const units = await r.organisation.unitPosts(meeting.jurisdictionId)
    const item: AgendaItemRecord = {
      id: deps.newId(),
      meetingId: meeting.id,
      position: items.reduce((max, other) => Math.max(max, other.position), 0) + 1,
      title,
      summary: input.summary?.trim() ?? '',
      submittingDepartmentId: post.departmentId,
      submittedByPersonId: session.personId,
      submittedByPostId: post.postId,
      submittedAt: at,
      characteristics: [...new Set(input.characteristics ?? [])],
      completed: (input.completed ?? []).map((step) => ({
        code: step.code,
        note: step.note?.trim() || null,
        recordedByPostId: post.postId,
        recordedAt: at,
      })),
      involvedDepartmentIds: involved,
      portfolioDeputyPostId,
      adHoc: meeting.state === 'agendaApproved',
      state: 'submitted',
      decision: null,
      decisionText: null,
      decidedAt: null,
    }
    const ahead = items.filter((other) => other.state === 'approved').length
    const gate = agendaGateOf(deps.rules, meeting, { ...item, completed: [] }, ahead)
    // A step declared done at submission must be one the submitting post records itself.
    for (const declared of item.completed) {
      const step = stepConditions(gate).find((condition) => condition.code === declared.code)
      if (!step)
        throw new InvalidInputError(
          'UNKNOWN_STEP',
          `本次会议的议题准入规则没有"${declared.code}"这一程序`,
        )
      const recordedBy = step.recordedBy ?? ['submittingUnit']
      if (!heldNamed(context, recordedBy).some((recorder) => recorder.postId === post.postId)) {
        const citations = citationOfRule(rulebook, step.ruleId)
        throw new NotPermittedError(
          'STEP_RECORDED_BY_OTHERS',
          `"${step.label}"须由${describeHoldings(context, recordedBy)}在议题上登记，不能由报送单位自行填报${articleNumbersOf(citations)}`,
          citations,
        )
      }
    }
    assertAgendaResolvable(gate, context, item, meeting.meetingType)
    await r.meetings.insertItem(item)
    // 与议题有关的部门主要负责人列席: the heads of the submitting and involved units attend.
    const participants = await r.meetings.participants(meeting.id)
    const heads = units.filter(
      (unitPost) =>
        unitPost.headsUnit &&
        unitPost.departmentId !== null &&
        [post.departmentId, ...involved].includes(unitPost.departmentId) &&
        !participants.some((existing) => existing.postId === unitPost.postId),
    )
    await r.meetings.addParticipants(
      heads.map((head) => participant(meeting.id, head.postId, 'attendee')),
    )
    const admission = agendaGateOf(deps.rules, meeting, item, ahead)
    return {
      action: 'submitItem',
      agendaItemId: item.id,
      text: item.title,
      ruleIds: ruleIdsOf(admission.citations),
      details: {
        admitted: admission.admitted,
        reasons: admission.reasons.map((reason) => reason.code),
        // Read back as the item's portfolioDeputyPostId (the repository's items).
        ...(portfolioDeputyPostId ? { portfolioDeputyPostId } : {}),
      },
      result: { item, gate: admission },
    }
  })
}
