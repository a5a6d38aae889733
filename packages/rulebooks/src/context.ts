import {
  createWorkingCalendar,
  type DecisionContext,
  type CalendarData,
  officialCalendarData,
  type ResolvedRulebook,
  resolveRulebook,
  selectVersion,
  statutoryHolidayData,
} from '@zhengling/rules'
import type { RulebookLibrary } from './load-library.ts'

export type ContextResult =
  | { ok: true; context: DecisionContext }
  | { ok: false; code: 'UNKNOWN_JURISDICTION' | 'NO_VERSION_IN_FORCE'; message: string }

/**
 * The rulebook in force for a jurisdiction on a date (the latest version when no date is
 * given), resolved over the national rulebook, with its calendar layers.
 */
export function contextFor(
  library: RulebookLibrary,
  jurisdiction: string,
  asOf?: string,
): ContextResult {
  const versions = library.jurisdictions.get(jurisdiction)
  if (!versions) {
    return {
      ok: false,
      code: 'UNKNOWN_JURISDICTION',
      message: `未知辖区：${jurisdiction}（已载入：${[...library.jurisdictions.keys()].join('、')}）`,
    }
  }
  const chosen = asOf
    ? selectVersion(
        versions.map((v) => ({
          ...v,
          effectiveFrom: v.book.effectiveFrom,
          effectiveTo: v.book.effectiveTo,
        })),
        asOf,
      )
    : versions[versions.length - 1]
  if (!chosen) {
    const first = versions[0]?.book
    return {
      ok: false,
      code: 'NO_VERSION_IN_FORCE',
      message: `${asOf} 时${first?.jurisdiction?.name ?? jurisdiction}没有已编入的工作规则版本（最早版本自 ${first?.effectiveFrom} 起施行${first?.supersedes ? `，此前为 ${first.supersedes.version} 版，未编入` : ''}）`,
    }
  }
  // A loaded library does not change, so each version is resolved once: every conformance case
  // and every HTTP request asks again, and resolving costs over a millisecond.
  let contexts = resolved.get(library)
  if (!contexts) resolved.set(library, (contexts = new Map()))
  let context = contexts.get(chosen.book)
  if (!context) {
    const rulebook: ResolvedRulebook = resolveRulebook(chosen.book, library.national?.book).rulebook
    const national = [...library.calendars.values()].filter((c) => c.scope === 'national')
    const regional = chosen.book.calendars.flatMap((id) => library.calendars.get(id) ?? [])
    context = {
      rulebook,
      calendar: createWorkingCalendar([
        statutoryHolidays(),
        officialCalendarData(),
        ...national,
        ...regional,
      ]),
    }
    contexts.set(chosen.book, context)
  }
  return { ok: true, context }
}

const resolved = new WeakMap<RulebookLibrary, Map<object, DecisionContext>>()

/**
 * A national notice loaded after start (the admin activates the year's 国务院办公厅通知): it joins
 * the library's calendars and the resolved contexts are dropped, so the next question counts
 * on it.
 */
export function addCalendarLayer(library: RulebookLibrary, layer: CalendarData): void {
  library.calendars.set(layer.calendar, layer)
  resolved.delete(library)
}

/** Years the law's holidays are laid out for: from the amended 办法 to well past any deadline. */
const STATUTORY_YEARS = Array.from({ length: 2100 - 2025 }, (_, i) => 2025 + i)
let statutory: CalendarData | undefined
/** The law's holidays (第二条) as one layer, computed once per process and shared. */
export function statutoryHolidays(): CalendarData {
  statutory ??= statutoryHolidayData(STATUTORY_YEARS)
  return statutory
}
