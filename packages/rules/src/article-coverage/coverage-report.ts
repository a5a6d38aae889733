import type { ResolvedRulebook } from '../rulebook/resolve-rulebook.ts'
import type { CoverageFile } from './coverage-schema.ts'
import { askedByWorkflow, type WorkflowQuestion } from './workflow-questions.ts'

/**
 * What becomes of an operational article: a running workflow asks a rule citing it (流程执行),
 * its rules are answered only when someone asks the decision (仅决策), or it is no business of
 * software (非软件事项, with the reason in coverage.yaml).
 */
export type EnforcementStatus = 'workflow' | 'decisionOnly' | 'notForSoftware'

export interface ArticleCoverage {
  number: string
  class: 'operational' | 'declarative'
  gist: string
  rules: string[]
  testedRules: string[]
  /** The rules of this article a running workflow asks. */
  workflowRules: string[]
  /** Operational articles only. */
  status: EnforcementStatus | null
  notForSoftware: string | null
}

export interface CoverageReport {
  jurisdiction: string
  seed: string
  articles: ArticleCoverage[]
  totals: {
    articles: number
    operational: number
    declarative: number
    encoded: number
    tested: number
    /** Operational articles a running workflow enforces (流程执行). */
    workflow: number
    /** Operational articles answered only as decisions (仅决策). */
    decisionOnly: number
    /** Operational articles no software acts on, with a reason (非软件事项). */
    notForSoftware: number
  }
  /** Operational articles with no rule, or with rules no passing case cites. */
  gaps: { number: string; problem: 'noRule' | 'noCase' }[]
  /** Rules citing an article the map does not list, or lists as declarative. */
  strayRules: { ruleId: string; article: string; problem: 'notInMap' | 'declarative' }[]
}

/**
 * Joins the article map with the rules that cite each article and the rules that passing
 * conformance cases cited, so every operational article traces to rules and cases.
 */
export function coverageReport(
  map: CoverageFile,
  rulebook: ResolvedRulebook,
  testedRuleIds: ReadonlySet<string>,
  /** The questions running workflows ask (the application declares them). */
  workflowQuestions: readonly WorkflowQuestion[] = [],
): CoverageReport {
  const own = rulebook.rules.filter((rule) => rule.source === map.seed)
  const articles = map.articles.map((article): ArticleCoverage => {
    const cited = own.filter((rule) => rule.article.number === article.number)
    const rules = cited.map((rule) => rule.id)
    const workflowRules = cited
      .filter((rule) => askedByWorkflow(rule, workflowQuestions))
      .map((rule) => rule.id)
    const status: EnforcementStatus | null =
      article.class !== 'operational'
        ? null
        : workflowRules.length > 0
          ? 'workflow'
          : article.notForSoftware
            ? 'notForSoftware'
            : 'decisionOnly'
    return {
      number: article.number,
      class: article.class,
      gist: article.gist,
      rules,
      testedRules: rules.filter((id) => testedRuleIds.has(id)),
      workflowRules,
      status,
      notForSoftware: article.notForSoftware ?? null,
    }
  })
  const byNumber = new Map(map.articles.map((article) => [article.number, article]))
  const strayRules = own.flatMap((rule): CoverageReport['strayRules'] => {
    const article = byNumber.get(rule.article.number)
    if (!article)
      return [{ ruleId: rule.id, article: rule.article.number, problem: 'notInMap' as const }]
    if (article.class === 'declarative')
      return [{ ruleId: rule.id, article: rule.article.number, problem: 'declarative' as const }]
    return []
  })
  const operational = articles.filter((a) => a.class === 'operational')
  // An article no software acts on needs no rule; one that has rules still needs them tested.
  const gaps = operational.flatMap((a): CoverageReport['gaps'] =>
    a.rules.length === 0
      ? a.status === 'notForSoftware'
        ? []
        : [{ number: a.number, problem: 'noRule' as const }]
      : a.testedRules.length === 0
        ? [{ number: a.number, problem: 'noCase' as const }]
        : [],
  )
  return {
    jurisdiction: map.jurisdiction,
    seed: map.seed,
    articles,
    totals: {
      articles: articles.length,
      operational: operational.length,
      declarative: articles.length - operational.length,
      encoded: operational.filter((a) => a.rules.length > 0).length,
      tested: operational.filter((a) => a.testedRules.length > 0).length,
      workflow: operational.filter((a) => a.status === 'workflow').length,
      decisionOnly: operational.filter((a) => a.status === 'decisionOnly').length,
      notForSoftware: operational.filter((a) => a.status === 'notForSoftware').length,
    },
    gaps,
    strayRules,
  }
}
