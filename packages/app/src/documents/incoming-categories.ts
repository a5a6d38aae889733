import type { RulesPort } from '../rules-port.ts'
import type { DocumentEvent, DocumentRecord } from './document.ts'
import { statedCodes } from './document-rules.ts'

/**
 * What an incoming document is, beyond its 文种, where the rules screen on it: a 规范性文件
 * (normativeDocument: 钟山 第十八条, 托克逊 二十二 review its content). The sending unit says so at
 * 报送; the registrar confirms or corrects it at 登记. Each act records what it said.
 */
export const INCOMING_CATEGORIES = { normativeDocument: 'normativeDocument' } as const

/** The categories the document was last said to have (登记 over 报送), from the acts' records. */
export function incomingCategoriesOf(
  events: readonly Pick<DocumentEvent, 'action' | 'details'>[],
): string[] {
  const said = events.filter(
    (event) =>
      (event.action === 'submit' || event.action === 'register') &&
      Array.isArray(event.details.categories),
  )
  const last = said[said.length - 1]
  return last ? (last.details.categories as string[]).filter((c) => typeof c === 'string') : []
}

/** The categories to record for an act: normativeDocument when the form says so. */
export function categoriesSaid(normativeDocument: boolean): string[] {
  return normativeDocument ? [INCOMING_CATEGORIES.normativeDocument] : []
}

/**
 * The incoming-screening question for a document: its 文种, upward, and the categories said of
 * it that the rulebook's screening rules name (a 规范性文件 brings in 钟山 第十八条's checklist).
 */
export function screeningQuestion(
  rules: RulesPort,
  document: Pick<DocumentRecord, 'jurisdictionId' | 'kind'>,
  events: readonly Pick<DocumentEvent, 'action' | 'details'>[],
  on: string,
): { documentKind: string; direction: 'upward'; categories: string[] } {
  const question = { documentKind: document.kind, direction: 'upward' as const, findings: {} }
  return {
    documentKind: document.kind,
    direction: 'upward',
    categories: statedCodes(
      rules,
      document.jurisdictionId,
      on,
      { decision: 'incoming-screening', input: question, field: 'categories' },
      incomingCategoriesOf(events),
    ),
  }
}

/** The rules a question's categories select (when.categories): what an acceptance also cites. */
export function rulesSelectedBy(
  rules: RulesPort,
  jurisdictionId: string,
  on: string,
  question: { categories: readonly string[] },
): Set<string> {
  const rulebook = rules.rulebook(jurisdictionId, on)
  return new Set(
    (rulebook?.rules ?? [])
      .filter((rule) => rule.when?.categories?.some((c) => question.categories.includes(c)))
      .map((rule) => rule.id),
  )
}
