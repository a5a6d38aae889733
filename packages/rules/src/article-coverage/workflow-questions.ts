import { findDecision } from '../decisions/registry.ts'
import type { ResolvedRule } from '../rulebook/resolve-rulebook.ts'
import type { RuleKind } from '../rulebook/rule-kinds.ts'

/**
 * A question a running workflow asks the rules core: a decision, and for the decisions that
 * pick their rule by a code (the matter of responsible-posts, the act of prohibition-check, the
 * event of event-deadline…) the code it asks about. Without a code, the workflow asks about
 * whatever the rules name (supervision-due for the item's source, outgoing-signoff for any
 * document). The application declares its questions; the rules core only reads them.
 */
export interface WorkflowQuestion {
  decision: string
  code?: string
}

/** The code a question names to reach a rule of each kind that is picked by one. */
const SELECTOR: { [K in RuleKind]?: (rule: Extract<ResolvedRule, { kind: K }>) => string[] } = {
  responsibility: (rule) => [rule.params.matter.code],
  procedure: (rule) => [rule.params.matter.code],
  prohibition: (rule) => [rule.params.act.code],
  advanceNotice: (rule) => [rule.params.act.code],
  deadline: (rule) => [rule.params.event.code],
  supervision: (rule) => [rule.params.source.code],
  incidentReport: (rule) => [rule.params.category.code],
  publicOpinion: (rule) => [rule.params.category.code],
  limit: (rule) => [rule.params.subject.code],
  sealUse: (rule) => rule.params.seals.map((seal) => seal.code),
  collectiveDecision: (rule) => rule.params.matters.map((matter) => matter.code),
  // A leave rule for a category (meetingAbsence) answers that category; one without answers any.
  leaveApproval: (rule) => rule.when?.categories ?? [],
}

/** The codes by which a question reaches the rule; `undefined`: every question of its kind does. */
export function selectorCodes(rule: ResolvedRule): string[] | undefined {
  const select = SELECTOR[rule.kind] as ((rule: ResolvedRule) => string[]) | undefined
  const codes = select?.(rule)
  return codes && codes.length > 0 ? codes : undefined
}

/** Whether a running workflow asks the question this rule answers. */
export function askedByWorkflow(
  rule: ResolvedRule,
  questions: readonly WorkflowQuestion[],
): boolean {
  const codes = selectorCodes(rule)
  return questions.some((question) => {
    const decision = findDecision(question.decision)
    if (!decision?.kinds.includes(rule.kind)) return false
    if (decision.reads && !decision.reads(rule)) return false
    return question.code === undefined || codes === undefined || codes.includes(question.code)
  })
}
