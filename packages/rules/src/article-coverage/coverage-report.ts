import type { ResolvedRulebook } from '../rulebook/resolve-rulebook.ts'
import type { CoverageFile } from './coverage-schema.ts'

export interface ArticleCoverage {
  number: string
  class: 'operational' | 'declarative'
  gist: string
  rules: string[]
  testedRules: string[]
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
): CoverageReport {
  const own = rulebook.rules.filter((rule) => rule.source === map.seed)
  const articles = map.articles.map((article): ArticleCoverage => {
    const rules = own
      .filter((rule) => rule.article.number === article.number)
      .map((rule) => rule.id)
    return { ...article, rules, testedRules: rules.filter((id) => testedRuleIds.has(id)) }
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
  const gaps = operational.flatMap((a): CoverageReport['gaps'] =>
    a.rules.length === 0
      ? [{ number: a.number, problem: 'noRule' as const }]
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
    },
    gaps,
    strayRules,
  }
}
