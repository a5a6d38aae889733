import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ruleParams } from '../rulebook/rule-kinds.ts'
import { buildContext, rule } from '../test-support/build-context.ts'
import { frequencyText, frequencyWindow } from './limit-check.ts'
import { runDecision } from './run-decision.ts'

const posts = [{ id: 'involvedDeputy', title: '有关副县长', type: 'relational' }]

function answer(rules: unknown[], decision: string, input: unknown) {
  const outcome = runDecision(buildContext({ posts, rules }), decision, input)
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
  return outcome.result as {
    outcome: Record<string, unknown>
    summary: string
    citations: { ruleId: string }[]
  }
}
function refusal(rules: unknown[], decision: string, input: unknown) {
  const outcome = runDecision(buildContext({ posts, rules }), decision, input)
  assert.equal(outcome.ok, false)
  return outcome.ok ? undefined : outcome.error
}

describe('sign-off by the draft’s subject', () => {
  const rules = [
    rule(
      '64a',
      'signOff',
      { reviewChain: ['portfolioDeputy', 'involvedDeputy'], signer: ['executiveDeputy'] },
      {
        when: { issuer: ['government'], directions: ['downward'], scopes: ['crossPortfolio'] },
      },
    ),
    rule(
      '64b',
      'signOff',
      { reviewChain: [], signer: ['principal'] },
      {
        when: { issuer: ['government'], categories: ['personnelAppointment'] },
      },
    ),
  ]
  const crossing = { issuer: 'government', direction: 'downward', scope: 'crossPortfolio' }
  it('a rule for the subject governs, though another matches more facts', () => {
    const result = answer(rules, 'outgoing-signoff', {
      ...crossing,
      categories: ['personnelAppointment'],
    })
    assert.deepEqual(result.outcome.signer, ['principal'])
    assert.deepEqual(
      result.citations.map((c) => c.ruleId),
      ['testland.64b'],
    )
  })
  it('without the subject, the most specific rule still wins', () => {
    assert.deepEqual(answer(rules, 'outgoing-signoff', crossing).outcome.signer, [
      'executiveDeputy',
    ])
  })
  it('refuses a subject it does not know', () => {
    assert.equal(
      refusal(rules, 'outgoing-signoff', { ...crossing, categories: ['budget'] })?.code,
      'INVALID_INPUT',
    )
  })
})

describe('原则上不 / 一般不 (prohibition inPrinciple)', () => {
  const rules = [
    rule('21', 'prohibition', {
      act: { code: 'attend', label: '分管副县长参加联席会议' },
      inPrinciple: true,
      unlessWhen: [{ code: 'special', label: '特殊情况' }],
    }),
  ]
  it('says the default is not to, and how the exception is made', () => {
    const result = answer(rules, 'prohibition-check', { act: 'attend' })
    assert.equal(result.outcome.allowed, false)
    assert.equal(result.outcome.inPrinciple, true)
    assert.equal(result.summary, '分管副县长参加联席会议：原则上不得进行；具备特殊情况情形的除外')
  })
  it('is lifted by the exception', () => {
    assert.equal(
      answer(rules, 'prohibition-check', { act: 'attend', circumstances: ['special'] }).outcome
        .allowed,
      true,
    )
  })
  it('an outright ban is not said to be one in principle', () => {
    const ban = [rule('73', 'prohibition', { act: { code: 'attend', label: '参加' } })]
    const result = answer(ban, 'prohibition-check', { act: 'attend' })
    assert.equal(result.outcome.inPrinciple, false)
    assert.equal(result.summary, '参加：规定禁止')
  })
})

describe('prohibitions bound to dates and thresholds', () => {
  const dated = [
    rule(
      '73',
      'prohibition',
      { act: { code: 'holdMeeting', label: '召开会议' } },
      {
        title: '每月第一周为无会周',
        when: { dates: { daysOfMonth: { from: 1, to: 7 } } },
      },
    ),
  ]
  it('applies on the days the rule names, read off the date', () => {
    const inside = answer(dated, 'prohibition-check', { act: 'holdMeeting', on: '2026-04-07' })
    assert.equal(inside.outcome.allowed, false)
    assert.match(inside.summary, /2026-04-07在每月1日至7日之内（每月第一周为无会周）/)
    const outside = answer(dated, 'prohibition-check', { act: 'holdMeeting', on: '2026-04-08' })
    assert.deepEqual([outside.outcome.allowed, outside.outcome.applies], [true, false])
    assert.deepEqual(
      outside.citations.map((c) => c.ruleId),
      ['testland.73'],
    )
  })
  it('refuses to guess the date', () => {
    const error = refusal(dated, 'prohibition-check', { act: 'holdMeeting' })
    assert.equal(error?.code, 'INVALID_INPUT')
    assert.match(error?.message ?? '', /on（日期）/)
  })
  const shared = [
    rule(
      '59',
      'prohibition',
      { act: { code: 'meet', label: '召开全县性会议' }, unlessApprovedBy: ['principal'] },
      {
        when: {
          thresholds: [
            {
              quantity: 'heads',
              label: '半数以上一把手参加',
              from: { value: 0.5, inclusive: true },
            },
          ],
        },
      },
    ),
  ]
  it('applies once the share is reached, and then needs the approver', () => {
    const reached = answer(shared, 'prohibition-check', {
      act: 'meet',
      quantities: { heads: { count: 5, total: 10 } },
    })
    assert.deepEqual(reached.outcome.missingApprovals, [['principal']])
    const below = answer(shared, 'prohibition-check', {
      act: 'meet',
      quantities: { heads: { count: 4, total: 10 } },
    })
    assert.equal(below.outcome.allowed, true)
    assert.match(below.summary, /不在规定情形（半数以上一把手参加）之内/)
    assert.equal(refusal(shared, 'prohibition-check', { act: 'meet' })?.code, 'INVALID_INPUT')
  })
})

describe('minutes that are by default not issued', () => {
  const rules = [
    rule(
      '55',
      'minutes',
      {
        reviewChain: ['portfolioDeputy'],
        signer: ['principal'],
        dueWithin: '7 workingDays',
        issuedByDefault: false,
        issueWhen: [{ code: 'necessary', label: '确需编发' }],
      },
      { when: { meetings: ['topic'] } },
    ),
  ]
  const meetings = [{ id: 'topic', name: '专题会议' }]
  const ask = (input: unknown) => {
    const outcome = runDecision(buildContext({ posts, rules, meetings }), 'minutes-due', input)
    assert.ok(outcome.ok)
    return outcome.result as { outcome: Record<string, unknown>; summary: string }
  }
  it('are not issued, and no due date runs', () => {
    const result = ask({ meeting: 'topic', meetingDate: '2026-03-02' })
    assert.deepEqual([result.outcome.issued, result.outcome.due], [false, null])
    assert.match(result.summary, /^专题会议原则上不编发会议纪要；确需编发的，纪要经/)
  })
  it('are issued when the rule’s circumstance holds, on the rule’s period', () => {
    const result = ask({
      meeting: 'topic',
      meetingDate: '2026-03-02',
      circumstances: ['necessary'],
    })
    assert.deepEqual([result.outcome.issued, result.outcome.due], [true, '2026-03-11'])
  })
  it('a rulebook cannot say "not by default" without saying when', () => {
    const parsed = ruleParams.minutes.safeParse({ signer: ['principal'], issuedByDefault: false })
    assert.equal(parsed.success, false)
  })
})

describe('frequencies (limit per)', () => {
  it('counts in calendar months, quarters, half years and years', () => {
    assert.deepEqual(frequencyWindow({ amount: 1, unit: 'month' }, '2028-02-15'), {
      from: '2028-02-01',
      to: '2028-02-29',
    })
    assert.deepEqual(frequencyWindow({ amount: 3, unit: 'month' }, '2026-05-20'), {
      from: '2026-04-01',
      to: '2026-06-30',
    })
    assert.deepEqual(frequencyWindow({ amount: 6, unit: 'month' }, '2026-07-01'), {
      from: '2026-07-01',
      to: '2026-12-31',
    })
    assert.deepEqual(frequencyWindow({ amount: 1, unit: 'year' }, '2026-07-01'), {
      from: '2026-01-01',
      to: '2026-12-31',
    })
    assert.deepEqual(frequencyWindow({ amount: 2, unit: 'month' }, '2026-04-03'), {
      from: '2026-03-01',
      to: '2026-04-30',
    })
  })
  it('counts weeks back from the date asked', () => {
    assert.deepEqual(frequencyWindow({ amount: 2, unit: 'week' }, '2026-03-13'), {
      from: '2026-02-28',
      to: '2026-03-13',
    })
  })
  it('names them as the texts do', () => {
    assert.deepEqual(
      [
        [1, 'month'],
        [3, 'month'],
        [6, 'month'],
        [1, 'year'],
        [1, 'week'],
        [2, 'week'],
      ].map(([amount, unit]) => frequencyText({ amount: amount as number, unit: unit as 'month' })),
      ['每月', '每季度', '每半年', '每年', '每周', '每2周'],
    )
  })
  it('a limit-check on a date returns its window', () => {
    const rules = [
      rule('15', 'limit', {
        subject: { code: 'standing', label: '常务会议次数' },
        min: 1,
        max: 2,
        inclusive: true,
        unit: '次',
        per: '1 month',
      }),
    ]
    const result = answer(rules, 'limit-check', { subject: 'standing', value: 3, on: '2026-12-31' })
    assert.deepEqual(result.outcome.window, { from: '2026-12-01', to: '2026-12-31' })
    assert.equal(result.outcome.within, false)
    assert.equal(
      answer(rules, 'limit-check', { subject: 'standing', value: 1 }).outcome.window,
      null,
    )
  })
})

describe('conjunctions in collective decisions (ratioFrom)', () => {
  const rules = [
    rule('15', 'collectiveDecision', {
      meeting: 'standing',
      matters: [
        {
          code: 'overrun',
          label: '20万元以上且15%以上',
          amountFrom: { amount: 200000, inclusive: true },
          ratioFrom: { ratio: 0.15, inclusive: true },
        },
      ],
    }),
  ]
  const meetings = [{ id: 'standing', name: '常务会议' }]
  const required = (input: Record<string, unknown>) => {
    const outcome = runDecision(buildContext({ posts, rules, meetings }), 'collective-decision', {
      matter: 'overrun',
      ...input,
    })
    assert.ok(outcome.ok)
    return (outcome.result.outcome as { required: boolean }).required
  }
  it('needs both bounds reached', () => {
    assert.equal(required({ amount: 200000, ratio: 0.15 }), true)
    assert.equal(required({ amount: 250000, ratio: 0.14 }), false)
    assert.equal(required({ amount: 199999, ratio: 0.5 }), false)
    assert.equal(required({ amount: 250000 }), false)
  })
})

describe('leave by whose meeting it is', () => {
  const meetings = [
    { id: 'standing', name: '常务会议' },
    { id: 'deputyMeeting', name: '副县长召开的会议' },
  ]
  const rules = [
    rule(
      '24a',
      'leaveApproval',
      { approver: ['principal'], via: ['officeDirector'], substituteRequired: true },
      {
        when: { posts: ['departmentHead'], categories: ['meetingAbsence'], meetings: ['standing'] },
      },
    ),
    rule(
      '24b',
      'leaveApproval',
      { approver: ['portfolioDeputy'] },
      {
        when: {
          posts: ['departmentHead'],
          categories: ['meetingAbsence'],
          meetings: ['deputyMeeting'],
        },
      },
    ),
  ]
  const ask = (meeting?: string) =>
    runDecision(buildContext({ posts, rules, meetings }), 'leave-approval', {
      post: 'departmentHead',
      days: 1,
      category: 'meetingAbsence',
      ...(meeting ? { meeting } : {}),
    })
  it('asks the approver of that meeting, through whom the text says', () => {
    const standing = ask('standing')
    assert.ok(standing.ok)
    assert.deepEqual((standing.result.outcome as { via: string[] }).via, ['officeDirector'])
    assert.match(standing.result.summary, /经officeDirector报principal/)
    const deputy = ask('deputyMeeting')
    assert.ok(deputy.ok)
    assert.deepEqual((deputy.result.outcome as { approver: string[] }).approver, [
      'portfolioDeputy',
    ])
  })
  it('a rule for named meetings does not answer for a meeting not named', () => {
    const none = ask()
    assert.equal(none.ok, false)
  })
})

describe('deadlines by the matter’s categories', () => {
  const rules = [
    rule('31a', 'deadline', {
      event: { code: 'documentReceived', label: '收文' },
      within: '3 workingDays',
    }),
    rule(
      '31b',
      'deadline',
      { event: { code: 'documentReceived', label: '收文（复杂）' }, within: '5 workingDays' },
      {
        when: { categories: ['complexMatter'] },
      },
    ),
  ]
  it('the rule for a complex matter replaces the general one', () => {
    const general = answer(rules, 'event-deadline', { event: 'documentReceived', at: '2026-03-06' })
    assert.equal(general.outcome.due, '2026-03-11')
    const complex = answer(rules, 'event-deadline', {
      event: 'documentReceived',
      at: '2026-03-06',
      categories: ['complexMatter'],
    })
    assert.equal(complex.outcome.due, '2026-03-13')
    assert.deepEqual(
      complex.citations.map((c) => c.ruleId).filter((id) => id.startsWith('testland')),
      ['testland.31b'],
    )
  })
})

describe('procedures bound to conditions joined by 且', () => {
  const rules = [
    rule(
      '24',
      'procedure',
      {
        matter: { code: 'crossDepartment', label: '涉及两个以上部门职权的事项' },
        steps: [{ code: 'priorRequest', label: '事先请示' }],
      },
      {
        when: {
          categories: ['publicInterest', 'highPublicConcern'],
          thresholds: [
            { quantity: 'departments', label: '两个以上部门', from: { value: 2, inclusive: true } },
          ],
        },
      },
    ),
  ]
  const check = (input: Record<string, unknown>) =>
    answer(rules, 'procedure-check', { matter: 'crossDepartment', completed: [], ...input })
  it('applies only when the count and one of the categories both hold', () => {
    const both = check({ categories: ['highPublicConcern'], quantities: { departments: 2 } })
    assert.deepEqual([both.outcome.applies, both.outcome.complete], [true, false])
    const countOnly = check({ categories: [], quantities: { departments: 3 } })
    assert.deepEqual([countOnly.outcome.applies, countOnly.outcome.complete], [false, true])
    assert.match(countOnly.summary, /不在规定情形之内/)
    const categoryOnly = check({ categories: ['publicInterest'], quantities: { departments: 1 } })
    assert.equal(categoryOnly.outcome.applies, false)
  })
  it('refuses to guess the count', () => {
    assert.equal(
      refusal(rules, 'procedure-check', {
        matter: 'crossDepartment',
        categories: ['publicInterest'],
      })?.code,
      'INVALID_INPUT',
    )
  })
})

describe('一般不同时外出 (absenceConflict inPrinciple)', () => {
  const conflict = (inPrinciple: boolean) =>
    answer(
      [
        rule('108', 'absenceConflict', {
          posts: ['principal', 'executiveDeputy'],
          atMostAway: 1,
          inPrinciple,
        }),
      ],
      'leave-conflict',
      {
        absences: [
          { post: 'principal', from: '2026-03-02', to: '2026-03-03' },
          { post: 'executiveDeputy', from: '2026-03-03', to: '2026-03-04' },
        ],
      },
    )
  it('says a conflict departs from the default, not that it breaks a ban', () => {
    const generally = conflict(true)
    assert.equal(generally.outcome.inPrinciple, true)
    assert.match(generally.summary, /与“一般不同时外出”的规定不符/)
    const ban = conflict(false)
    assert.equal(ban.outcome.inPrinciple, false)
    assert.match(ban.summary, /不符合规定$/)
  })
})

describe('schedules read off the calendar (schedule-check)', () => {
  const rules = [
    rule('93', 'schedule', {
      act: { code: 'study', label: '中心组学习' },
      on: { daysOfMonth: { from: 1, to: 7 }, weekdays: [1] },
      hours: { start: '09:00', end: '12:00' },
    }),
    rule('22', 'schedule', { act: { code: 'annual', label: '年度总结' }, on: { months: [12] } }),
  ]
  it('says whether a day is the set day, and the next one', () => {
    const first = answer(rules, 'schedule-check', { act: 'study', on: '2026-03-02' })
    assert.deepEqual([first.outcome.onSchedule, first.outcome.next], [true, '2026-03-02'])
    assert.match(first.summary, /每月1日至7日的星期一09:00至12:00进行/)
    const second = answer(rules, 'schedule-check', { act: 'study', on: '2026-03-03' })
    assert.deepEqual([second.outcome.onSchedule, second.outcome.next], [false, '2026-04-06'])
  })
  it('finds the next set month a year away', () => {
    const after = answer(rules, 'schedule-check', { act: 'annual', on: '2026-12-31' })
    assert.equal(after.outcome.onSchedule, true)
    const january = answer(rules, 'schedule-check', { act: 'annual', on: '2027-01-01' })
    assert.equal(january.outcome.next, '2027-12-01')
  })
  it('refuses a time of day that is not HH:MM', () => {
    const parsed = ruleParams.schedule.safeParse({
      act: { code: 'x', label: 'x' },
      on: { months: [1] },
      hours: { start: '9点', end: '12:00' },
    })
    assert.equal(parsed.success, false)
  })
})

describe('a conditional procedure repeating a base step', () => {
  const matter = { code: 'vehicles', label: '新配车辆' }
  const rules = [
    rule('72a', 'procedure', { matter, steps: [{ code: 'reallocate', label: '内部调剂' }] }),
    rule(
      '72b',
      'procedure',
      {
        matter,
        steps: [
          { code: 'reallocate', label: '内部调剂' },
          { code: 'purchase', label: '按标准新购' },
        ],
      },
      { when: { categories: ['purchaseNeeded'] } },
    ),
  ]
  it('names a step both rules require missing once, and adds the condition’s step', () => {
    const result = answer(rules, 'procedure-check', {
      matter: 'vehicles',
      categories: ['purchaseNeeded'],
      completed: [],
    })
    assert.deepEqual(
      (result.outcome.missing as { code: string }[]).map((m) => m.code),
      ['reallocate', 'purchase'],
    )
    const plain = answer(rules, 'procedure-check', {
      matter: 'vehicles',
      completed: ['reallocate'],
    })
    assert.equal(plain.outcome.complete, true)
  })
})
