import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { postsIncludedBy } from '../rulebook/posts.ts'
import { buildContext, rule } from '../test-support/build-context.ts'
import type { AgendaAdmissionOutcome } from './agenda-admission.ts'
import type { DecisionResult } from './decision.ts'
import { runDecision } from './run-decision.ts'

function decide(context: ReturnType<typeof buildContext>, name: string, input: unknown) {
  const outcome = runDecision(context, name, input)
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`)
  return outcome.result as DecisionResult<Record<string, unknown>>
}

const standing = { id: 'standing', name: '常务会议' }

describe('meeting-quorum', () => {
  const context = (comparison: 'moreThan' | 'atLeast') =>
    buildContext({
      meetings: [standing],
      rules: [
        rule(
          'quorum',
          'quorum',
          { numerator: 1, denominator: 2, comparison },
          { when: { meetings: ['standing'] } },
        ),
      ],
    })

  it('过半数 is strictly more than half', () => {
    const ctx = context('moreThan')
    assert.equal(
      decide(ctx, 'meeting-quorum', { meeting: 'standing', members: 10, present: 5 }).outcome
        .quorate,
      false,
    )
    assert.equal(
      decide(ctx, 'meeting-quorum', { meeting: 'standing', members: 10, present: 6 }).outcome
        .quorate,
      true,
    )
    assert.equal(
      decide(ctx, 'meeting-quorum', { meeting: 'standing', members: 11, present: 6 }).outcome
        .minimum,
      6,
    )
  })

  it('半数以上 includes exactly half and cites the wording article', () => {
    const result = decide(context('atLeast'), 'meeting-quorum', {
      meeting: 'standing',
      members: 10,
      present: 5,
    })
    assert.equal(result.outcome.quorate, true)
    assert.ok(result.citations.some((c) => c.article === '第一千二百五十九条'))
  })

  it('refuses more present than members with a Chinese message', () => {
    const outcome = runDecision(context('atLeast'), 'meeting-quorum', {
      meeting: 'standing',
      members: 3,
      present: 4,
    })
    assert.equal(outcome.ok, false)
    assert.equal(!outcome.ok && outcome.error.code, 'INVALID_INPUT')
  })

  it('says the rulebook has no rule for a meeting it does not regulate', () => {
    const outcome = runDecision(context('atLeast'), 'meeting-quorum', {
      meeting: 'plenary',
      members: 3,
      present: 2,
    })
    assert.equal(!outcome.ok && outcome.error.code, 'RULE_NOT_FOUND')
  })
})

describe('countersign-deadline', () => {
  const context = buildContext({
    posts: [{ id: 'generalDesk', title: '综合股', type: 'desk' }],
    rules: [
      rule('countersign', 'countersign', {
        replyWithin: '5 workingDays',
        leadMaySetLimit: false,
        overdue: 'remindFirst',
        reminder: ['generalDesk'],
        afterReminderWithin: '2 workingDays',
      }),
    ],
  })

  it('counts working days and cites the period article it applied', () => {
    const result = decide(context, 'countersign-deadline', { requestedOn: '2026-03-02' })
    assert.equal(result.outcome.due, '2026-03-09')
    assert.deepEqual(
      result.citations.map((c) => c.ruleId),
      ['testland.countersign', 'national.period.start'],
    )
  })

  it('an overdue reply is reminded first, with a new due date', () => {
    const result = decide(context, 'countersign-deadline', {
      requestedOn: '2026-03-02',
      today: '2026-03-10',
    })
    assert.equal(result.outcome.status, 'overdue')
    assert.equal(result.outcome.consequence, 'remindFirst')
    assert.equal(result.outcome.reminderDue, '2026-03-12')
    assert.match(result.summary, /综合股/)
  })

  it('ignores a lead department limit when the rules do not allow one', () => {
    const result = decide(context, 'countersign-deadline', {
      requestedOn: '2026-03-02',
      leadDepartmentDueDate: '2026-03-30',
    })
    assert.equal(result.outcome.due, '2026-03-09')
  })

  it('rejects an impossible date without throwing', () => {
    const outcome = runDecision(context, 'countersign-deadline', { requestedOn: '2026-02-30' })
    assert.equal(!outcome.ok && outcome.error.code, 'INVALID_INPUT')
  })

  it('rejects unknown input fields', () => {
    const outcome = runDecision(context, 'countersign-deadline', {
      requestedOn: '2026-03-02',
      requestDate: 'x',
    })
    assert.match(!outcome.ok ? outcome.error.message : '', /未知字段：requestDate/)
  })
})

describe('countersign-deadline: explain or be circulated', () => {
  it('names who circulates a department that neither replied nor explained', () => {
    const context = buildContext({
      rules: [
        rule('countersign', 'countersign', {
          replyWithin: '5 workingDays',
          leadMaySetLimit: false,
          overdue: 'explainOrCircular',
          circulatedBy: ['officeDirector'],
        }),
      ],
    })
    const result = decide(context, 'countersign-deadline', {
      requestedOn: '2026-03-02',
      today: '2026-03-10',
    })
    assert.equal(result.outcome.consequence, 'explainOrCircular')
    assert.deepEqual(result.outcome.circulatedBy, ['officeDirector'])
    assert.match(result.summary, /书面说明情况和理由，否则由officeDirector予以通报/)
  })
})

describe('acting-presider', () => {
  const context = buildContext({
    rules: [
      rule('acting-head', 'acting', {
        absent: 'principal',
        order: ['executiveDeputy', 'designatedDeputy'],
      }),
    ],
  })

  it('walks the order of precedence past those away', () => {
    assert.equal(
      decide(context, 'acting-presider', { away: ['principal'] }).outcome.presider,
      'executiveDeputy',
    )
    assert.equal(
      decide(context, 'acting-presider', { away: ['principal', 'executiveDeputy'] }).outcome
        .presider,
      'designatedDeputy',
    )
  })

  it('a rule with `during` covers only those absences (因公出区: not a vacation)', () => {
    const official = buildContext({
      rules: [
        rule('acting-head', 'acting', {
          absent: 'principal',
          order: ['executiveDeputy'],
          during: ['businessTrip'],
        }),
        rule(
          'leave',
          'leaveApproval',
          { mode: 'filing', fileWith: ['officeDirector'] },
          { when: { posts: ['principal'], categories: ['businessTrip', 'vacation'] } },
        ),
      ],
    })
    const ask = (category?: string) =>
      runDecision(official, 'acting-presider', { away: ['principal'], category })
    const trip = ask('businessTrip')
    assert.ok(
      trip.ok && (trip.result.outcome as { presider: string }).presider === 'executiveDeputy',
    )
    const vacation = ask('vacation')
    assert.ok(!vacation.ok && vacation.error.code === 'RULE_NOT_FOUND')
    const misspelt = ask('holiday')
    assert.ok(!misspelt.ok && misspelt.error.code === 'INVALID_INPUT')
    const unstated = ask()
    assert.ok(unstated.ok)
  })

  it('the head in office presides, citing the acting rule', () => {
    const result = decide(context, 'acting-presider', { away: ['deputy'] })
    assert.equal(result.outcome.presider, 'principal')
    assert.deepEqual(
      result.citations.map((c) => c.ruleId),
      ['testland.acting-head'],
    )
  })

  it('flags a conflict when everyone in the order is away', () => {
    const result = decide(context, 'acting-presider', {
      away: ['principal', 'executiveDeputy', 'designatedDeputy'],
    })
    assert.equal(result.outcome.conflict, true)
    assert.equal(result.outcome.presider, null)
  })

  it('follows the stand-in rule of the next in line', () => {
    const chained = buildContext({
      rules: [
        rule('acting-head', 'acting', { absent: 'principal', order: ['executiveDeputy'] }),
        rule('acting-exec', 'acting', { absent: 'executiveDeputy', order: ['deputy'] }),
      ],
    })
    const result = decide(chained, 'acting-presider', { away: ['principal', 'executiveDeputy'] })
    assert.equal(result.outcome.presider, 'deputy')
    assert.equal(result.citations.length, 2)
  })
})

describe('leave-approval', () => {
  const context = buildContext({
    rules: [
      rule(
        'leave-base',
        'leaveApproval',
        { approver: ['portfolioDeputy'] },
        { when: { posts: ['departmentHead'] } },
      ),
      rule(
        'leave-long',
        'leaveApproval',
        { approver: ['principal'], days: { count: 15, comparison: 'moreThan' } },
        { when: { posts: ['departmentHead'] } },
      ),
    ],
  })

  it('a category rule governs its category whatever the length', () => {
    const withMeetings = buildContext({
      rules: [
        rule(
          'leave-long',
          'leaveApproval',
          { approver: ['principal'], days: { count: 15, comparison: 'moreThan' } },
          { when: { posts: ['departmentHead'] } },
        ),
        rule(
          'leave-meeting',
          'leaveApproval',
          { approver: ['officeDirector'] },
          { when: { posts: ['departmentHead'], categories: ['meetingAbsence'] } },
        ),
      ],
    })
    const approver = (days: number, category?: string) =>
      decide(withMeetings, 'leave-approval', { post: 'departmentHead', days, category }).outcome
        .approver
    assert.deepEqual(approver(16, 'meetingAbsence'), ['officeDirector'])
    assert.deepEqual(approver(16), ['principal'])
  })

  it('says whether the request must name a substitute (default: no)', () => {
    const withSubstitute = buildContext({
      rules: [
        rule(
          'leave-meeting',
          'leaveApproval',
          { approver: ['principal'], fileWith: ['officeDirector'], substituteRequired: true },
          { when: { posts: ['departmentHead'], categories: ['meetingAbsence'] } },
        ),
      ],
    })
    const result = decide(withSubstitute, 'leave-approval', {
      post: 'departmentHead',
      days: 1,
      category: 'meetingAbsence',
    })
    assert.equal(result.outcome.substituteRequired, true)
    assert.match(result.summary, /明确代会人员/)
    assert.equal(
      decide(context, 'leave-approval', { post: 'departmentHead', days: 1 }).outcome
        .substituteRequired,
      false,
    )
  })

  it('超过15天 goes higher; exactly 15 does not', () => {
    assert.deepEqual(
      decide(context, 'leave-approval', { post: 'departmentHead', days: 15 }).outcome.approver,
      ['portfolioDeputy'],
    )
    assert.deepEqual(
      decide(context, 'leave-approval', { post: 'departmentHead', days: 16 }).outcome.approver,
      ['principal'],
    )
  })
})

describe('leave-approval: filing, informing, lead time, the rule for the category', () => {
  const context = buildContext({
    rules: [
      rule(
        'deputies-report',
        'leaveApproval',
        { mode: 'filing', fileWith: ['principal'], inform: ['officeDirector'] },
        { when: { posts: ['deputy'], categories: ['businessTrip', 'vacation'] } },
      ),
      rule(
        'heads-trip',
        'leaveApproval',
        { approver: ['principal'], advance: '3 days', inPrinciple: true },
        { when: { posts: ['departmentHead'], categories: ['businessTrip', 'abroad'] } },
      ),
      rule(
        'heads-strict',
        'leaveApproval',
        { approver: ['principal'], advance: '3 days' },
        { when: { posts: ['executiveDeputy'], categories: ['businessTrip'] } },
      ),
      rule(
        'heads-out',
        'leaveApproval',
        {
          approver: ['portfolioDeputy'],
          fileWith: ['secretariat'],
          reportBackTo: ['principal'],
          returnReport: true,
        },
        { when: { posts: ['departmentHead'], categories: ['businessTrip', 'abroad', 'vacation'] } },
      ),
      rule(
        'heads-abroad',
        'leaveApproval',
        { approver: ['officeDirector'], via: ['portfolioDeputy', 'principal'] },
        { when: { posts: ['departmentHead'], categories: ['abroad'] } },
      ),
    ],
  })
  const ask = (input: Record<string, unknown>) => decide(context, 'leave-approval', input)

  it('a filing has no approver: it is reported, and the office informs', () => {
    const result = ask({ post: 'deputy', days: 2, category: 'vacation' })
    assert.equal(result.outcome.mode, 'filing')
    assert.deepEqual(result.outcome.approver, [])
    assert.deepEqual(result.outcome.fileWith, ['principal'])
    assert.deepEqual(result.outcome.inform, ['officeDirector'])
    assert.match(result.summary, /报备，无需审批/)
    // A trip or a vacation takes the person away (外出); a meeting or a day off excuses them (请假).
    assert.match(result.summary, /^deputy外出2天/)
    assert.equal(
      ask({ post: 'departmentHead', days: 2, category: 'vacation' }).outcome.mode,
      'approval',
    )
  })

  it('提前3天: the day of departure is not counted; the latest day is three days before it', () => {
    // Departure Tuesday 2026-03-10: 9th, 8th and 7th are the three days, so the 7th is the last.
    const onTime = ask({
      post: 'departmentHead',
      days: 2,
      category: 'businessTrip',
      from: '2026-03-10',
      filedOn: '2026-03-07',
    })
    assert.equal(onTime.outcome.latestFiling, '2026-03-07')
    assert.equal(onTime.outcome.filedInTime, true)
    assert.equal(onTime.outcome.advance, '3日')
    assert.ok(onTime.citations.some((c) => c.article === '第二百零一条'))
    const late = ask({
      post: 'departmentHead',
      days: 2,
      category: 'businessTrip',
      from: '2026-03-10',
      filedOn: '2026-03-08',
    })
    assert.equal(late.outcome.filedInTime, false)
    assert.equal(late.outcome.inPrinciple, true)
    assert.equal(late.citations[0]?.ruleId, 'testland.heads-trip')
    assert.match(late.summary, /已逾期（原则性规定，可受理但记为迟报）/)
  })

  it('a latest day on a rest day names the last working day before it, without moving the latest', () => {
    // Departure Tuesday 2026-03-17: three days before is Saturday the 14th; Friday the 13th works.
    const result = ask({
      post: 'departmentHead',
      days: 1,
      category: 'businessTrip',
      from: '2026-03-17',
    })
    assert.equal(result.outcome.latestFiling, '2026-03-14')
    assert.equal(result.outcome.latestFilingWorkingDay, '2026-03-13')
    assert.equal(result.outcome.filedInTime, null)
    assert.match(result.summary, /不迟于 2026-03-13/)
  })

  it('a lead time not in principle is a bar: the late answer does not say it may be accepted', () => {
    const late = ask({
      post: 'executiveDeputy',
      days: 1,
      category: 'businessTrip',
      from: '2026-03-10',
      filedOn: '2026-03-09',
    })
    assert.equal(late.outcome.filedInTime, false)
    assert.equal(late.outcome.inPrinciple, false)
    assert.doesNotMatch(late.summary, /可受理/)
  })

  it('without a lead time or a departure day, nothing is said about lateness', () => {
    const result = ask({
      post: 'departmentHead',
      days: 1,
      category: 'vacation',
      from: '2026-03-10',
    })
    assert.equal(result.outcome.latestFiling, null)
    assert.equal(result.outcome.filedInTime, null)
    assert.equal(result.outcome.advance, null)
  })

  it('the rule for the category alone decides the approval; the broader rules add 备案, 销假 and the lead time', () => {
    const result = ask({
      post: 'departmentHead',
      days: 3,
      category: 'abroad',
      from: '2026-03-10',
      filedOn: '2026-03-01',
    })
    assert.deepEqual(result.outcome.approver, ['officeDirector'])
    assert.deepEqual(result.outcome.via, ['portfolioDeputy', 'principal'])
    assert.deepEqual(result.outcome.fileWith, ['secretariat'])
    assert.deepEqual(result.outcome.reportBackTo, ['principal'])
    assert.equal(result.outcome.returnReport, true)
    assert.match(result.summary, /销假并报告有关情况/)
    assert.equal(result.outcome.latestFiling, '2026-03-07')
    assert.deepEqual(
      result.citations.map((c) => c.ruleId).filter((id) => !id.startsWith('national')),
      ['testland.heads-abroad', 'testland.heads-trip', 'testland.heads-out'],
    )
  })

  it('refuses a filing rule that names an approver, and an approval without one', () => {
    assert.throws(() =>
      buildContext({
        rules: [
          rule('bad-filing', 'leaveApproval', {
            mode: 'filing',
            approver: ['principal'],
            fileWith: ['principal'],
          }),
        ],
      }),
    )
    assert.throws(() => buildContext({ rules: [rule('bad-approval', 'leaveApproval', {})] }))
    assert.throws(() =>
      buildContext({ rules: [rule('bad-filing2', 'leaveApproval', { mode: 'filing' })] }),
    )
  })
})

describe('advance-notice and limit-check: 原则上', () => {
  const context = buildContext({
    rules: [
      rule('plan', 'advanceNotice', {
        act: { code: 'governmentMeetingPlan', label: '上报会议方案' },
        before: '10 days',
        inPrinciple: true,
      }),
      rule('cap', 'limit', {
        subject: { code: 'departmentCountywideMeeting', label: '部门全县性会议' },
        max: 1,
        inclusive: true,
        unit: '次',
        per: '1 year',
        inPrinciple: true,
      }),
    ],
  })

  it('says the lead time is a principle', () => {
    const result = decide(context, 'advance-notice', {
      act: 'governmentMeetingPlan',
      event: '2026-03-20',
      given: '2026-03-15',
    })
    assert.equal(result.outcome.inPrinciple, true)
    assert.equal(result.outcome.onTime, false)
    assert.match(result.summary, /原则上应提前10日/)
  })

  it('says a cap exceeded departs from a principle rather than breaking a ban', () => {
    const result = decide(context, 'limit-check', {
      subject: 'departmentCountywideMeeting',
      value: 2,
      on: '2026-05-01',
    })
    assert.equal(result.outcome.within, false)
    assert.equal(result.outcome.inPrinciple, true)
    assert.match(result.summary, /与原则性规定不符/)
  })
})

describe('leave-conflict', () => {
  const context = buildContext({
    rules: [
      rule('together', 'absenceConflict', {
        posts: ['principal', 'executiveDeputy'],
        atMostAway: 1,
      }),
    ],
  })

  it('reports the overlapping days only', () => {
    const result = decide(context, 'leave-conflict', {
      absences: [
        { post: 'principal', from: '2026-03-02', to: '2026-03-06' },
        { post: 'executiveDeputy', from: '2026-03-05', to: '2026-03-10' },
        { post: 'deputy', from: '2026-03-01', to: '2026-03-31' },
      ],
    })
    assert.deepEqual(result.outcome.conflicts, [
      {
        ruleId: 'testland.together',
        posts: ['executiveDeputy', 'principal'],
        from: '2026-03-05',
        to: '2026-03-06',
      },
    ])
  })

  it('no overlap, no conflict', () => {
    const result = decide(context, 'leave-conflict', {
      absences: [
        { post: 'principal', from: '2026-03-02', to: '2026-03-04' },
        { post: 'executiveDeputy', from: '2026-03-05', to: '2026-03-10' },
      ],
    })
    assert.equal(result.outcome.conflict, false)
  })
})

describe('funds-approval and collective-decision', () => {
  const context = buildContext({
    meetings: [standing],
    rules: [
      rule('funds', 'fundsApproval', {
        tiers: [
          { upTo: { amount: 50000, inclusive: false }, approver: ['portfolioDeputy'] },
          {
            above: { amount: 50000, inclusive: true },
            upTo: { amount: 500000, inclusive: true },
            approver: ['principal'],
          },
          {
            above: { amount: 500000, inclusive: false },
            approver: ['executiveDeputy', 'principal'],
          },
        ],
      }),
      rule('collective', 'collectiveDecision', {
        meeting: 'standing',
        matters: [
          {
            code: 'storedFunds',
            label: '使用200万元以上存量资金',
            amountFrom: { amount: 2000000, inclusive: true },
          },
        ],
      }),
    ],
  })

  it('puts each boundary amount in the tier its wording says', () => {
    assert.deepEqual(decide(context, 'funds-approval', { amount: 49999 }).outcome.approver, [
      'portfolioDeputy',
    ])
    assert.deepEqual(decide(context, 'funds-approval', { amount: 50000 }).outcome.approver, [
      'principal',
    ])
    assert.deepEqual(decide(context, 'funds-approval', { amount: 500000 }).outcome.approver, [
      'principal',
    ])
    assert.deepEqual(decide(context, 'funds-approval', { amount: 500001 }).outcome.approver, [
      'executiveDeputy',
      'principal',
    ])
  })

  it('200万元以上 includes 200万', () => {
    assert.equal(
      decide(context, 'collective-decision', { matter: 'storedFunds', amount: 2000000 }).outcome
        .required,
      true,
    )
    assert.equal(
      decide(context, 'collective-decision', { matter: 'storedFunds', amount: 1999999 }).outcome
        .required,
      false,
    )
  })
})

describe('incident-report-deadline', () => {
  const context = buildContext({
    rules: [
      rule('incident', 'incidentReport', {
        category: { code: 'major', label: '较大以上突发事件' },
        steps: [
          { act: { code: 'phone', label: '电话报告' }, within: '30 minutes' },
          { act: { code: 'written', label: '书面报告' }, within: '1 hour' },
          { act: { code: 'followUp', label: '续报' }, within: '1 day' },
        ],
      }),
    ],
  })

  it('hour periods run from the moment; day periods from the date', () => {
    const result = decide(context, 'incident-report-deadline', {
      category: 'major',
      occurredAt: '2026-10-01T23:40:00+08:00',
    })
    const steps = result.outcome.steps as { due: string }[]
    assert.equal(steps[0]?.due, '2026-10-02T00:10:00+08:00')
    assert.equal(steps[1]?.due, '2026-10-02T00:40:00+08:00')
    // 1 day from 10-01 ends 10-02, a holiday: the day after the holiday ends is 10-08.
    assert.equal(steps[2]?.due, '2026-10-08')
  })

  it('a date-time without an offset is Asia/Shanghai, as an office writes it', () => {
    const local = decide(context, 'incident-report-deadline', {
      category: 'major',
      occurredAt: '2026-12-07T09:00',
    })
    const explicit = decide(context, 'incident-report-deadline', {
      category: 'major',
      occurredAt: '2026-12-07T09:00+08:00',
    })
    assert.deepEqual(local.outcome, explicit.outcome)
    assert.equal((local.outcome.steps as { due: string }[])[0]?.due, '2026-12-07T09:30:00+08:00')
    // Late in the evening UTC is already the next day in Shanghai: day periods count from it.
    const utc = decide(context, 'incident-report-deadline', {
      category: 'major',
      occurredAt: '2026-12-06T20:00:00Z',
    })
    assert.equal((utc.outcome.steps as { due: string }[])[0]?.due, '2026-12-07T04:30:00+08:00')
    assert.equal((utc.outcome.steps as { due: string }[])[2]?.due, '2026-12-08')
    const bad = runDecision(context, 'incident-report-deadline', {
      category: 'major',
      occurredAt: '2026-12-07 9点',
    })
    assert.equal(bad.ok ? 'ok' : bad.error.code, 'INVALID_INPUT')
  })
})

describe('agenda-admission', () => {
  const context = buildContext({
    meetings: [standing],
    rules: [
      rule(
        'agenda',
        'agendaAdmission',
        {
          maxItems: 3,
          excluded: [{ code: 'withinDepartmentAuthority', label: '属部门职权范围内的事项' }],
          requiredBefore: [{ code: 'legalityReview', label: '合法性审查' }],
          submitBefore: '3 days',
        },
        { when: { meetings: ['standing'] } },
      ),
    ],
  })

  it('admits a reviewed item submitted in time', () => {
    const result = decide(context, 'agenda-admission', {
      meeting: 'standing',
      completed: ['legalityReview'],
      submittedOn: '2026-03-09',
      meetingDate: '2026-03-12',
    })
    assert.equal(result.outcome.admitted, true)
  })

  it('lists every reason an item is refused', () => {
    const result = decide(context, 'agenda-admission', {
      meeting: 'standing',
      characteristics: ['withinDepartmentAuthority'],
      itemsAlreadyOnAgenda: 3,
      submittedOn: '2026-03-10',
      meetingDate: '2026-03-12',
    })
    const codes = (result.outcome.reasons as { code: string }[]).map((r) => r.code)
    assert.deepEqual(codes, [
      'withinDepartmentAuthority',
      'legalityReview',
      'agendaFull',
      'submittedLate',
    ])
  })
})

describe('agenda-admission: conditional steps, over-cap steps, checklist and approvers', () => {
  const topic = { id: 'topic', name: '专题会议' }
  const context = buildContext({
    meetings: [standing, topic],
    rules: [
      rule(
        'agenda-cap',
        'agendaAdmission',
        {
          maxItems: 15,
          overCapRequires: [
            { code: 'explainedToOffice', label: '向办公室说明情况' },
            { code: 'principalConsent', label: '报区长同意', recordedBy: ['principal'] },
          ],
        },
        { when: { meetings: ['standing'] } },
      ),
      rule(
        'agenda-conditional',
        'agendaAdmission',
        {
          requiredBefore: [{ code: 'investigation', label: '深入调查研究' }],
          requiredWhen: [
            {
              condition: { code: 'involvesOtherUnits', label: '议题涉及其他部门、单位' },
              steps: [{ code: 'consultation', label: '充分协商，事先征求意见' }],
            },
            {
              condition: { code: 'legalityReviewNeeded', label: '必要时须进行合法性审查' },
              steps: [
                { code: 'legalityReview', label: '合法性审查', recordedBy: ['officeDirector'] },
              ],
            },
          ],
        },
        { when: { meetings: ['standing'] } },
      ),
      rule(
        'agenda-decider',
        'agendaAdmission',
        { decidedBy: ['principal'] },
        { when: { meetings: ['standing'] } },
      ),
      rule(
        'agenda-excluded',
        'agendaAdmission',
        { excluded: [{ code: 'adHocMotion', label: '临时动议' }], decidedBy: ['deputy'] },
        { when: { meetings: ['standing', 'topic'] } },
      ),
    ],
  })
  const ask = (input: Record<string, unknown>) => {
    const result = decide(context, 'agenda-admission', { meeting: 'standing', ...input })
    return { ...result, outcome: result.outcome as unknown as AgendaAdmissionOutcome }
  }

  it('a conditional step is needed only when the item has the condition', () => {
    assert.equal(ask({ completed: ['investigation'] }).outcome.admitted, true)
    const refused = ask({ characteristics: ['legalityReviewNeeded'], completed: ['investigation'] })
    assert.equal(refused.outcome.admitted, false)
    assert.deepEqual(refused.outcome.reasons, [
      {
        code: 'legalityReview',
        label: '尚未完成：合法性审查（因必要时须进行合法性审查）',
        ruleId: 'testland.agenda-conditional',
        recordedBy: ['officeDirector'],
      },
    ])
    // The summary says who records the missing step.
    assert.match(refused.summary, /合法性审查（因必要时须进行合法性审查）（由officeDirector登记）/)
    assert.equal(
      ask({
        characteristics: ['legalityReviewNeeded'],
        completed: ['investigation', 'legalityReview'],
      }).outcome.admitted,
      true,
    )
  })

  it('lists every check as a checklist, conditional ones with their condition', () => {
    const { outcome } = ask({ completed: ['investigation'] })
    assert.deepEqual(outcome.conditions, [
      {
        type: 'overCap',
        code: 'explainedToOffice',
        label: '向办公室说明情况',
        // A step that names no recorder is the submitting unit's (the schema's default).
        recordedBy: ['submittingUnit'],
        ruleId: 'testland.agenda-cap',
        when: { code: 'agendaFull', label: '议题已达上限 15 个' },
      },
      {
        type: 'overCap',
        code: 'principalConsent',
        label: '报区长同意',
        recordedBy: ['principal'],
        ruleId: 'testland.agenda-cap',
        when: { code: 'agendaFull', label: '议题已达上限 15 个' },
      },
      {
        type: 'required',
        code: 'investigation',
        label: '深入调查研究',
        recordedBy: ['submittingUnit'],
        ruleId: 'testland.agenda-conditional',
      },
      {
        type: 'requiredWhen',
        code: 'consultation',
        label: '充分协商，事先征求意见',
        recordedBy: ['submittingUnit'],
        ruleId: 'testland.agenda-conditional',
        when: { code: 'involvesOtherUnits', label: '议题涉及其他部门、单位' },
      },
      {
        type: 'requiredWhen',
        code: 'legalityReview',
        label: '合法性审查',
        recordedBy: ['officeDirector'],
        ruleId: 'testland.agenda-conditional',
        when: { code: 'legalityReviewNeeded', label: '必要时须进行合法性审查' },
      },
      {
        type: 'excluded',
        code: 'adHocMotion',
        label: '临时动议',
        ruleId: 'testland.agenda-excluded',
      },
    ])
  })

  it('14 items already: admitted; 15: full unless the over-cap steps are done', () => {
    assert.equal(
      ask({ completed: ['investigation'], itemsAlreadyOnAgenda: 14 }).outcome.admitted,
      true,
    )
    const full = ask({ completed: ['investigation'], itemsAlreadyOnAgenda: 15 })
    assert.deepEqual(
      full.outcome.reasons.map((r) => r.code),
      ['agendaFull', 'explainedToOffice', 'principalConsent'],
    )
    assert.equal(full.outcome.reasons[2]?.label, '尚未完成：报区长同意（因议题已达上限 15 个）')
    const halfway = ask({
      completed: ['investigation', 'explainedToOffice'],
      itemsAlreadyOnAgenda: 15,
    })
    assert.deepEqual(
      halfway.outcome.reasons.map((r) => r.code),
      ['agendaFull', 'principalConsent'],
    )
    const allowed = ask({
      completed: ['investigation', 'explainedToOffice', 'principalConsent'],
      itemsAlreadyOnAgenda: 15,
    })
    assert.equal(allowed.outcome.admitted, true)
  })

  it('approvers are the union of decidedBy, and their rules are cited even on refusal', () => {
    const admitted = ask({ completed: ['investigation'] })
    assert.deepEqual(admitted.outcome.approvers, ['principal', 'deputy'])
    assert.match(admitted.summary, /议题由principal、deputy审定/)
    assert.equal(admitted.citations.length, 4)
    const refused = ask({ characteristics: ['involvesOtherUnits'], completed: ['investigation'] })
    assert.deepEqual(
      refused.citations.map((c) => c.ruleId),
      ['testland.agenda-conditional', 'testland.agenda-decider', 'testland.agenda-excluded'],
    )
    const topicOnly = decide(context, 'agenda-admission', { meeting: 'topic' })
    assert.deepEqual(topicOnly.outcome.approvers, ['deputy'])
  })

  it('asOf picks the rules in force on that date', () => {
    const dated = buildContext({
      meetings: [standing],
      rules: [
        rule(
          'agenda-old',
          'agendaAdmission',
          { requiredBefore: [{ code: 'oldStep', label: '旧步骤' }] },
          { when: { meetings: ['standing'] }, effectiveTo: '2024-12-31' },
        ),
        rule(
          'agenda-new',
          'agendaAdmission',
          { requiredBefore: [{ code: 'newStep', label: '新步骤' }] },
          { when: { meetings: ['standing'] }, effectiveFrom: '2025-01-01' },
        ),
      ],
    })
    const codes = (input: Record<string, unknown>) =>
      (
        decide(dated, 'agenda-admission', { meeting: 'standing', ...input }).outcome.conditions as {
          code: string
        }[]
      ).map((c) => c.code)
    assert.deepEqual(codes({ asOf: '2024-06-01' }), ['oldStep'])
    assert.deepEqual(codes({ meetingDate: '2025-03-02' }), ['newStep'])
    assert.deepEqual(codes({ asOf: '2024-06-01', meetingDate: '2025-03-02' }), ['oldStep'])
  })
})

describe('postsIncludedBy', () => {
  const context = buildContext({
    posts: [
      { id: 'deputy', title: '副县长', type: 'group', includes: ['executiveDeputy'] },
      {
        id: 'governmentLeader',
        title: '县政府领导',
        type: 'group',
        includes: ['principal', 'deputy'],
      },
    ],
  })

  it('returns the post and what it includes, transitively and once each', () => {
    assert.deepEqual(postsIncludedBy(context.rulebook, 'deputy'), ['deputy', 'executiveDeputy'])
    assert.deepEqual(postsIncludedBy(context.rulebook, 'governmentLeader'), [
      'governmentLeader',
      'principal',
      'deputy',
      'executiveDeputy',
    ])
  })

  it('a post that includes nothing, or an unknown id, comes back alone', () => {
    assert.deepEqual(postsIncludedBy(context.rulebook, 'executiveDeputy'), ['executiveDeputy'])
    assert.deepEqual(postsIncludedBy(context.rulebook, 'nobody'), ['nobody'])
  })

  it('stops at a cycle instead of looping', () => {
    const posts = new Map([
      ['a', { id: 'a', title: 'a', type: 'group' as const, includes: ['b'] }],
      ['b', { id: 'b', title: 'b', type: 'group' as const, includes: ['a'] }],
    ])
    assert.deepEqual(postsIncludedBy({ posts }, 'a'), ['a', 'b'])
  })
})

describe('incoming-screening', () => {
  const context = buildContext({
    rules: [
      rule(
        'screen',
        'incomingScreening',
        {
          outcome: 'return',
          refuseWhen: [
            { code: 'multipleMainRecipients', label: '多头主送' },
            { code: 'missingSeal', label: '未加盖印章' },
          ],
        },
        { when: { documentKinds: ['请示'] } },
      ),
    ],
  })

  it('accepts a clean request and cites the screening rules', () => {
    const result = decide(context, 'incoming-screening', { documentKind: '请示', findings: {} })
    assert.equal(result.outcome.accepted, true)
    assert.equal(result.citations[0]?.ruleId, 'testland.screen')
  })

  it('returns with each reason', () => {
    const result = decide(context, 'incoming-screening', {
      documentKind: '请示',
      findings: { missingSeal: true, multipleMainRecipients: false },
    })
    assert.equal(result.outcome.action, 'return')
    assert.deepEqual(
      (result.outcome.reasons as { code: string }[]).map((r) => r.code),
      ['missingSeal'],
    )
  })

  it('lists the conditions screening asks about, each once with the rules naming it', () => {
    const other = buildContext({
      rules: [
        rule('screen', 'incomingScreening', {
          outcome: 'return',
          refuseWhen: [{ code: 'missingSeal', label: '未加盖印章' }],
        }),
        rule(
          'request',
          'incomingScreening',
          {
            outcome: 'return',
            refuseWhen: [
              { code: 'missingSeal', label: '没有单位签章' },
              { code: 'notOneMatterPerDocument', label: '未一文一事' },
            ],
          },
          { when: { documentKinds: ['请示'] } },
        ),
      ],
    })
    const request = decide(other, 'incoming-screening', { documentKind: '请示', findings: {} })
    assert.deepEqual(request.outcome.conditions, [
      {
        code: 'missingSeal',
        label: '未加盖印章',
        ruleIds: ['testland.screen', 'testland.request'],
      },
      { code: 'notOneMatterPerDocument', label: '未一文一事', ruleIds: ['testland.request'] },
    ])
    const report = decide(other, 'incoming-screening', { documentKind: '报告', findings: {} })
    assert.deepEqual(
      (report.outcome.conditions as { code: string }[]).map((c) => c.code),
      ['missingSeal'],
    )
  })

  it('refuses, by name, a finding no rule knows, so a misspelt code never passes as "none found"', () => {
    const outcome = runDecision(context, 'incoming-screening', {
      documentKind: '请示',
      findings: { missingSael: true },
    })
    assert.equal(outcome.ok, false)
    if (outcome.ok) return
    assert.equal(outcome.error.code, 'INVALID_INPUT')
    assert.deepEqual(
      outcome.error.issues?.map((issue) => issue.path),
      ['findings.missingSael'],
    )
    assert.match(outcome.error.message, /missingSael/)
  })

  it('has no rule for a kind the rules do not screen', () => {
    assert.equal(
      runDecision(context, 'incoming-screening', { documentKind: '函', findings: {} }).ok,
      false,
    )
  })
})

describe('procedure-check, limit-check, event-deadline', () => {
  const context = buildContext({
    rules: [
      rule('major', 'procedure', {
        matter: { code: 'majorDecision', label: '重大行政决策' },
        steps: [
          { code: 'publicParticipation', label: '公众参与' },
          { code: 'legalityReview', label: '合法性审查' },
          { code: 'collectiveDiscussion', label: '集体讨论决定' },
        ],
        ordered: true,
      }),
      rule('speech', 'limit', {
        subject: { code: 'speechMinutes', label: '会议发言' },
        max: 10,
        inclusive: true,
        unit: '分钟',
      }),
      rule('topic', 'deadline', {
        event: { code: 'requestReceived', label: '收到请示' },
        within: '7 workingDays',
        act: '研究',
      }),
    ],
  })

  it('finds missing and out-of-order steps', () => {
    const result = decide(context, 'procedure-check', {
      matter: 'majorDecision',
      completed: ['legalityReview', 'publicParticipation'],
    })
    assert.deepEqual(
      (result.outcome.missing as { code: string }[]).map((m) => m.code),
      ['collectiveDiscussion'],
    )
    assert.deepEqual(
      (result.outcome.outOfOrder as { code: string }[]).map((m) => m.code),
      ['legalityReview'],
    )
  })

  it('不超过10分钟 allows exactly 10', () => {
    assert.equal(
      decide(context, 'limit-check', { subject: 'speechMinutes', value: 10 }).outcome.within,
      true,
    )
    assert.equal(
      decide(context, 'limit-check', { subject: 'speechMinutes', value: 11 }).outcome.within,
      false,
    )
  })

  it('runs a period from a named event', () => {
    const result = decide(context, 'event-deadline', { event: 'requestReceived', at: '2026-09-30' })
    // 7 working days after 09-30: 10-08, 09, 10 (makeup), 12, 13, 14, 15.
    assert.equal(result.outcome.due, '2026-10-15')
  })
})

describe('disclosure-reply-deadline', () => {
  const context = buildContext({
    rules: [
      rule('disclosure', 'disclosureReply', {
        within: '20 workingDays',
        extension: '20 workingDays',
      }),
    ],
  })

  it('extends from the first due date', () => {
    const result = decide(context, 'disclosure-reply-deadline', {
      receivedOn: '2026-03-02',
      extended: true,
    })
    assert.equal(result.outcome.originalDue, '2026-03-30')
    assert.equal(result.outcome.due, '2026-04-28')
  })
})

describe('runDecision', () => {
  it('names the available decisions when asked for an unknown one', () => {
    const outcome = runDecision(buildContext(), 'who-signs', {})
    assert.equal(!outcome.ok && outcome.error.code, 'UNKNOWN_DECISION')
    assert.match(!outcome.ok ? outcome.error.message : '', /outgoing-signoff/)
  })
})

describe('alternatives, counts, seals, 圈阅 and prohibitions', () => {
  const context = buildContext({
    meetings: [standing, { id: 'plenary', name: '全体会议' }],
    rules: [
      rule('signoff', 'signOff', {
        reviewChain: [{ anyOf: ['portfolioDeputy', 'officeDirector'] }],
        signer: ['principal'],
      }),
      rule('either', 'collectiveDecision', {
        meeting: ['plenary', 'standing'],
        matters: [
          { code: 'plan', label: '重要规划' },
          {
            code: 'coordination',
            label: '需两位以上副职协调',
            countFrom: { count: 2, inclusive: true },
          },
        ],
      }),
      rule('seal-approve', 'sealUse', {
        seals: [{ code: 'government', label: '政府印章' }],
        approvalChain: ['officeDirector'],
      }),
      rule('seal-refuse', 'sealUse', {
        seals: [{ code: 'government', label: '政府印章' }],
        approvalChain: ['officeDirector'],
        refuseWhen: [{ code: 'unapproved', label: '未经审批' }],
      }),
      rule('circle', 'circleRead', {
        meanings: [
          { documentKinds: ['报告'], means: 'read' },
          { documentKinds: ['请示'], means: 'agree' },
        ],
      }),
      rule('ribbon', 'prohibition', {
        act: { code: 'ribbonCutting', label: '出席剪彩活动' },
        unlessApprovedBy: ['principal'],
      }),
      rule('gifts', 'prohibition', { act: { code: 'gifts', label: '赠送礼品' } }),
      rule('seal-out', 'prohibition', {
        act: { code: 'sealOut', label: '印章带出' },
        unlessWhen: [{ code: 'foreignAffairs', label: '外事活动' }],
      }),
    ],
  })

  it('a review step may be taken by either of two posts', () => {
    const result = decide(context, 'outgoing-signoff', { issuer: 'government' })
    assert.match(result.summary, /portfolioDeputy或officeDirector/)
  })

  it('any one of the listed meetings suffices; head counts honour 以上', () => {
    const plan = decide(context, 'collective-decision', { matter: 'plan' })
    assert.deepEqual(plan.outcome.alternatives, [['plenary', 'standing']])
    assert.match(plan.summary, /全体会议或常务会议/)
    assert.equal(
      decide(context, 'collective-decision', { matter: 'coordination', count: 1 }).outcome.required,
      false,
    )
    assert.equal(
      decide(context, 'collective-decision', { matter: 'coordination', count: 2 }).outcome.required,
      true,
    )
  })

  it('a finding no rule on the seal knows is refused by name, never answered "allowed"', () => {
    const outcome = runDecision(context, 'seal-approval', {
      seal: 'government',
      findings: { signedOnBehalf: true },
    })
    assert.equal(outcome.ok, false)
    if (outcome.ok) return
    assert.equal(outcome.error.code, 'INVALID_INPUT')
    assert.deepEqual(
      outcome.error.issues?.map((issue) => issue.path),
      ['findings.signedOnBehalf'],
    )
  })

  it('every rule on a seal applies: the refusal rule refuses', () => {
    const result = decide(context, 'seal-approval', {
      seal: 'government',
      findings: { unapproved: true },
    })
    assert.equal(result.outcome.allowed, false)
    assert.deepEqual(
      result.citations.map((c) => c.ruleId),
      ['testland.seal-refuse'],
    )
  })

  it('圈阅 means read on a report and agree on a request', () => {
    assert.equal(
      decide(context, 'circle-read-meaning', { documentKind: '报告' }).outcome.means,
      'read',
    )
    assert.equal(
      decide(context, 'circle-read-meaning', { documentKind: '请示' }).outcome.means,
      'agree',
    )
    assert.equal(runDecision(context, 'circle-read-meaning', { documentKind: '函' }).ok, false)
  })

  it('a prohibition with an approver yields to that approval; an outright ban does not', () => {
    assert.equal(
      decide(context, 'prohibition-check', { act: 'ribbonCutting' }).outcome.allowed,
      false,
    )
    assert.equal(
      decide(context, 'prohibition-check', { act: 'ribbonCutting', approvedBy: ['principal'] })
        .outcome.allowed,
      true,
    )
    assert.equal(
      decide(context, 'prohibition-check', { act: 'gifts', approvedBy: ['principal'] }).outcome
        .allowed,
      false,
    )
    assert.deepEqual(
      decide(context, 'prohibition-check', { act: 'ribbonCutting' }).outcome.missingApprovals,
      [['principal']],
    )
  })

  it('a circumstance named by the rule lifts the ban; approval does not', () => {
    assert.equal(
      decide(context, 'prohibition-check', { act: 'sealOut', approvedBy: ['principal'] }).outcome
        .allowed,
      false,
    )
    const abroad = decide(context, 'prohibition-check', {
      act: 'sealOut',
      circumstances: ['foreignAffairs'],
    })
    assert.equal(abroad.outcome.allowed, true)
    assert.match(
      decide(context, 'prohibition-check', { act: 'sealOut' }).summary,
      /须具备外事活动情形/,
    )
  })

  it('rejects an unknown post inside alternatives', () => {
    assert.throws(
      () =>
        buildContext({
          rules: [
            rule('s', 'signOff', {
              reviewChain: [{ anyOf: ['principal', 'viceMayor'] }],
              signer: ['principal'],
            }),
          ],
        }),
      /viceMayor/,
    )
  })
})

describe('advance-notice on a rest day', () => {
  it('names the last working day before a holiday deadline', () => {
    const context = buildContext({
      rules: [
        rule('notice', 'advanceNotice', {
          act: { code: 'materials', label: '报送会议材料' },
          before: '10 days',
        }),
      ],
    })
    // 10 days before 2026-05-11 is 05-01 (劳动节); the last working day before it is 04-30.
    const result = decide(context, 'advance-notice', { act: 'materials', event: '2026-05-11' })
    assert.equal(result.outcome.latest, '2026-05-01')
    assert.equal(result.outcome.latestWorkingDay, '2026-04-30')
  })

  it('never says 已按时 and 应在/应不迟于…办理 in one sentence', () => {
    const context = buildContext({
      rules: [
        rule('notice', 'advanceNotice', {
          act: { code: 'materials', label: '报送会议材料' },
          before: '10 days',
        }),
      ],
    })
    const ask = (given?: string) =>
      decide(context, 'advance-notice', {
        act: 'materials',
        event: '2026-05-11',
        ...(given ? { given } : {}),
      }).summary
    for (const given of ['2026-04-28', '2026-04-30', '2026-05-01', '2026-04-30T16:00']) {
      const summary = ask(given)
      assert.match(summary, /已按时/)
      assert.doesNotMatch(summary, /应在|应不迟于|前办理/, summary)
    }
    const late = ask('2026-05-02')
    assert.match(late, /已逾期/)
    assert.doesNotMatch(late, /已按时|应在/)
    // Before the act: the instruction, with the working day, and no verdict.
    const before = ask()
    assert.match(before, /应不迟于 2026-04-30 办理/)
    assert.doesNotMatch(before, /已按时|已逾期/)
  })
})
