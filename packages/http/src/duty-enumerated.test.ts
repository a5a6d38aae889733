import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { type DatabaseHandle, DEMO_INCIDENTS, DEMO_OPINIONS, seedDemo } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { libraryVersion } from '@zhengling/rulebooks'
import { addDays, shanghaiDateOf } from '@zhengling/rules'
import type { FastifyInstance } from 'fastify'
import { createRulesPort } from './rules-port.ts'
import { buildTestServer, TEST_PASSWORDS, testLibrary } from './test-support/build-test-server.ts'
import { DEMO_ROSTERS } from './test-support/demo-rosters.ts'
import { signInAs } from './test-support/sign-in-as.ts'

// 值班应急 (issue 16) enumerated over the five demo counties, on the demo as `npm start` seeds it
// (seedDemo with the rules: duty units, a published roster, demo incidents):
// - every county's duty units are the units its rules keep on 24-hour duty that its roster holds
//   (and the 总值班室 every roster has), each with a published shift covering every instant of
//   the demo roster's days, a 带班领导 on it where the rule keeps a leader on call;
// - every county's duty units generate a roster for every holiday period of 2026 on the official
//   calendar: each day of the period has its shifts, a leader where the rule asks for one;
// - every county × incident category × step: the due instants the API gives an incident are the
//   rulebook's (incident-report-deadline) and its `within` counted from when it happened or, if
//   later, became known; a county whose rules time no report refuses in Chinese, never a 500;
// - every county × opinion category × step (政务舆情): the same of public-opinion-deadline, from
//   when the item was first seen; the demo's item responded, every step on time.
const NOW = new Date('2026-09-28T15:05:00Z') // 23:05 in Beijing, a Monday
const TODAY = shanghaiDateOf(NOW.getTime())
const rules = createRulesPort(testLibrary())

let handle: DatabaseHandle
let app: FastifyInstance
before(async () => {
  handle = await openTestDatabase({
    seed: {
      // The duty demo is laid out by the rulebooks: a change to them seeds anew.
      key: `demo all with duty on ${NOW.toISOString()} with TEST_PASSWORDS, rulebooks ${libraryVersion()}`,
      run: (db) => seedDemo(db, { now: () => NOW, passwords: TEST_PASSWORDS, rules }).then(),
    },
  })
  app = await buildTestServer(handle, () => NOW)
})
after(async () => {
  await app?.close()
  await handle?.close()
})

interface DutySystemUnit {
  post: string
  season: string
  leaderOnCall: boolean
  active: boolean
}

/** What the rulebook keeps on year-round duty today (duty-system), or nothing where it is silent. */
function dutySystem(jurisdiction: string): DutySystemUnit[] {
  const answer = rules.decide(jurisdiction, 'duty-system', { on: TODAY })
  if (!answer.ok) return []
  return (answer.result.outcome as { units: DutySystemUnit[] }).units.filter(
    (unit) => unit.season === 'yearRound' && unit.active,
  )
}

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 }

/** A period of the rulebook (`{ amount, unit }`) in milliseconds: minutes, hours or days. */
function millisOf(within: unknown): number {
  const period = within as { amount: number; unit: string }
  const unit = UNIT_MS[period.unit]
  assert.ok(unit, `a period in minutes, hours or days: ${JSON.stringify(within)}`)
  return period.amount * unit
}

for (const roster of DEMO_ROSTERS) {
  const jurisdiction = roster.jurisdiction.id
  const name = roster.jurisdiction.name
  const officeDirector = roster.posts.find((post) => post.role === 'officeDirector')?.holders[0]
    ?.person as string
  const system = dutySystem(jurisdiction)
  const dutyPosts = new Set(['dutyOffice', ...system.map((unit) => unit.post)])
  const expectedUnits = roster.departments
    .filter((department) => department.rulebookPost && dutyPosts.has(department.rulebookPost))
    .map((department) => department.name)
    .sort()
  const leaderOnCall = (departmentName: string) => {
    const post = roster.departments.find((d) => d.name === departmentName)?.rulebookPost
    return system.find((unit) => unit.post === post)?.leaderOnCall ?? true
  }

  describe(`值班 in ${name}`, () => {
    it('has its duty units on duty now, with a leader on call where the rule keeps one', async () => {
      assert.ok(expectedUnits.length > 0, 'every roster has a 总值班室 (contract C2)')
      const office = await signInAs(app, officeDirector)
      const units = (await office.get('/api/duty/units')).json().units as {
        id: string
        departmentName: string
        staffPostIds: string[]
      }[]
      assert.deepEqual(units.map((unit) => unit.departmentName).sort(), expectedUnits)
      const now = (await office.get('/api/duty/now')).json().units as {
        departmentName: string
        leader: { name: string } | null
        staff: { name: string }[]
      }[]
      for (const unit of units) {
        const staffTitles = roster.posts
          .filter((post) => post.role === 'dutyOfficer' && post.department === unit.departmentName)
          .map((post) => post.title)
        assert.ok(staffTitles.length >= 2, `${unit.departmentName}: two 值班员 (contract C2)`)
        assert.equal(unit.staffPostIds.length, staffTitles.length, unit.departmentName)
        const onDuty = now.filter((row) => row.departmentName === unit.departmentName)
        assert.equal(onDuty.length, 1, `${unit.departmentName}: one shift on now`)
        const [shift] = onDuty
        assert.equal(shift?.staff.length, 1, `${unit.departmentName}: a 值班员 on now`)
        assert.equal(shift?.leader !== null, leaderOnCall(unit.departmentName), unit.departmentName)
      }
    })

    it('publishes the demo roster: every day from a week back to two days on, nothing uncovered', async () => {
      const office = await signInAs(app, officeDirector)
      const units = (await office.get('/api/duty/units')).json().units as { id: string }[]
      for (const unit of units) {
        const from = addDays(TODAY, -7)
        const to = addDays(TODAY, 2)
        const answer = await office.get(`/api/duty/rosters?unit=${unit.id}&from=${from}&to=${to}`)
        assert.equal(answer.statusCode, 200, answer.body)
        const view = answer.json() as {
          unit: { departmentName: string }
          days: { date: string; shifts: { status: string; startsAt: string; endsAt: string }[] }[]
          uncovered: number
        }
        const shifts = view.days.flatMap((day) => day.shifts)
        assert.equal(view.days.length, 10, view.unit.departmentName)
        assert.ok(
          view.days.every((day) => day.shifts.length > 0),
          `${view.unit.departmentName}: a shift every day`,
        )
        assert.ok(shifts.every((shift) => shift.status === 'published'))
        // One after another: each shift starts when the one before ends.
        for (const [index, shift] of shifts.entries())
          if (index > 0) assert.equal(shift.startsAt, shifts[index - 1]?.endsAt)
        assert.equal(view.uncovered, 0, view.unit.departmentName)
      }
    })

    it('shows the demo incidents where its rules time the reports: one closed with a 迟报 line, one open', async () => {
      const dutyOfficeHead = roster.posts.find(
        (post) =>
          post.role === 'dutyOfficeHead' &&
          roster.departments.find((d) => d.name === post.department)?.rulebookPost === 'dutyOffice',
      )?.holders[0]?.person as string
      const office = await signInAs(app, dutyOfficeHead)
      const timed = rules.decide(jurisdiction, 'incident-report-options', { on: TODAY })
      const demo = timed.ok ? (DEMO_INCIDENTS[jurisdiction] ?? []) : []
      const items = (await office.get('/api/incidents')).json().items as {
        title: string
        status: string
        overdue: boolean
        steps: { state: string }[]
      }[]
      assert.deepEqual(
        items.map((item) => `${item.title} ${item.status}`).sort(),
        demo.map((item) => `${item.title} ${item.closed ? 'closed' : 'open'}`).sort(),
      )
      // Every step reported: nothing waits on a timer; only the closed one's last step was late.
      for (const item of items) {
        assert.equal(item.overdue, false, item.title)
        const states = item.steps.map((step) => step.state)
        assert.ok(
          states.every((state) => state === 'done' || state === 'late'),
          item.title,
        )
      }
      const register = (
        await office.get(`/api/duty/late-register?from=${addDays(TODAY, -3)}&to=${TODAY}`)
      ).json().entries as { incidentTitle: string; kind: string; minutesLate: number | null }[]
      assert.deepEqual(
        register.map((line) => `${line.incidentTitle} ${line.kind} ${line.minutesLate}`),
        demo.filter((item) => item.closed).map((item) => `${item.title} late 25`),
      )
    })

    it('generates every duty unit’s roster for every holiday period of 2026', async () => {
      const office = await signInAs(app, officeDirector)
      const units = (await office.get('/api/duty/units')).json().units as {
        id: string
        departmentName: string
      }[]
      const first = await office.get(
        `/api/duty/rosters?unit=${units[0]?.id}&from=2026-01-01&to=2026-01-01`,
      )
      const holidays = first.json().holidays as { code: string; name: string; from: string }[]
      assert.ok(holidays.length >= 7, `the 2026 holidays of the calendar: ${first.body}`)
      const lines: string[] = []
      for (const unit of units)
        for (const holiday of holidays) {
          const answer = await office.post('/api/duty/rosters/generate', {
            unitId: unit.id,
            holiday: holiday.code,
            year: 2026,
          })
          const where = `${unit.departmentName} ${holiday.name}`
          assert.equal(answer.statusCode, 200, `${where}: ${answer.body}`)
          const view = answer.json() as {
            from: string
            to: string
            holiday: { name: string } | null
            days: {
              date: string
              dayType: string
              shifts: { leader: unknown; staff: unknown[]; uncovered: boolean; issues: string[] }[]
            }[]
            gaps: number
          }
          assert.equal(view.holiday?.name, holiday.name, where)
          assert.equal(view.from, holiday.from, where)
          for (const day of view.days) {
            assert.ok(day.shifts.length > 0, `${where} ${day.date}: no shift`)
            assert.notEqual(day.dayType, 'workday', `${where} ${day.date} is a day off`)
            for (const shift of day.shifts) {
              // A gap says why; an uncovered shift is one nobody can stand.
              if (shift.uncovered) assert.ok(shift.issues.length > 0, `${where} ${day.date}`)
              if (leaderOnCall(unit.departmentName) && shift.leader === null)
                assert.ok(
                  shift.issues.some((issue) => issue.startsWith('无带班领导')),
                  `${where} ${day.date}: no leader, not flagged`,
                )
            }
          }
          lines.push(`${holiday.name} ${view.days.length}天 ${view.gaps}处缺口`)
        }
      console.log(
        `${jurisdiction}: ${units.length} units × ${holidays.length} holidays: ${lines.join('，')}`,
      )
    })
  })
}

interface OptionStep {
  act: string
  channel: 'phone' | 'written' | 'any'
}
interface IncidentOption {
  code: string
  label: string
  steps: OptionStep[]
  elements: { code: string; label: string }[]
}

type Client = Awaited<ReturnType<typeof signInAs>>

/** The 总值班室主任 of a roster (the unit whose rulebookPost is dutyOffice). */
const dutyOfficeHeadOf = (roster: (typeof DEMO_ROSTERS)[number]) =>
  roster.posts.find(
    (post) =>
      post.role === 'dutyOfficeHead' &&
      roster.departments.find((d) => d.name === post.department)?.rulebookPost === 'dutyOffice',
  )?.holders[0]?.person as string

/** The warning where no reporting time limit is loaded: Chinese, loud, citing the county's articles. */
function assertWarning(warning: Warning | null | undefined, articles: string[], where: string) {
  assert.ok(warning, `${where}: a warning`)
  assert.match(warning.message, /尚未载入突发事件信息报送时限（国家、省、市规定）/, where)
  // Each article once, each named in the message.
  assert.deepEqual(warning.citations.map((c) => `${c.source}${c.article}`).sort(), articles, where)
  for (const article of articles) assert.ok(warning.message.includes(article), where)
}

interface Warning {
  message: string
  citations: { source: string; article: string }[]
}

/** The durable timers of an incident. */
const timersOf = async (incidentId: string) =>
  (
    await handle.db
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('dedupe_key', 'like', `incident:${incidentId}:%`)
      .execute()
  ).map((job) => job.dedupe_key)

/**
 * A unit reports an incident of the category (首报 by phone or in writing); the duty office sees
 * it on its board and in the duty feed (what its live stream sends), with the warning where it is
 * untimed; a 续报 by phone and a 终报 in writing (every step then done: a step open and not
 * yet due refuses the close); the office closes it.
 */
async function reportAndClose(
  unit: Client,
  office: Client,
  category: string,
  where: string,
  expect: { untimed: boolean; articles: string[]; elements?: { code: string; label: string }[] },
): Promise<string> {
  const elements = Object.fromEntries((expect.elements ?? []).map((e) => [e.code, e.label]))
  const created = await unit.post('/api/incidents', {
    category,
    title: `${where}（报送并终结）`,
    place: '测试地点',
    occurredAt: '2026-09-28T22:45:00+08:00',
    firstReport: { channel: 'written', body: '首报', elements },
  })
  assert.equal(created.statusCode, 201, `${where}: ${created.body}`)
  const view = created.json() as {
    id: string
    untimed: boolean
    steps: unknown[]
    timeLimitWarning: Warning | null
  }
  assert.equal(view.untimed, expect.untimed, where)
  if (expect.untimed) {
    assert.deepEqual(view.steps, [], where)
    assertWarning(view.timeLimitWarning, expect.articles, `${where} view`)
  } else assert.equal(view.timeLimitWarning, null, where)
  const board = (await office.get('/api/duty/board')).json() as {
    incidents: { id: string; untimed: boolean }[]
    timeLimitWarning: Warning | null
  }
  assert.equal(board.incidents.find((item) => item.id === view.id)?.untimed, expect.untimed, where)
  if (expect.untimed) assertWarning(board.timeLimitWarning, expect.articles, `${where} board`)
  else assert.equal(board.timeLimitWarning, null, where)
  const events = await handle.db
    .selectFrom('duty_events')
    .select('type')
    .where('subject_id', '=', view.id)
    .execute()
  assert.deepEqual(
    events.map((event) => event.type),
    ['incident'],
    `${where}: in the duty feed`,
  )
  for (const [kind, channel] of [
    ['follow-up', 'phone'],
    ['final', 'written'],
  ]) {
    const sent = await unit.post(`/api/incidents/${view.id}/reports`, {
      kind,
      channel,
      body: kind,
      elements,
    })
    assert.equal(sent.statusCode, 200, `${where} ${kind}: ${sent.body}`)
  }
  const closed = await office.post(`/api/incidents/${view.id}/close`, {})
  assert.equal(closed.statusCode, 200, `${where} close: ${closed.body}`)
  assert.equal(closed.json().status, 'closed', where)
  return view.id
}

describe('突发事件信息报送: every county × category × step', () => {
  // Happened at 22:40 and became known at 22:50 (the clock runs from then), or known at once.
  const OCCURRED = '2026-09-28T22:40:00+08:00'
  const KNOWN = '2026-09-28T22:50:00+08:00'
  const counted: string[] = []

  for (const roster of DEMO_ROSTERS) {
    const jurisdiction = roster.jurisdiction.id
    const township = roster.posts.find((post) => post.role === 'townshipHead')
    const reporter = township?.holders[0]?.person as string

    it(`${roster.jurisdiction.name}: the API's due instants are the rulebook's`, async () => {
      const unit = await signInAs(app, reporter)
      const answer = await unit.get('/api/incidents/options')
      assert.equal(answer.statusCode, 200, answer.body)
      const categories = answer.json().categories as IncidentOption[]
      // The rulebook's own answer, with each step's period as the rule writes it.
      const decided = rules.decide(jurisdiction, 'incident-report-options', { on: TODAY })
      const ruled = decided.ok
        ? (
            decided.result.outcome as {
              categories: { code: string; steps: { act: string; within: unknown }[] }[]
            }
          ).categories
        : []
      const options = answer.json() as {
        timeLimitWarning: Warning | null
      }
      // The county's articles on reporting, asked by kind (迟报、漏报), not by county.
      const late = rules.decide(jurisdiction, 'incident-late-report', { on: TODAY })
      const articles = late.ok
        ? [...new Set(late.result.citations.map((c) => `${c.source}${c.article}`))].sort()
        : []
      const office = await signInAs(app, dutyOfficeHeadOf(roster))
      if (ruled.length === 0) {
        // Nothing timed: the one untimed category, a loud warning citing the county's articles.
        assert.deepEqual(
          categories.map((category) => `${category.code} ${category.steps.length}`),
          ['unlisted 0'],
        )
        assertWarning(options.timeLimitWarning, articles, `${jurisdiction} options`)
        // A category the rules do not time is still refused, in Chinese.
        const refused = await unit.post('/api/incidents', {
          category: 'suddenIncident',
          title: '测试事件',
          occurredAt: OCCURRED,
          firstReport: { channel: 'phone', body: '测试' },
        })
        assert.equal(refused.statusCode, 422, refused.body)
        assert.match(refused.json().error.message, /[\u4e00-\u9fa5]/)
        const id = await reportAndClose(unit, office, 'unlisted', `${jurisdiction} untimed`, {
          untimed: true,
          articles,
        })
        assert.deepEqual(await timersOf(id), [], `${jurisdiction}: no timer for an untimed one`)
        counted.push(
          `${jurisdiction}: untimed, reported and closed (${articles.join('、') || '无条文'})`,
        )
        return
      }
      assert.deepEqual(
        categories.map((category) => category.code),
        ruled.map((category) => category.code),
      )
      assert.equal(options.timeLimitWarning, null, `${jurisdiction}: timed, no warning`)
      // Where limits are loaded, nobody dodges them with the untimed category.
      const dodged = await unit.post('/api/incidents', {
        category: 'unlisted',
        title: '测试事件',
        occurredAt: OCCURRED,
        firstReport: { channel: 'phone', body: '测试' },
      })
      assert.equal(dodged.statusCode, 422, dodged.body)
      assert.equal(dodged.json().error.code, 'INCIDENT_CATEGORY_TIMED')
      for (const category of categories)
        await reportAndClose(unit, office, category.code, `${jurisdiction} ${category.code}`, {
          untimed: false,
          articles,
          elements: category.elements,
        })
      for (const category of categories)
        for (const knownAt of [undefined, KNOWN]) {
          const clockFrom = Date.parse(knownAt ?? OCCURRED)
          const phone = category.steps.some((step) => step.channel === 'phone')
          const created = await unit.post('/api/incidents', {
            category: category.code,
            title: `${category.label}（枚举测试）`,
            place: '测试地点',
            occurredAt: OCCURRED,
            ...(knownAt ? { knownAt } : {}),
            firstReport: phone
              ? { channel: 'phone', body: '电话速报' }
              : {
                  channel: 'written',
                  body: '书面报告',
                  elements: Object.fromEntries(category.elements.map((e) => [e.code, e.label])),
                },
          })
          const where = `${jurisdiction} ${category.code} ${knownAt ? 'known later' : 'at once'}`
          assert.equal(created.statusCode, 201, `${where}: ${created.body}`)
          const id = created.json().id as string
          const view = (await unit.get(`/api/incidents/${id}`)).json() as {
            clockFrom: string
            steps: { act: string; due: string; channel: string }[]
          }
          assert.equal(Date.parse(view.clockFrom), clockFrom, where)
          const rule = rules.decide(jurisdiction, 'incident-report-deadline', {
            category: category.code,
            occurredAt: new Date(clockFrom).toISOString(),
          })
          assert.ok(rule.ok, where)
          const decidedSteps = (rule.result.outcome as { steps: { act: string; due: string }[] })
            .steps
          const periods = ruled.find((c) => c.code === category.code)?.steps ?? []
          assert.deepEqual(
            view.steps.map((step) => step.act),
            category.steps.map((step) => step.act),
            where,
          )
          for (const step of category.steps) {
            const given = view.steps.find((s) => s.act === step.act)
            const due = Date.parse(given?.due ?? '')
            const decidedDue = decidedSteps.find((s) => s.act === step.act)?.due ?? ''
            assert.equal(due, Date.parse(decidedDue), where)
            const within = periods.find((s) => s.act === step.act)?.within
            assert.equal(due, clockFrom + millisOf(within), `${where} ${step.act}`)
            assert.equal(given?.channel, step.channel, `${where} ${step.act}`)
            counted.push(`${jurisdiction} ${category.code} ${step.act}`)
          }
        }
    })
  }

  it('covered every county', () => {
    console.log(`incident steps checked: ${counted.length}\n  ${counted.join('\n  ')}`)
    const countyOf = (line: string) => line.split(/[ :]/)[0] ?? ''
    // Every county with timed categories had its steps checked; every other one, its untimed path.
    const timed = DEMO_ROSTERS.map((roster) => roster.jurisdiction.id).filter((id) => {
      const decided = rules.decide(id, 'incident-report-options', { on: TODAY })
      return (
        decided.ok && (decided.result.outcome as { categories: unknown[] }).categories.length > 0
      )
    })
    const checked = (untimed: boolean) =>
      [
        ...new Set(counted.filter((line) => line.includes(': untimed') === untimed).map(countyOf)),
      ].sort()
    assert.deepEqual(checked(false), [...timed].sort())
    assert.deepEqual(
      checked(true),
      DEMO_ROSTERS.map((roster) => roster.jurisdiction.id)
        .filter((id) => !timed.includes(id))
        .sort(),
    )
  })
})

describe('政务舆情: every county × category × step', () => {
  const SURFACED = '2026-09-28T21:30:00+08:00'
  const counted: string[] = []

  for (const roster of DEMO_ROSTERS) {
    const jurisdiction = roster.jurisdiction.id
    const officeDirector = roster.posts.find((post) => post.role === 'officeDirector')?.holders[0]
      ?.person as string

    it(`${roster.jurisdiction.name}: the demo's item responded on time; the API's due instants are the rulebook's`, async () => {
      const office = await signInAs(app, officeDirector)
      const listed = (await office.get('/api/opinions')).json().items as {
        title: string
        status: string
        steps: { state: string | null }[]
      }[]
      assert.deepEqual(
        listed.map((item) => `${item.title} ${item.status}`),
        (DEMO_OPINIONS[jurisdiction] ?? []).map((item) => `${item.title} responded`),
      )
      for (const item of listed)
        assert.ok(
          item.steps.every((step) => step.state === 'done'),
          item.title,
        )

      const answer = await office.get('/api/opinions/options')
      assert.equal(answer.statusCode, 200, answer.body)
      const categories = answer.json().categories as { code: string; label: string }[]
      const decided = rules.decide(jurisdiction, 'public-opinion-options', { on: TODAY })
      const ruled = decided.ok
        ? (
            decided.result.outcome as {
              categories: { code: string; steps: { act: string; within: unknown }[] }[]
            }
          ).categories
        : []
      assert.deepEqual(
        categories.map((category) => category.code),
        ruled.map((category) => category.code),
      )
      for (const category of ruled) {
        const created = await office.post('/api/opinions', {
          category: category.code,
          title: `${category.code}（枚举测试）`,
          source: '测试来源',
          surfacedAt: SURFACED,
        })
        const where = `${jurisdiction} ${category.code}`
        assert.equal(created.statusCode, 201, `${where}: ${created.body}`)
        const id = created.json().item.id as string
        const view = (await office.get(`/api/opinions/${id}`)).json() as {
          item: { steps: { act: string; due: string }[] }
        }
        const rule = rules.decide(jurisdiction, 'public-opinion-deadline', {
          category: category.code,
          surfacedAt: new Date(SURFACED).toISOString(),
        })
        assert.ok(rule.ok, where)
        const decidedSteps = (rule.result.outcome as { steps: { act: string; due: string }[] })
          .steps
        assert.deepEqual(
          view.item.steps.map((step) => step.act),
          category.steps.map((step) => step.act),
          where,
        )
        for (const step of category.steps) {
          const due = Date.parse(view.item.steps.find((s) => s.act === step.act)?.due ?? '')
          const decidedDue = decidedSteps.find((s) => s.act === step.act)?.due ?? ''
          assert.equal(due, Date.parse(decidedDue), `${where} ${step.act}`)
          assert.equal(due, Date.parse(SURFACED) + millisOf(step.within), `${where} ${step.act}`)
          counted.push(`${jurisdiction} ${category.code} ${step.act}`)
        }
      }
    })
  }

  it('covered every county', () => {
    console.log(`opinion steps checked: ${counted.length}\n  ${counted.join('\n  ')}`)
    // All five counties time 政务舆情 responses: each one's steps were checked.
    assert.deepEqual(
      [...new Set(counted.map((line) => line.split(' ')[0]))].sort(),
      DEMO_ROSTERS.map((roster) => roster.jurisdiction.id).sort(),
    )
  })
})
