import { officialCalendarData } from '../calendar/official-calendar.ts'
import { createWorkingCalendar } from '../calendar/working-calendar.ts'
import type { DecisionContext } from '../decisions/decision.ts'
import { resolveRulebook } from '../rulebook/resolve-rulebook.ts'
import { type Rulebook, rulebookSchema } from '../rulebook/schema.ts'

/**
 * A small base rulebook standing in for the national one in unit tests: the 民法典 period rules
 * and number wording, and the generic posts.
 */
export function buildBaseRulebook(): Rulebook {
  return rulebookSchema.parse({
    rulebook: 'national',
    title: '测试用全国规则',
    version: 'test',
    effectiveFrom: '2021-01-01',
    source: { title: '测试' },
    posts: [
      'principal',
      'executiveDeputy',
      'deputy',
      'portfolioDeputy',
      'designatedDeputy',
      'officeDirector',
      'secretariat',
      'departmentHead',
      'submittingUnit',
    ].map((id) => ({ id, title: id, type: 'fixed' })),
    rules: [
      {
        id: 'national.period.start',
        kind: 'periodComputation',
        title: '开始的当日不计入',
        article: { source: '民法典', number: '第二百零一条', excerpt: '开始的当日不计入' },
        params: { startDayExcluded: true },
      },
      {
        id: 'national.period.month-end',
        kind: 'periodComputation',
        title: '月末',
        article: { source: '民法典', number: '第二百零二条', excerpt: '月末日为期间的最后一日' },
        params: { monthEndWhenNoCorrespondingDay: true },
      },
      {
        id: 'national.period.extension',
        kind: 'periodComputation',
        title: '顺延',
        article: {
          source: '民法典',
          number: '第二百零三条',
          excerpt: '以法定休假日结束的次日为期间的最后一日',
        },
        params: { extendWhenLastDayIsRestDay: true },
      },
      {
        id: 'national.wording.numbers',
        kind: 'numberWording',
        title: '以上包括本数',
        article: { source: '民法典', number: '第一千二百五十九条', excerpt: '包括本数' },
        params: { inclusive: ['以上'], exclusive: ['超过'] },
      },
    ],
  }) as Rulebook
}

/** A jurisdiction rulebook with the given parts, resolved over the test base. Invalid input throws. */
export function buildRulebook(overrides: Record<string, unknown> = {}): Rulebook {
  return rulebookSchema.parse({
    rulebook: 'testland',
    title: '测试县人民政府工作规则',
    version: '2024',
    effectiveFrom: '2024-01-01',
    extends: 'national',
    jurisdiction: { code: 'testland', name: '测试县人民政府', level: 'county', region: '测试省' },
    source: { seed: 'test-seed.txt', title: '测试县人民政府工作规则' },
    ...overrides,
  }) as Rulebook
}

export function buildContext(overrides: Record<string, unknown> = {}): DecisionContext {
  const { rulebook, errors } = resolveRulebook(buildRulebook(overrides), buildBaseRulebook())
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '))
  return { rulebook, calendar: createWorkingCalendar([officialCalendarData()]) }
}

/** A rule envelope with a throwaway article, for tests that care about params only. */
export function rule(
  id: string,
  kind: string,
  params: unknown,
  extra: Record<string, unknown> = {},
) {
  return {
    id: `testland.${id}`,
    kind,
    title: id,
    article: { number: `第${id}条`, excerpt: `${id}的原文` },
    params,
    ...extra,
  }
}
