import type { Citation } from '@zhengling/rules'
import { ask } from '../documents/document-rules.ts'
import type { RulesPort } from '../rules-port.ts'

/**
 * An incident no loaded rule times (a county whose rulebook sets no reporting time limit:
 * incident-report-options answers nothing, e.g. 钟山 第五十八条 "按国家、省、市规定的时限"):
 * it is still reported, stored without steps or timers, under this category.
 */
export const UNLISTED_CATEGORY = 'unlisted'
export const UNLISTED_CATEGORY_LABEL = '突发事件（未载报送时限）'

/** The loud warning every answer carries where no reporting time limit is loaded. */
export interface TimeLimitWarning {
  message: string
  /** The county's articles on reporting (迟报、漏报) that defer to the higher levels' limits. */
  citations: Citation[]
}

/**
 * The county's articles on reporting incidents, asked by kind (incident-late-report: the
 * prohibitions and 通报 rules on 迟报、漏报), not by county: none where the rulebook is silent.
 */
export function reportingArticles(rules: RulesPort, jurisdictionId: string, on: string) {
  return ask(rules, jurisdictionId, 'incident-late-report', { on })?.citations ?? []
}

/**
 * The warning with the articles it cites, each article once (two rules of one article quote the
 * same words); none where the rulebook says nothing on reporting.
 */
export function timeLimitWarningOf(citations: readonly Citation[]): TimeLimitWarning {
  const byArticle = new Map<string, Citation>()
  for (const citation of citations)
    if (!byArticle.has(`${citation.source}${citation.article}`))
      byArticle.set(`${citation.source}${citation.article}`, citation)
  const articles = [...byArticle.keys()]
  const basis = articles.length
    ? `${articles.join('、')}规定不得迟报（条文附后），报送时限应按国家、省、市规定执行`
    : '本地区工作规则未规定报送时限，报送时限应按国家、省、市规定执行'
  return {
    message:
      `注意：本地区尚未载入突发事件信息报送时限（国家、省、市规定）。${basis}。` +
      '本系统不能为此类事件计算报送时限、不会到时催报，请立即按规定时限报送，并请政府办公室载入时限及其依据。',
    citations: [...byArticle.values()],
  }
}
