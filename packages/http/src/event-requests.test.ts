import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { createRulesPort } from './rules-port.ts'
import { actStatements } from './test-support/act-statements.ts'
import { buildTestServer, testLibrary } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 会议活动申请 (issue 15): requests in the government's name checked when filed against each
// county's rulebook — lead times (钟山 第四十九条、第七十五条, 二连浩特 七十三、六十三, 木里 第二十八条),
// the no-meeting week (二连浩特 七十三, from the date), the yearly cap (木里 第十九条) — then decided
// by the government office. Monday 2 March 2026, 09:00 in Shanghai: the day every request is filed.
const TODAY = new Date('2026-03-02T01:00:00Z')
const clock = TODAY
let handle: DatabaseHandle
let app: FastifyInstance
before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(TODAY, 'all') })
  app = await buildTestServer(handle, () => clock)
})
after(async () => {
  await app?.close()
  await handle?.close()
})

const COUNTIES = [
  { id: 'zhongshan', prefix: 'zs', department: 'zs-departmentHead-9' },
  { id: 'erlianhaote', prefix: 'el', department: 'el-departmentHead-finance' },
  { id: 'muli', prefix: 'ml', department: 'ml-departmentHead-finance' },
  { id: 'toksun', prefix: 'tks', department: 'tks-departmentHead-finance' },
  { id: 'yanjin', prefix: 'yj', department: 'yj-departmentHead-finance' },
] as const
type County = (typeof COUNTIES)[number]
const KINDS = ['meeting', 'event', 'leaderInvitation', 'foreignGuest'] as const

/** Signs in and acts in the account's first post when the session has none chosen. */
async function as(username: string) {
  const user = await signInAs(app, username)
  if (!user.me.currentPostId) {
    const answer = await user.put('/api/session/post', { postId: user.me.posts[0].postId })
    assert.equal(answer.statusCode, 200, answer.body)
  }
  return user
}

async function principalOf(county: County): Promise<string> {
  const row = await handle.db
    .selectFrom('posts')
    .select('id')
    .where('jurisdiction_id', '=', county.id)
    .where('role', '=', 'principal')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Whether the rule (by its id) says 原则上: then a breach is accepted late, else refused. */
function saysInPrinciple(jurisdictionId: string, ruleId: string): boolean {
  const rulebook = createRulesPort(testLibrary()).rulebook(jurisdictionId, '2026-03-02')
  const rule = rulebook?.rules.find((r) => r.id === ruleId)
  assert.ok(rule, `rule ${ruleId} in ${jurisdictionId}`)
  return (rule.params as { inPrinciple?: boolean }).inPrinciple === true
}

const request = (kind: string, date: string, extra: object = {}) => ({
  kind,
  scope: 'countywide',
  title: `测试${kind}${date}`,
  date,
  place: '会议中心',
  ...extra,
})

describe('会议活动申请: a far date meets every rule', () => {
  for (const county of COUNTIES)
    for (const kind of KINDS)
      it(`${county.id} ${kind} on 2026-05-20, leaders invited: filed, every check passed`, async () => {
        const department = await as(county.department)
        const body = request(kind, '2026-05-20', { invitedPostIds: [await principalOf(county)] })
        const preview = await department.post('/api/event-requests/preview', body)
        assert.equal(preview.statusCode, 200, preview.body)
        assert.equal(preview.json().accepted, true, preview.body)
        const filed = await department.post('/api/event-requests', body)
        assert.equal(filed.statusCode, 201, filed.body)
        const view = filed.json()
        assert.equal(view.status, 'pending')
        assert.equal(view.late, false)
        assert.deepEqual(view.acts, ['withdraw'])
        assert.ok(view.invited[0].title, 'the invited leader by title')
        for (const check of view.checks) {
          assert.equal(check.passed, true, check.summary)
          assert.ok(check.citations.length > 0, `${check.code} cites its article`)
        }
      })
})

/**
 * Boundary days per article: the last day filed in time, and the day after it. A late request
 * is refused with its article, or — where the article says 原则上 — accepted, marked late,
 * with the warning recorded in its history.
 */
const BOUNDARIES: {
  county: County
  /** The department asking, when not the county's usual one. */
  by?: string
  kind: string
  scope?: string
  invited?: boolean
  onTime: string
  late: string
  /** The lead-time rule (its act code is the rulebook's to name) and its article. */
  ruleId: string
  article: string
}[] = [
  {
    // 提前10天: filed on 2 March, the meeting on the 12th is in time, on the 11th not.
    county: COUNTIES[0],
    kind: 'meeting',
    onTime: '2026-03-12',
    late: '2026-03-11',
    ruleId: 'zhongshan.notice.government-meeting-plan',
    article: '第四十九条',
  },
  {
    county: COUNTIES[0],
    kind: 'leaderInvitation',
    onTime: '2026-03-09',
    late: '2026-03-08',
    ruleId: 'zhongshan.notice.leader-invitation',
    article: '第七十五条',
  },
  {
    // 提前5个工作日: 2–6 March before Monday 9 March; before Friday 6 March, 27 February.
    county: COUNTIES[1],
    kind: 'meeting',
    onTime: '2026-03-09',
    late: '2026-03-06',
    ruleId: 'erlianhaote.notice.citywide-meeting',
    article: '七十三',
  },
  {
    county: COUNTIES[1],
    kind: 'foreignGuest',
    onTime: '2026-03-09',
    late: '2026-03-06',
    ruleId: 'erlianhaote.notice.foreign-guest-invitation',
    article: '六十三',
  },
  {
    // 会前1周.
    county: COUNTIES[2],
    kind: 'meeting',
    onTime: '2026-03-09',
    late: '2026-03-08',
    by: 'ml-departmentHead-housing',
    ruleId: 'muli.notice.countywide-meeting',
    article: '第二十八条',
  },
  {
    // 提前1个月.
    county: COUNTIES[2],
    kind: 'event',
    onTime: '2026-04-02',
    late: '2026-04-01',
    ruleId: 'muli.notice.government-event-plan',
    article: '第二十八条',
  },
]

describe('会议活动申请: the lead time, the day in time and the day after', () => {
  for (const b of BOUNDARIES)
    it(`${b.county.id} ${b.kind}: ${b.onTime} in time, ${b.late} late (${b.article})`, async () => {
      const department = await as(b.by ?? b.county.department)
      const inTime = await department.post('/api/event-requests', request(b.kind, b.onTime))
      assert.equal(inTime.statusCode, 201, inTime.body)
      const isNotice = (c: { code: string; citations: { ruleId: string }[] }) =>
        c.code.startsWith('notice:') && c.citations.some((cited) => cited.ruleId === b.ruleId)
      const check = inTime.json().checks.find(isNotice)
      assert.ok(check, `the lead time of ${b.article} asked: ${inTime.body}`)
      assert.equal(check.passed, true, check.summary)
      assert.equal(check.citations[0].article, b.article)

      const late = await department.post('/api/event-requests', request(b.kind, b.late))
      if (saysInPrinciple(b.county.id, b.ruleId)) {
        assert.equal(late.statusCode, 201, late.body)
        const view = late.json()
        assert.equal(view.late, true)
        const breached = view.checks.find(isNotice)
        assert.equal(breached.passed, false)
        assert.equal(breached.refuses, false)
        assert.match(view.history[0].text, /原则性规定未满足/)
        assert.equal(breached.citations[0].article, b.article)
      } else {
        assert.equal(late.statusCode, 422, late.body)
        const refusal = late.json().error
        assert.equal(refusal.code, 'NOTICE_TOO_LATE')
        assert.match(refusal.message, /申请未予受理/)
        assert.ok(refusal.citations.some((c: { ruleId: string }) => c.ruleId === b.ruleId))
        // The preview says so before filing.
        const preview = await department.post(
          '/api/event-requests/preview',
          request(b.kind, b.late),
        )
        assert.equal(preview.json().accepted, false, preview.body)
      }
    })
})

describe('会议活动申请: 二连浩特 七十三 每月第一周为无会周, decided from the date', () => {
  const cases: [string, boolean][] = [
    ['2026-04-01', false],
    ['2026-04-07', false],
    ['2026-04-08', true],
    ['2026-03-31', true],
  ]
  for (const [date, allowed] of cases)
    it(`a meeting on ${date} is ${allowed ? 'filed' : 'refused with 七十三'}`, async () => {
      const department = await as('el-departmentHead-development')
      const answer = await department.post('/api/event-requests', request('meeting', date))
      if (allowed) assert.equal(answer.statusCode, 201, answer.body)
      else {
        assert.equal(answer.statusCode, 422, answer.body)
        assert.equal(answer.json().error.code, 'MEETING_FREE_WEEK')
        assert.equal(answer.json().error.citations[0].article, '七十三')
      }
    })

  it('an event that is not a meeting is not held to the no-meeting week', async () => {
    const department = await as('el-departmentHead-development')
    const answer = await department.post('/api/event-requests', request('event', '2026-04-03'))
    assert.equal(answer.statusCode, 201, answer.body)
    assert.ok(!answer.json().checks.some((c: { code: string }) => c.code === 'noMeetingWeek'))
  })
})

describe('会议活动申请: 木里 第十九条 a department’s county-wide meetings, once a year', () => {
  it('the second in the same year breaks the cap; another year, another kind or scope does not', async () => {
    const department = await as('ml-departmentHead-education')
    const first = await department.post('/api/event-requests', request('meeting', '2026-05-11'))
    assert.equal(first.statusCode, 201, first.body)
    const cap = first.json().checks.find((c: { code: string }) => c.code === 'yearlyCap')
    assert.equal(cap.passed, true, cap.summary)
    assert.ok(
      cap.citations.some((c: { article: string }) => c.article === '第十九条'),
      JSON.stringify(cap.citations),
    )
    // Not county-wide, or next year: not counted, not capped.
    const other = await department.post(
      '/api/event-requests',
      request('meeting', '2026-06-10', { scope: 'other' }),
    )
    assert.equal(other.statusCode, 201, other.body)
    assert.ok(!other.json().checks.some((c: { code: string }) => c.code === 'yearlyCap'))
    const nextYear = await department.post('/api/event-requests', request('meeting', '2027-01-12'))
    assert.equal(nextYear.statusCode, 201, nextYear.body)

    const second = await department.post('/api/event-requests', request('meeting', '2026-09-10'))
    const capRule = 'muli.limit.department-countywide-meetings'
    if (saysInPrinciple('muli', capRule)) {
      assert.equal(second.statusCode, 201, second.body)
      const breached = second.json().checks.find((c: { code: string }) => c.code === 'yearlyCap')
      assert.equal(breached.passed, false, breached.summary)
      assert.equal(second.json().late, true)
    } else {
      assert.equal(second.statusCode, 422, second.body)
      assert.equal(second.json().error.code, 'YEARLY_CAP_EXCEEDED')
    }
  })

  it('a withdrawn request no longer counts', async () => {
    const department = await as('ml-departmentHead-finance')
    const first = await department.post('/api/event-requests', request('meeting', '2028-05-11'))
    assert.equal(first.statusCode, 201, first.body)
    const withdrawn = await department.post(`/api/event-requests/${first.json().id}/withdraw`, {})
    assert.equal(withdrawn.statusCode, 200, withdrawn.body)
    assert.equal(withdrawn.json().status, 'withdrawn')
    const again = await department.post('/api/event-requests', request('meeting', '2028-06-11'))
    assert.equal(again.statusCode, 201, again.body)
    const cap = again.json().checks.find((c: { code: string }) => c.code === 'yearlyCap')
    assert.equal(cap.passed, true, cap.summary)
  })
})

describe('会议活动申请: the office decides', () => {
  it('钟山: filed by a bureau, approved by the office; the invited leader and the bureau are told', async () => {
    const bureau = await as('zs-departmentHead-9')
    const office = await as('zs-officeDirector')
    const principal = await as('zs-principal')
    const filed = await bureau.post(
      '/api/event-requests',
      request('leaderInvitation', '2026-04-20', {
        invitedPostIds: [await principalOf(COUNTIES[0])],
        time: '上午9:00',
      }),
    )
    assert.equal(filed.statusCode, 201, filed.body)
    const id = filed.json().id
    const toDecide = await office.get('/api/event-requests?scope=toDecide')
    assert.ok(toDecide.json().items.some((item: { id: string }) => item.id === id))
    assert.deepEqual(toDecide.json().items.find((item: { id: string }) => item.id === id).acts, [
      'approve',
      'refuse',
    ])
    // 待我办理: the office's workbench has it, due by the day of the event.
    const waiting = (await office.get('/api/workbench')).json().items
    const work = waiting.find((item: { target: { id: string } }) => item.target.id === id)
    assert.deepEqual(
      { kind: work?.kind, section: work?.section, type: work?.target.type, due: work?.dueDate },
      { kind: 'decideEventRequest', section: 'events', type: 'eventRequest', due: '2026-04-20' },
    )
    assert.equal(
      (await office.get('/api/workbench/counts')).json().events,
      waiting.filter((item: { section: string }) => item.section === 'events').length,
    )
    const bureauWork = (await bureau.get('/api/workbench')).json().items
    assert.ok(!bureauWork.some((item: { target: { id: string } }) => item.target.id === id))
    // A bureau does not decide; the leader cannot either.
    const byBureau = await bureau.post(`/api/event-requests/${id}/approve`, {})
    assert.equal(byBureau.statusCode, 403, byBureau.body)
    assert.equal(byBureau.json().error.code, 'NOT_GOVERNMENT_OFFICE')
    const approved = await office.post(`/api/event-requests/${id}/approve`, { opinion: '同意' })
    assert.equal(approved.statusCode, 200, approved.body)
    const view = approved.json()
    assert.equal(view.status, 'approved')
    assert.deepEqual(
      view.history.map((entry: { action: string }) => entry.action),
      ['file', 'approve'],
    )
    assert.equal(view.history[1].postTitle, '区人民政府办公室主任')
    assert.deepEqual(view.acts, [])
    const again = await office.post(`/api/event-requests/${id}/approve`, {})
    assert.equal(again.statusCode, 403, again.body)
    assert.equal(again.json().error.code, 'WRONG_STATE')
    const after = (await office.get('/api/workbench')).json().items
    assert.ok(!after.some((item: { target: { id: string } }) => item.target.id === id))
    const told = await principal.get('/api/notifications')
    assert.match(told.body, /活动安排：2026-04-20/)
  })

  it('a refusal needs its reasons; the bureau sees it refused', async () => {
    const bureau = await as('yj-departmentHead-finance')
    const office = await as('yj-officeDirector')
    const filed = await bureau.post('/api/event-requests', request('event', '2026-06-18'))
    assert.equal(filed.statusCode, 201, filed.body)
    const id = filed.json().id
    const bare = await office.post(`/api/event-requests/${id}/refuse`, { reason: ' ' })
    assert.equal(bare.statusCode, 400, bare.body)
    const refused = await office.post(`/api/event-requests/${id}/refuse`, {
      reason: '与全县重点工作时间冲突',
    })
    assert.equal(refused.statusCode, 200, refused.body)
    const mine = await bureau.get('/api/event-requests?scope=mine&status=refused')
    const line = mine.json().items.find((item: { id: string }) => item.id === id)
    assert.equal(line.statusLabel, '未同意')
    assert.equal(line.opinion, '与全县重点工作时间冲突')
  })

  it('another county’s request is not found; a bad body is refused in Chinese', async () => {
    const zs = await as('zs-departmentHead-9')
    const filed = await zs.post('/api/event-requests', request('meeting', '2026-07-15'))
    assert.equal(filed.statusCode, 201, filed.body)
    const el = await as('el-officeDirector')
    const seen = await el.get(`/api/event-requests/${filed.json().id}`)
    assert.equal(seen.statusCode, 404, seen.body)
    const decided = await el.post(`/api/event-requests/${filed.json().id}/approve`, {})
    assert.equal(decided.statusCode, 404, decided.body)
    const past = await zs.post('/api/event-requests', request('meeting', '2026-03-01'))
    assert.equal(past.statusCode, 422, past.body)
    assert.equal(past.json().error.code, 'DATE_PAST')
    const badKind = await zs.post('/api/event-requests', request('party', '2026-07-15'))
    assert.equal(badKind.statusCode, 400, badKind.body)
    const foreignPost = await zs.post(
      '/api/event-requests',
      request('event', '2026-07-15', { invitedPostIds: [await principalOf(COUNTIES[1])] }),
    )
    assert.equal(foreignPost.statusCode, 422, foreignPost.body)
    assert.equal(foreignPost.json().error.code, 'UNKNOWN_POST')
  })
})

describe('会议活动申请: statements per act', () => {
  it('filing and each decision stay within the budget of ten', async () => {
    const bureau = await as('zs-departmentHead-10')
    const office = await as('zs-officeDirector')
    const counts: Record<string, number> = {}
    const measure = async (name: string, send: () => ReturnType<typeof bureau.post>) => {
      let answer: Awaited<ReturnType<typeof bureau.post>> | undefined
      const { inAct } = await actStatements(handle.db, async () => {
        answer = await send()
        return answer
      })
      counts[name] = inAct.length
      assert.ok(inAct.length <= 10, `${name}: ${inAct.length}\n${inAct.join('\n')}`)
      return answer as Awaited<ReturnType<typeof bureau.post>>
    }
    const filed = await measure('file', () =>
      bureau.post('/api/event-requests', request('meeting', '2026-08-18')),
    )
    const id = filed.json().id
    await measure('approve', () => office.post(`/api/event-requests/${id}/approve`, {}))
    const second = await bureau.post('/api/event-requests', request('event', '2026-08-19'))
    await measure('refuse', () =>
      office.post(`/api/event-requests/${second.json().id}/refuse`, { reason: '不宜' }),
    )
    const third = await bureau.post('/api/event-requests', request('event', '2026-08-20'))
    await measure('withdraw', () =>
      bureau.post(`/api/event-requests/${third.json().id}/withdraw`, {}),
    )
    console.log('statements per event-request act:', counts)
  })
})
