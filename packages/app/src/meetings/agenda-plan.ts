import { type Citation, citationOf, postsIncludedBy } from '@zhengling/rules'
import { RuleRefusedError } from '../errors.ts'
import type { AgendaGate } from './agenda-gate.ts'
import { stepConditions } from './agenda-gate.ts'
import {
  articleNumbersOf,
  citationOfRule,
  describeHoldings,
  heldNamed,
  type PostHolding,
  type RecorderContext,
} from './agenda-recorders.ts'

/** One act an item's admission needs, the rulebook posts that do it, and who holds them now. */
export interface AgendaAssignment {
  act: 'recordStep' | 'approveAgenda'
  code: string
  label: string
  rulebookPosts: string[]
  /** Whether this item needs it: a conditional step only with its condition, over-cap ones when full. */
  applies: boolean
  held: PostHolding[]
  citations: Citation[]
}

/**
 * Every act the rules ask for one item of this meeting — each step with its recorder, and the
 * agenda's approval (the rule's approvers; the presider where the rulebook names none, as
 * approve-agenda does) — resolved against the roster.
 */
export function agendaAssignments(
  gate: AgendaGate,
  context: RecorderContext,
  item: { characteristics: readonly string[] },
  meetingType: string,
): AgendaAssignment[] {
  const full = gate.reasons.some((reason) => reason.code === 'agendaFull')
  const steps = stepConditions(gate).map((condition): AgendaAssignment => {
    const rulebookPosts = condition.recordedBy ?? ['submittingUnit']
    return {
      act: 'recordStep',
      code: condition.code,
      label: condition.label,
      rulebookPosts,
      applies:
        condition.type === 'required' ||
        (condition.type === 'requiredWhen' &&
          item.characteristics.includes(condition.when?.code ?? '')) ||
        (condition.type === 'overCap' && full),
      held: heldNamed(context, rulebookPosts),
      citations: citationOfRule(context.rulebook, condition.ruleId),
    }
  })
  const approvers = gate.approvers.length ? gate.approvers : ['presider']
  const approving = (context.rulebook.rulesByKind.get('agendaAdmission') ?? []).filter(
    (rule) =>
      (rule.params as { decidedBy?: string[] }).decidedBy?.length &&
      (!rule.when?.meetings || rule.when.meetings.includes(meetingType)),
  )
  return [
    ...steps,
    {
      act: 'approveAgenda',
      code: 'agendaApproval',
      label: '审定议题',
      rulebookPosts: approvers,
      applies: true,
      held: heldNamed(context, approvers),
      citations: approving.map(citationOf),
    },
  ]
}

/**
 * Refuses, before an item is stored, one whose admission would wait on a post nobody holds —
 * naming the step, the post and the article — so no item is left where no one can move it.
 */
export function assertAgendaResolvable(
  gate: AgendaGate,
  context: RecorderContext,
  item: { characteristics: readonly string[] },
  meetingType: string,
): void {
  const missing = agendaAssignments(gate, context, item, meetingType).filter(
    (assignment) => assignment.applies && assignment.held.length === 0,
  )
  if (missing.length === 0) return
  const citations = missing.flatMap((assignment) => assignment.citations)
  // A unit no deputy oversees (the office) that named none: it is to name one (ADR 0010).
  const namesDeputy = (assignment: AgendaAssignment) =>
    assignment.rulebookPosts.some((id) =>
      postsIncludedBy(context.rulebook, id).includes('portfolioDeputy'),
    )
  const unnamed = context.overseerPostIds.length === 0 && missing.some(namesDeputy)
  // Not vacant: the post is unnamed for this unit, so its title alone (no 无人在岗).
  const who = (assignment: AgendaAssignment) =>
    unnamed && namesDeputy(assignment)
      ? assignment.rulebookPosts.map((id) => context.rulebook.posts.get(id)?.title ?? id).join('或')
      : describeHoldings(context, assignment.rulebookPosts, [])
  throw new RuleRefusedError(
    'AGENDA_STEP_UNRESOLVED',
    `议题暂不能报送：${missing
      .map(
        (assignment) =>
          `"${assignment.label}"应由${who(assignment)}${assignment.act === 'approveAgenda' ? '' : '登记'}${articleNumbersOf(assignment.citations)}`,
      )
      .join('；')}。${
      unnamed
        ? `报送单位没有分管领导，请在报送时指定${context.rulebook.posts.get('portfolioDeputy')?.title ?? '分管副职'}`
        : '请先在组织机构中明确在岗人员或代理人'
    }`,
    citations,
  )
}
