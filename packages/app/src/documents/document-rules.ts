import { type Citation, citationOf, type DecisionResult, knownInputCodes } from '@zhengling/rules'
import { InvalidInputError, RuleRefusedError } from '../errors.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'

/**
 * Asks the jurisdiction's rulebook. `undefined` when the rulebook does not regulate the question
 * (RULE_NOT_FOUND): the caller decides whether that blocks the act or only goes unstated.
 */
export function ask<O>(
  rules: RulesPort,
  jurisdictionId: string,
  decision: string,
  input: Record<string, unknown>,
): DecisionResult<O> | undefined {
  const answer = rules.decide(jurisdictionId, decision, input)
  if (answer.ok) return answer.result as DecisionResult<O>
  if (answer.error.code === 'RULE_NOT_FOUND') return undefined
  throw new InvalidInputError(answer.error.code, answer.error.message, answer.error.issues ?? [])
}

/**
 * The codes among `codes` that the rulebook in force defines for a field of a question: a fact
 * the workflow holds (a 规范性文件, a complex matter, a 临时动议) is stated only where the
 * rulebook asks about it, since the rules core refuses a code it does not define.
 */
export function statedCodes(
  rules: RulesPort,
  jurisdictionId: string,
  on: string,
  question: { decision: string; input: Record<string, unknown>; field: string },
  codes: readonly string[],
): string[] {
  const rulebook = rules.rulebook(jurisdictionId, on)
  const known = rulebook && knownInputCodes(rulebook, question.decision, question.input)
  return codes.filter((code) => known?.[question.field]?.includes(code))
}

export interface Responsibility {
  rulebookPosts: string[]
  summary: string
  citations: Citation[]
}

/** Who the rulebook makes responsible for a matter (responsible-posts), with the articles. */
export function responsibleFor(
  rules: RulesPort,
  jurisdictionId: string,
  matter: string,
  /** Only the posts with this part in the matter (approves, handles…): 木里 第四十一条 names both. */
  role?: string,
): Responsibility {
  const answer = ask<{ posts: string[] }>(rules, jurisdictionId, 'responsible-posts', {
    matter,
    ...(role ? { role } : {}),
  })
  if (!answer)
    throw new RuleRefusedError('RULE_NOT_FOUND', `本辖区规则库没有规定"${matter}"由谁办理`, [])
  return {
    rulebookPosts: answer.outcome.posts,
    summary: answer.summary,
    citations: answer.citations,
  }
}

/** Refuses, citing the articles, when the post is not one the rulebook makes responsible. */
export function assertResponsible(
  post: HeldPost,
  responsibility: Responsibility,
  relations: { overseerPostIds?: readonly string[] } = {},
): void {
  if (responsibility.rulebookPosts.some((id) => matchesRulebookPost(post, id, relations))) return
  throw new RuleRefusedError(
    'NOT_RESPONSIBLE',
    `${post.title}无权办理此事项。${responsibility.summary}`,
    responsibility.citations,
  )
}

/** The jurisdiction's posts that a responsibility names (by role, unit, or relation). */
export async function postsResponsible(
  r: Pick<Repositories, 'organisation'>,
  jurisdictionId: string,
  responsibility: Responsibility,
  relations: { overseerPostIds?: readonly string[] } = {},
): Promise<HeldPost[]> {
  return (await r.organisation.unitPosts(jurisdictionId)).filter((candidate) =>
    responsibility.rulebookPosts.some((id) => matchesRulebookPost(candidate, id, relations)),
  )
}

/** Refuses a 文种 the regulations do not know (条例第八条); answers the articles it checked. */
export function assertDocumentKind(
  rules: RulesPort,
  jurisdictionId: string,
  kind: string,
): Citation[] {
  const check = ask<{ valid: boolean }>(rules, jurisdictionId, 'document-kind-check', {
    documentKind: kind,
  })
  if (check && !check.outcome.valid)
    throw new RuleRefusedError('UNKNOWN_DOCUMENT_KIND', check.summary, check.citations)
  return check?.citations ?? []
}

export const ruleIdsOf = (citations: readonly Citation[]) => [
  ...new Set(citations.map((citation) => citation.ruleId)),
]

/** The articles behind rule ids recorded on a document, for its rule panel. */
export function citationsOf(
  rules: RulesPort,
  jurisdictionId: string,
  ruleIds: Iterable<string>,
  on: string,
): Citation[] {
  const rulebook = rules.rulebook(jurisdictionId, on)
  if (!rulebook) return []
  const wanted = new Set(ruleIds)
  return rulebook.rules.filter((rule) => wanted.has(rule.id)).map(citationOf)
}
