import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { askedByWorkflow } from '../article-coverage/workflow-questions.ts'
import type { ResolvedRule } from '../rulebook/resolve-rulebook.ts'
import { buildContext, rule } from '../test-support/build-context.ts'
import type { DecisionResult } from './decision.ts'
import type { DutySystemOutcome } from './duty-system.ts'
import { runDecision } from './run-decision.ts'
import type { CategoryOption } from './timed-steps.ts'

function decide<O>(context: ReturnType<typeof buildContext>, name: string, input: unknown) {
  const outcome = runDecision(context, name, input)
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
  return outcome.result as DecisionResult<O>
}

const posts = ['dutyOffice', 'snowOffice', 'countyGovernment'].map((id) => ({
  id,
  title: id,
  type: 'desk',
}))

describe('duty-system', () => {
  const context = (withSeasonDates: boolean) =>
    buildContext({
      posts,
      rules: [
        rule('duty.all-year', 'dutySystem', {
          units: ['dutyOffice'],
          season: 'yearRound',
          leaderOnCall: true,
        }),
        rule('duty.snow', 'dutySystem', {
          units: ['snowOffice'],
          season: 'snowSeason',
          leaderOnCall: false,
        }),
        ...(withSeasonDates
          ? [
              rule('duty.snow-dates', 'dutySeason', {
                season: { code: 'snowSeason', label: '雪季' },
                firstDay: '11-15',
                lastDay: '02-28',
              }),
            ]
          : []),
      ],
    })

  // A season written across the new year (11-15 to 02-28): its first and last days are in it,
  // the day after and the day before are not, and both sides of 1 January are.
  const days = [
    ['2026-11-14', false],
    ['2026-11-15', true],
    ['2026-12-31', true],
    ['2027-01-01', true],
    ['2027-02-28', true],
    ['2027-03-01', false],
    ['2026-07-01', false],
  ] as const
  for (const [on, active] of days)
    it(`${on}: the season over the new year is ${active ? 'on' : 'off'}; year-round duty always on`, () => {
      const result = decide<DutySystemOutcome>(context(true), 'duty-system', { on })
      assert.deepEqual(
        result.outcome.units.map((unit) => [unit.post, unit.active, unit.leaderOnCall]),
        [
          ['dutyOffice', true, true],
          ['snowOffice', active, false],
        ],
      )
      assert.deepEqual(
        result.outcome.seasons.map((season) => season.active),
        [active],
      )
      assert.deepEqual(
        result.citations.map((citation) => citation.ruleId),
        ['testland.duty.all-year', 'testland.duty.snow', 'testland.duty.snow-dates'],
      )
    })

  it('a season no rule dates is not on duty, and the answer says its dates are not loaded', () => {
    const result = decide<DutySystemOutcome>(context(false), 'duty-system', { on: '2026-12-01' })
    assert.equal(result.outcome.units.find((unit) => unit.post === 'snowOffice')?.active, false)
    assert.deepEqual(result.outcome.seasons, [])
    assert.match(result.summary, /snowSeason的起止日期未载入规则库/)
  })

  it('a rulebook without a duty rule answers RULE_NOT_FOUND', () => {
    const outcome = runDecision(buildContext({ posts }), 'duty-system', { on: '2026-12-01' })
    assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'RULE_NOT_FOUND')
  })
})

describe('incident-report-options', () => {
  const context = buildContext({
    posts,
    rules: [
      rule('incident.general', 'incidentReport', {
        category: { code: 'general', label: '一般事件' },
        steps: [
          { act: { code: 'call', label: '电话报告' }, within: '30 minutes', channel: 'phone' },
          { act: { code: 'paper', label: '书面报告' }, within: '1 hour', to: ['dutyOffice'] },
        ],
        elements: [{ code: 'place', label: '地点' }],
      }),
      rule(
        'incident.old',
        'incidentReport',
        {
          category: { code: 'old', label: '旧类别' },
          steps: [{ act: { code: 'call', label: '电话报告' }, within: '2 hours' }],
        },
        { effectiveTo: '2025-12-31' },
      ),
    ],
  })

  it('lists the categories in force with each step’s channel (any when the rule names none)', () => {
    const result = decide<{ categories: CategoryOption[] }>(context, 'incident-report-options', {
      on: '2026-03-02',
    })
    assert.deepEqual(result.outcome.categories, [
      {
        code: 'general',
        label: '一般事件',
        steps: [
          {
            act: 'call',
            label: '电话报告',
            within: { amount: 30, unit: 'minute' },
            channel: 'phone',
            to: [],
          },
          {
            act: 'paper',
            label: '书面报告',
            within: { amount: 1, unit: 'hour' },
            channel: 'any',
            to: ['dutyOffice'],
          },
        ],
        elements: [{ code: 'place', label: '地点' }],
        elementsNote: null,
        ruleId: 'testland.incident.general',
      },
    ])
    assert.equal(result.summary, '一般事件：30分钟内电话报告，1小时内书面报告')
  })

  it('a category whose rule has ended is offered only before its end', () => {
    const result = decide<{ categories: CategoryOption[] }>(context, 'incident-report-options', {
      on: '2025-06-01',
    })
    assert.deepEqual(
      result.outcome.categories.map((category) => category.code),
      ['general', 'old'],
    )
  })
})

describe('incident-late-report is counted as asking only the rules it reads', () => {
  const prohibition = (act: string) =>
    ({
      id: `testland.${act}`,
      kind: 'prohibition',
      title: act,
      article: { number: '第一条', excerpt: '…' },
      params: {
        act: { code: act, label: act },
        inPrinciple: false,
        unlessApprovedBy: [],
        unlessWhen: [],
      },
      source: 'test-seed.txt',
      sourceTitle: '测试',
      origin: 'testland',
    }) as unknown as ResolvedRule
  const questions = [{ decision: 'incident-late-report' }]
  it('the 迟报 and 漏报 prohibitions, not every prohibition', () => {
    assert.equal(askedByWorkflow(prohibition('lateIncidentReport'), questions), true)
    assert.equal(askedByWorkflow(prohibition('concealedOrOmittedIncidentReport'), questions), true)
    assert.equal(askedByWorkflow(prohibition('holdMeeting'), questions), false)
  })
})
