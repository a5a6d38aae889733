import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type AbsenceRoster, type HeldPost, planAbsence, type RulesPort } from '@zhengling/app'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'

// planAbsence decides from what the rulebook answers: these cases force the answers (late or not,
// 原则上 or not, a conflict forbidden or advised against, a filing, a body as approver) on 钟山's
// roster shape, so every branch is held whether or not a county's rules reach it today.
const real = createRulesPort(testLibrary())
const rulebook = real.rulebook('zhongshan', '2026-03-02')
assert.ok(rulebook)

const post = (postId: string, role: string, title: string, extra: Partial<HeldPost> = {}) => ({
  postId,
  role,
  title,
  departmentId: null,
  unitRulebookPost: null,
  headsUnit: false,
  actingFor: null,
  ...extra,
})
const HEAD = post('p-head', 'principal', '区长')
const EXECUTIVE = post('p-exec', 'executiveDeputy', '常务副区长')
const DEPUTY = post('p-deputy', 'deputy', '副区长（教育）')
const OFFICE = post('p-office', 'officeDirector', '区人民政府办公室主任', {
  departmentId: 'u-office',
  unitRulebookPost: 'governmentOffice',
  headsUnit: true,
})
const roster: AbsenceRoster = {
  rulebook,
  posts: [HEAD, EXECUTIVE, DEPUTY, OFFICE],
  holders: new Map([
    ['p-head', ['王建国']],
    ['p-exec', ['李红梅']],
    ['p-deputy', ['张志强']],
    ['p-office', ['杨帆']],
  ]),
  overseers: new Map(),
  people: new Map(),
  headGroups: new Map([['u-office', 'departmentHead']]),
}
const CITATION = {
  ruleId: 'zhongshan.leave.x',
  source: '钟山',
  article: '第七十四条',
  excerpt: '…',
}

/** The real rulebook, but leave-approval and leave-conflict answer what the case says. */
function rulesAnswering(
  leave: Record<string, unknown>,
  conflict?: Record<string, unknown>,
): RulesPort {
  const answer = (outcome: Record<string, unknown>, summary: string) => ({
    ok: true as const,
    result: { outcome, summary, citations: [CITATION], warnings: [] },
  })
  return {
    ...real,
    decide(jurisdictionId, decision, input) {
      if (decision === 'leave-approval')
        return answer({ approver: [], via: [], fileWith: [], reportBackTo: [], ...leave }, '请假')
      if (decision === 'leave-conflict')
        return conflict
          ? answer(conflict, '同时外出')
          : answer({ conflict: false, inPrinciple: false, conflicts: [] }, '无冲突')
      return real.decide(jurisdictionId, decision, input)
    },
  } as RulesPort
}
const input = {
  category: 'businessTrip' as const,
  from: '2026-03-04',
  to: '2026-03-05',
  filedOn: '2026-03-02',
}
const away = [
  {
    id: 'a-exec',
    postId: 'p-exec',
    role: 'executiveDeputy',
    postTitle: '常务副区长',
    from: '2026-03-05',
    to: '2026-03-06',
    status: 'approved' as const,
  },
]

describe('planAbsence', () => {
  it('late: refused only where the lead time is firm (not 原则上)', () => {
    for (const [inPrinciple, forbidden] of [
      [true, false],
      [false, true],
      [undefined, false],
    ] as const) {
      const plan = planAbsence(
        rulesAnswering({
          approver: ['principal'],
          latestFiling: '2026-03-01',
          filedInTime: false,
          inPrinciple,
        }),
        'zhongshan',
        roster,
        DEPUTY,
        input,
        [],
      )
      assert.equal(plan.lateForbidden, forbidden, `inPrinciple ${inPrinciple}`)
      assert.equal(plan.filedInTime, false)
      assert.match(plan.summary, forbidden ? /不能受理/ : /逾期报送将注明/)
    }
    const inTime = planAbsence(
      rulesAnswering({
        approver: ['principal'],
        latestFiling: '2026-03-05',
        filedInTime: true,
        inPrinciple: false,
      }),
      'zhongshan',
      roster,
      DEPUTY,
      input,
      [],
    )
    assert.equal(inTime.lateForbidden, false)
  })

  it('a conflict is forbidden unless the rule is 原则上', () => {
    for (const inPrinciple of [true, false]) {
      const plan = planAbsence(
        rulesAnswering({ approver: ['principal'] }, { conflict: true, inPrinciple, conflicts: [] }),
        'zhongshan',
        roster,
        HEAD,
        input,
        away,
      )
      assert.equal(plan.conflict?.forbidden, !inPrinciple)
      assert.ok(plan.citations.length > 0)
    }
    const alone = planAbsence(
      rulesAnswering(
        { approver: ['principal'] },
        { conflict: true, inPrinciple: false, conflicts: [] },
      ),
      'zhongshan',
      roster,
      HEAD,
      input,
      [],
    )
    assert.equal(alone.conflict, null, 'no other absence: nothing to ask')
  })

  it('a filing has no steps; an approval goes its via steps, then the approver; a body is the office', () => {
    const filing = planAbsence(
      rulesAnswering({ mode: 'filing', fileWith: ['governmentOffice'] }),
      'zhongshan',
      roster,
      HEAD,
      input,
      [],
    )
    assert.equal(filing.mode, 'filing')
    assert.deepEqual(filing.stages, [])
    assert.deepEqual(filing.approvers, [])
    const chain = planAbsence(
      rulesAnswering({ approver: ['districtGovernment'], via: ['principal'] }),
      'zhongshan',
      roster,
      DEPUTY,
      input,
      [],
    )
    assert.deepEqual(
      chain.stages.map((stage) => [stage.label, stage.posts.map((p) => p.title), stage.byOffice]),
      [
        ['区长', ['区长'], false],
        ['区人民政府', ['区人民政府办公室主任'], true],
      ],
    )
    assert.equal(chain.approverIsBody, true)
    assert.match(chain.summary, /由政府办公室登记/)
    // A relation nobody stands in (a unit no deputy oversees) is said so, not taken for a body.
    const unoverseen = planAbsence(
      rulesAnswering({ approver: ['portfolioDeputy'] }),
      'zhongshan',
      roster,
      DEPUTY,
      input,
      [],
    )
    assert.equal(unoverseen.approverIsBody, true)
    assert.match(unoverseen.summary, /分管副区长（本单位无人担任）的审批结果由政府办公室登记/)
    // Nobody approves his own request: the 区长 asking for the 区长's approval finds nobody but the office.
    const own = planAbsence(
      rulesAnswering({ approver: ['principal'] }),
      'zhongshan',
      roster,
      HEAD,
      input,
      [],
    )
    assert.deepEqual(
      own.approvers.map((p) => p.title),
      ['区人民政府办公室主任'],
    )
  })
})
