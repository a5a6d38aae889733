import { type Citation, citationOf } from '@zhengling/rules'
import type { RulesPort } from '../rules-port.ts'

/** The articles of an incident's or an opinion item's rules (木里 第八十九条, 延津 十六…), for a message. */
export function citationsOfRules(
  rules: Pick<RulesPort, 'rulebook'>,
  record: { jurisdictionId: string; ruleIds: readonly string[] },
  on: string,
): Citation[] {
  const wanted = new Set(record.ruleIds)
  return (rules.rulebook(record.jurisdictionId, on)?.rules ?? [])
    .filter((rule) => wanted.has(rule.id))
    .map(citationOf)
}

/** "依据：延津县人民政府工作规则第十六条" for a message body (each article once). */
export const citedText = (citations: readonly Citation[]) => {
  const articles = [...new Set(citations.map((c) => `${c.source}${c.article}`))]
  return articles.length ? `依据：${articles.join('、')}` : ''
}

/** An instant as Beijing wall time (10-01 23:10), for a message. */
export const beijingTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ')
