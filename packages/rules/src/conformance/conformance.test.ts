import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { coverageReport } from '../article-coverage/coverage-report.ts'
import { askedByWorkflow } from '../article-coverage/workflow-questions.ts'
import type { ResolvedRule } from '../rulebook/resolve-rulebook.ts'
import { buildContext, rule } from '../test-support/build-context.ts'
import { conformanceCaseSchema } from './case-schema.ts'
import { partialMismatches } from './partial-match.ts'
import { runCase } from './run-case.ts'

describe('partialMismatches', () => {
  it('compares only the keys written, arrays in full', () => {
    assert.deepEqual(partialMismatches({ a: 1 }, { a: 1, b: 2 }), [])
    assert.equal(partialMismatches({ a: 1 }, { a: 2 }).length, 1)
    assert.equal(partialMismatches([1, 2], [1, 2, 3]).length, 1)
    assert.deepEqual(partialMismatches([{ x: 1 }], [{ x: 1, y: 2 }]), [])
    assert.equal(partialMismatches({ a: { b: null } }, { a: { b: 0 } }).length, 1)
  })
})

const context = buildContext({
  rules: [
    rule('countersign', 'countersign', {
      replyWithin: '3 workingDays',
      leadMaySetLimit: true,
      overdue: 'deemedNoObjection',
    }),
  ],
})

describe('runCase', () => {
  const kase = (expect: unknown, input: unknown = { requestedOn: '2026-03-06' }) =>
    conformanceCaseSchema.parse({ name: 'c', decision: 'countersign-deadline', input, expect })

  it('passes when outcome, citations and warnings match', () => {
    const result = runCase(
      kase({
        outcome: { due: '2026-03-11' },
        cites: ['第countersign条'],
        rules: ['testland.countersign'],
      }),
      context,
    )
    assert.deepEqual(result.failures, [])
  })

  it('fails on a wrong outcome, a missing citation, or an unexpected warning', () => {
    assert.equal(runCase(kase({ outcome: { due: '2026-03-10' } }), context).passed, false)
    assert.equal(runCase(kase({ cites: ['第三十条'] }), context).passed, false)
    assert.equal(runCase(kase({}, { requestedOn: '2026-12-30' }), context).passed, false)
    assert.equal(
      runCase(kase({ warnings: ['CALENDAR_YEAR_MISSING'] }, { requestedOn: '2026-12-30' }), context)
        .passed,
      true,
    )
  })

  it('an expected refusal passes only with the same code', () => {
    assert.equal(
      runCase(kase({ error: 'INVALID_INPUT' }, { requestedOn: 'tomorrow' }), context).passed,
      true,
    )
    assert.equal(
      runCase(kase({ error: 'RULE_NOT_FOUND' }, { requestedOn: 'tomorrow' }), context).passed,
      false,
    )
    assert.equal(runCase(kase({ error: 'INVALID_INPUT' }), context).passed, false)
  })
})

describe('coverageReport', () => {
  it('links articles to rules by citation and counts only tested rules', () => {
    const map = {
      jurisdiction: 'testland',
      seed: 'test-seed.txt',
      articles: [
        { number: '第countersign条', class: 'operational' as const, gist: '会签' },
        { number: '第二条', class: 'operational' as const, gist: '无规则' },
        { number: '第三条', class: 'declarative' as const, gist: '原则' },
      ],
    }
    const untested = coverageReport(map, context.rulebook, new Set())
    assert.deepEqual(untested.totals, {
      articles: 3,
      operational: 2,
      declarative: 1,
      encoded: 1,
      tested: 0,
      workflow: 0,
      decisionOnly: 2,
      notForSoftware: 0,
    })
    assert.deepEqual(untested.gaps, [
      { number: '第countersign条', problem: 'noCase' },
      { number: '第二条', problem: 'noRule' },
    ])
    const tested = coverageReport(map, context.rulebook, new Set(['testland.countersign']))
    assert.equal(tested.totals.tested, 1)
    const stray = coverageReport(
      { ...map, articles: map.articles.slice(1) },
      context.rulebook,
      new Set(),
    )
    assert.deepEqual(stray.strayRules, [
      { ruleId: 'testland.countersign', article: '第countersign条', problem: 'notInMap' },
    ])
  })

  it('an article is enforced in a workflow when a declared question reaches one of its rules', () => {
    const map = {
      jurisdiction: 'testland',
      seed: 'test-seed.txt',
      articles: [
        { number: '第countersign条', class: 'operational' as const, gist: '会签' },
        {
          number: '第二条',
          class: 'operational' as const,
          gist: '个人行为',
          notForSoftware: '无记录',
        },
        { number: '第三条', class: 'declarative' as const, gist: '原则' },
      ],
    }
    const asked = coverageReport(map, context.rulebook, new Set(), [
      { decision: 'countersign-deadline' },
    ])
    assert.deepEqual(
      asked.articles.map((a) => a.status),
      ['workflow', 'notForSoftware', null],
    )
    assert.deepEqual(asked.articles[0]?.workflowRules, ['testland.countersign'])
    // Not for software needs no rule; the other operational article still needs its case.
    assert.deepEqual(asked.gaps, [{ number: '第countersign条', problem: 'noCase' }])
    assert.equal(asked.totals.workflow, 1)
    assert.equal(asked.totals.notForSoftware, 1)
    // A question about another decision, or another matter, does not reach the rule.
    for (const question of [
      { decision: 'meeting-quorum' },
      { decision: 'responsible-posts', code: 'countersign' },
    ])
      assert.equal(
        coverageReport(map, context.rulebook, new Set(), [question]).articles[0]?.status,
        'decisionOnly',
      )
  })
})

describe('askedByWorkflow', () => {
  const responsibility = {
    id: 'testland.office',
    kind: 'responsibility',
    title: '收文登记',
    article: { number: '第一条', excerpt: '…' },
    params: {
      matter: { code: 'incomingRegistration', label: '收文登记' },
      role: 'handles',
      posts: ['secretariat'],
    },
    source: 'test-seed.txt',
    sourceTitle: '测试',
    origin: 'testland',
  } as unknown as ResolvedRule
  it('matches a coded question by the code the rule is picked by', () => {
    assert.equal(
      askedByWorkflow(responsibility, [
        { decision: 'responsible-posts', code: 'incomingRegistration' },
      ]),
      true,
    )
    assert.equal(
      askedByWorkflow(responsibility, [{ decision: 'responsible-posts', code: 'agendaDissent' }]),
      false,
    )
    // A question without a code asks about whatever the record holds: every rule of the kind.
    assert.equal(askedByWorkflow(responsibility, [{ decision: 'responsible-posts' }]), true)
    assert.equal(askedByWorkflow(responsibility, [{ decision: 'procedure-check' }]), false)
  })
})
