import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { dutyLeaderAt, dutyStaffAt } from '@zhengling/app'
import {
  createRepositories,
  type Database,
  dutyRosterTimerHandlers,
  runDueJobs,
} from '@zhengling/db'
import type { Kysely } from 'kysely'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 值班表 (issue 16, H2) on 木里: the 总值班室 keeps year-round 24-hour duty with a leader on call
// (第八十八条). The 2026 National Day holiday comes from the official calendar (10月1日至7日).
const server = useDemoServer({
  startsAt: new Date('2026-09-14T02:00:00Z'),
  jurisdiction: 'muli',
})
const db = () => server.handle.db as Kysely<Database>

interface Shift {
  id: string
  label: string
  startsAt: string
  dayType: string
  holidayName: string | null
  status: string
  version: number
  leader: { personId: string; name: string; away: boolean } | null
  staff: { personId: string; name: string; away: boolean }[]
  issues: string[]
  uncovered: boolean
}
interface Roster {
  from: string
  to: string
  holiday: { code: string; name: string; from: string; to: string } | null
  rule: { leaderOnCall: boolean; citations: { article: string }[] } | null
  days: { date: string; dayType: string; holidayName: string | null; shifts: Shift[] }[]
  gaps: number
  uncovered: number
  holidays: { code: string; name: string; from: string; to: string }[]
  leaders: { personId: string; name: string }[]
  staff: { personId: string; name: string }[]
}

const LEADERS = ['县长', '常务副县长', '副县长（教育）']
const STAFF = ['县政府总值班室值班员（一）', '县政府总值班室值班员（二）']

async function holderOf(title: string): Promise<string> {
  const row = await db()
    .selectFrom('post_holdings')
    .select('person_id')
    .where('post_id', '=', await postIdOf(db(), title))
    .executeTakeFirstOrThrow()
  return row.person_id
}

/** An absence in force (approved), as 请销假 leaves it. */
async function away(title: string, from: string, to: string) {
  const now = new Date().toISOString()
  await db()
    .insertInto('absences')
    .values({
      id: randomUUID(),
      jurisdiction_id: 'muli',
      person_id: await holderOf(title),
      post_id: await postIdOf(db(), title),
      category: 'businessTrip',
      from_date: from,
      to_date: to,
      days: 1,
      destination: '成都',
      reason: '参加会议',
      contact: '13800000000',
      mode: 'approval',
      status: 'approved',
      filed_at: now,
      created_at: now,
      updated_at: now,
    } as never)
    .execute()
}

/** The 总值班室's unit, set up by the office director (or the one the demo seed made). */
async function dutyOfficeUnit(office: Awaited<ReturnType<typeof signInAs>>): Promise<string> {
  const departmentId = await departmentIdOf(db(), '县政府总值班室')
  const leaderPostIds = await Promise.all(LEADERS.map((t) => postIdOf(db(), t)))
  const staffPostIds = await Promise.all(STAFF.map((t) => postIdOf(db(), t)))
  const shiftPattern = {
    workday: [{ label: '夜班', start: '17:30', end: '08:30', staff: 1 }],
    restday: [{ label: '全天', start: '08:30', end: '08:30', staff: 1 }],
    holiday: [{ label: '全天', start: '08:30', end: '08:30', staff: 2 }],
  }
  const list = await office.get('/api/duty/units')
  assert.equal(list.statusCode, 200, list.body)
  const existing = (
    list.json().units as { id: string; departmentId: string; season: string | null }[]
  ).find((u) => u.departmentId === departmentId && u.season === null)
  if (existing) {
    const patched = await server.app.inject({
      method: 'PATCH',
      url: `/api/duty/units/${existing.id}`,
      headers: office.headers,
      payload: { shiftPattern, leaderPostIds, staffPostIds },
    })
    assert.equal(patched.statusCode, 200, patched.body)
    return existing.id
  }
  const made = await office.post('/api/duty/units', {
    departmentId,
    shiftPattern,
    leaderPostIds,
    staffPostIds,
  })
  assert.equal(made.statusCode, 201, made.body)
  return made.json().id
}

describe('值班表 (duty rosters, 木里 第八十八条)', () => {
  let unitId = ''
  let roster: Roster

  it('lists the holiday periods of 2026 from the official calendar and sorts days by it', async () => {
    const office = await signInAs(server.app, 'ml-officeDirector')
    unitId = await dutyOfficeUnit(office)
    const again = await office.post('/api/duty/units', {
      departmentId: await departmentIdOf(db(), '县政府总值班室'),
      leaderPostIds: [],
      staffPostIds: [],
    })
    assert.equal(again.statusCode, 409, again.body)
    assert.equal(again.json().error.code, 'DUTY_UNIT_EXISTS')
    const response = await office.get(
      `/api/duty/rosters?unit=${unitId}&from=2026-09-19&to=2026-09-28`,
    )
    assert.equal(response.statusCode, 200, response.body)
    const view = response.json() as Roster
    const national = view.holidays.find((h) => h.code === 'nationalDay')
    assert.deepEqual(national && { name: national.name, from: national.from, to: national.to }, {
      name: '国庆节',
      from: '2026-10-01',
      to: '2026-10-07',
    })
    const kinds = Object.fromEntries(view.days.map((d) => [d.date, d.dayType]))
    // Saturday off; Sunday 20 September a 调休 working day; 中秋 25–27 September holidays.
    assert.equal(kinds['2026-09-19'], 'restday')
    assert.equal(kinds['2026-09-20'], 'workday')
    assert.equal(kinds['2026-09-21'], 'workday')
    assert.equal(kinds['2026-09-25'], 'holiday')
    assert.equal(kinds['2026-09-27'], 'holiday')
    assert.equal(kinds['2026-09-28'], 'workday')
    assert.ok(view.rule?.leaderOnCall, 'the rule asks a leader on call')
    assert.ok(view.rule?.citations.some((c) => c.article === '第八十八条'))
  })

  it('generates the National Day roster: rotation, the away skipped, gaps flagged', async () => {
    await away('县政府总值班室值班员（一）', '2026-10-03', '2026-10-04')
    for (const title of [...LEADERS, ...STAFF]) await away(title, '2026-10-06', '2026-10-06')
    const office = await signInAs(server.app, 'ml-officeDirector')
    const response = await office.post('/api/duty/rosters/generate', {
      unitId,
      holiday: 'nationalDay',
      year: 2026,
    })
    assert.equal(response.statusCode, 200, response.body)
    roster = response.json() as Roster
    assert.equal(roster.from, '2026-10-01')
    assert.equal(roster.to, '2026-10-07')
    assert.equal(roster.holiday?.name, '国庆节')
    assert.equal(roster.days.length, 7)
    const shifts = roster.days.flatMap((d) => d.shifts)
    assert.equal(shifts.length, 7)
    for (const shift of shifts) {
      assert.equal(shift.dayType, 'holiday')
      assert.equal(shift.status, 'draft')
    }
    // 10月1日 08:30 Beijing time.
    assert.equal(shifts[0]?.startsAt, '2026-10-01T00:30:00.000Z')
    // The leaders take turns; nobody stands who is away.
    const leaderNames = shifts.map((s) => s.leader?.name ?? null)
    assert.notEqual(leaderNames[0], leaderNames[1])
    assert.equal(leaderNames[0], leaderNames[3])
    const staffOne = await holderOf('县政府总值班室值班员（一）')
    const oct = (day: string) => roster.days.find((d) => d.date === day)?.shifts[0] as Shift
    // 10月3日: 值班员（一） away → one staff only, flagged.
    assert.deepEqual(
      oct('2026-10-03')
        .staff.map((s) => s.personId)
        .includes(staffOne),
      false,
    )
    assert.ok(
      oct('2026-10-03').issues.some((i) => i.includes('值班员不足')),
      oct('2026-10-03').issues.join(),
    )
    // 10月6日: everyone away → nobody on it, no leader (第八十八条), flagged before it starts.
    const empty = oct('2026-10-06')
    assert.equal(empty.uncovered, true)
    assert.equal(empty.leader, null)
    assert.ok(empty.issues.includes('无人值班'))
    assert.ok(empty.issues.some((i) => i.includes('第八十八条')))
    // A full shift has no issue.
    assert.deepEqual(oct('2026-10-01').issues, [])
    // A shift from 08:30 runs into the next morning: whoever is away then cannot stand it either.
    const dated = (pick: (s: Shift) => boolean) =>
      roster.days.filter((d) => d.shifts.some(pick)).map((d) => d.date.slice(5))
    assert.deepEqual(
      dated((s) => s.issues.length > 0),
      ['10-02', '10-03', '10-04', '10-05', '10-06'],
    )
    assert.deepEqual(
      dated((s) => s.uncovered),
      ['10-05', '10-06'],
    )
    assert.equal(roster.uncovered, 2)
    assert.equal(roster.gaps, 5)
  })

  it('edits a draft shift only with candidates who are not away, on its version', async () => {
    const office = await signInAs(server.app, 'ml-officeDirector')
    const shift = roster.days.find((d) => d.date === '2026-10-02')?.shifts[0] as Shift
    const patch = (payload: object) =>
      server.app.inject({
        method: 'PATCH',
        url: `/api/duty/shifts/${shift.id}`,
        headers: office.headers,
        payload,
      })
    const outsider = await holderOf('县财政局局长')
    const refused = await patch({
      leaderPersonId: outsider,
      staffPersonIds: [],
      version: shift.version,
    })
    assert.equal(refused.json().error.code, 'DUTY_NOT_CANDIDATE', refused.body)
    await away('副县长（教育）', '2026-10-02', '2026-10-02')
    const deputy = await holderOf('副县长（教育）')
    const awayRefused = await patch({
      leaderPersonId: deputy,
      staffPersonIds: [],
      version: shift.version,
    })
    assert.equal(awayRefused.json().error.code, 'DUTY_PERSON_AWAY', awayRefused.body)
    const principal = await holderOf('县长')
    const staffTwo = await holderOf('县政府总值班室值班员（二）')
    const done = await patch({
      leaderPersonId: principal,
      staffPersonIds: [staffTwo],
      version: shift.version,
    })
    assert.equal(done.statusCode, 200, done.body)
    assert.equal(done.json().shift.leader.personId, principal)
    assert.equal(done.json().shift.version, shift.version + 1)
    const stale = await patch({
      leaderPersonId: principal,
      staffPersonIds: [],
      version: shift.version,
    })
    assert.equal(stale.statusCode, 409)
    assert.equal(stale.json().error.code, 'DUTY_SHIFT_CHANGED')
  })

  it('refuses those who do not keep the roster; they see only published shifts they are on', async () => {
    const bureau = await signInAs(server.app, 'ml-departmentHead-finance')
    const refused = await bureau.post('/api/duty/rosters/generate', {
      unitId,
      holiday: 'nationalDay',
      year: 2026,
    })
    assert.equal(refused.statusCode, 403, refused.body)
    const clerk = await signInAs(server.app, 'ml-executiveDeputy')
    const view = (
      await clerk.get(`/api/duty/rosters?unit=${unitId}&holiday=nationalDay&year=2026`)
    ).json() as Roster
    assert.equal(view.days.flatMap((d) => d.shifts).length, 0, 'drafts are not shown')
  })

  it('publishes: people told, dutyLeaderAt answers, a gap is flagged to the unit before the shift', async () => {
    const office = await signInAs(server.app, 'ml-officeDirector')
    const published = await office.post('/api/duty/rosters/publish', {
      unitId,
      holiday: 'nationalDay',
      year: 2026,
    })
    assert.equal(published.statusCode, 200, published.body)
    const view = published.json() as Roster
    assert.ok(view.days.flatMap((d) => d.shifts).every((s) => s.status === 'published'))
    const again = await office.post('/api/duty/rosters/publish', {
      unitId,
      holiday: 'nationalDay',
      year: 2026,
    })
    assert.equal(again.json().error.code, 'DUTY_NOTHING_TO_PUBLISH')
    const clerk = await signInAs(server.app, 'ml-executiveDeputy')
    const deputy = await holderOf('常务副县长')
    const mine = (
      await clerk.get(`/api/duty/rosters?unit=${unitId}&holiday=nationalDay&year=2026`)
    ).json() as Roster
    const onIt = mine.days.flatMap((d) => d.shifts)
    assert.ok(
      onIt.length > 0 && onIt.length < 7 && onIt.every((s) => s.leader?.personId === deputy),
    )
    const bell = (await clerk.get('/api/notifications')).json() as {
      items?: { title: string }[]
      notifications?: { title: string }[]
    }
    const titles = (bell.items ?? bell.notifications ?? []).map((n) => n.title)

    assert.ok(
      titles.some((t) => t.startsWith('值班安排：县政府总值班室国庆节期间')),
      titles.join(' | '),
    )

    // The duty office's leader on call at noon on 10月1日, through the port others use.
    const first = view.days[0]?.shifts[0] as Shift
    const r = createRepositories(db())
    const leader = await dutyLeaderAt(r, 'muli', '2026-10-01T04:00:00Z')
    assert.equal(leader?.personId, first.leader?.personId)
    assert.equal(leader?.shiftId, first.id)
    const staff = await dutyStaffAt(r, 'muli', '2026-10-01T04:00:00Z')
    assert.deepEqual(
      staff.map((s) => s.personId),
      first.staff.map((s) => s.personId),
    )
    assert.equal(await dutyLeaderAt(r, 'muli', '2026-09-30T04:00:00Z'), null)

    // The checks fire a day before each shift: the empty 10月6日 is flagged once to the unit.
    const handlers = dutyRosterTimerHandlers({
      now: () => server.clock,
      rules: createRulesPort(testLibrary()),
    })
    server.clock = new Date('2026-10-05T01:00:00Z')
    await runDueJobs(db(), { handlers, now: () => server.clock })
    await runDueJobs(db(), { handlers, now: () => server.clock })
    const head = await signInAs(server.app, 'ml-dutyOfficeHead')
    const headBell = (await head.get('/api/notifications')).json() as {
      items?: { title: string }[]
      notifications?: { title: string }[]
    }
    const flagged = (headBell.items ?? headBell.notifications ?? []).filter((n) =>
      n.title.includes('值班空缺'),
    )
    assert.ok(
      flagged.some((n) => n.title.includes('2026-10-06') && n.title.includes('无人值班')),
      flagged.map((n) => n.title).join(' | '),
    )
    assert.equal(flagged.filter((n) => n.title.includes('2026-10-06')).length, 1)
    server.clock = new Date('2026-09-14T02:00:00Z')
  })

  it('swaps on a published shift: audited, kept, both told', async () => {
    const office = await signInAs(server.app, 'ml-officeDirector')
    const shift = roster.days.find((d) => d.date === '2026-10-07')?.shifts[0] as Shift
    const current = (
      await office.get(`/api/duty/rosters?unit=${unitId}&from=2026-10-07&to=2026-10-07`)
    ).json() as Roster
    const live = current.days[0]?.shifts[0] as Shift
    const to = await holderOf('县长')
    const target = live.leader?.personId === to ? await holderOf('常务副县长') : to
    const response = await office.post(`/api/duty/shifts/${shift.id}/swap`, {
      role: 'leader',
      fromPersonId: live.leader?.personId ?? null,
      toPersonId: target,
      reason: '原带班领导临时出差',
    })
    assert.equal(response.statusCode, 200, response.body)
    assert.equal(response.json().shift.leader.personId, target)
    const swaps = await db()
      .selectFrom('duty_swaps')
      .selectAll()
      .where('shift_id', '=', shift.id)
      .execute()
    assert.equal(swaps.length, 1)
    assert.equal(swaps[0]?.reason, '原带班领导临时出差')
    const audit = await db()
      .selectFrom('audit_records')
      .select('action')
      .where('subject', '=', shift.id)
      .execute()
    assert.ok(audit.some((a) => a.action === 'duty.shift.swap'))
    const noReason = await office.post(`/api/duty/shifts/${shift.id}/swap`, {
      role: 'leader',
      fromPersonId: target,
      toPersonId: live.leader?.personId ?? target,
      reason: '',
    })
    assert.equal(noReason.statusCode, 400, noReason.body)
  })

  it('prints the roster as an A4 page and answers who is on duty now', async () => {
    const office = await signInAs(server.app, 'ml-officeDirector')
    const printed = await office.get(
      `/api/duty/rosters/print?unit=${unitId}&holiday=nationalDay&year=2026`,
    )
    assert.equal(printed.statusCode, 200)
    assert.match(printed.headers['content-type'] as string, /text\/html/)
    assert.match(printed.body, /县政府总值班室值班表 国庆节/)
    assert.match(printed.body, /无人值班/)
    server.clock = new Date('2026-10-02T06:00:00Z')
    const later = await signInAs(server.app, 'ml-officeDirector')
    const now = (await later.get('/api/duty/now')).json() as {
      units: { departmentName: string; leader: { name: string } | null }[]
    }
    assert.equal(now.units.length, 1)
    assert.equal(now.units[0]?.departmentName, '县政府总值班室')
    server.clock = new Date('2026-09-14T02:00:00Z')
  })

  it("asked for no dates, shows the week from the server's day in Beijing (the page's default)", async () => {
    // 2026-12-31 16:30 UTC is 1 January 2027 00:30 in Beijing: the week and the holiday year follow.
    server.clock = new Date('2026-12-31T16:30:00Z')
    const office = await signInAs(server.app, 'ml-officeDirector')
    const week = (await office.get(`/api/duty/rosters?unit=${unitId}`)).json() as {
      from: string
      to: string
    }
    assert.deepEqual([week.from, week.to], ['2027-01-01', '2027-01-07'])
    const holiday = (
      await office.get(`/api/duty/rosters?unit=${unitId}&holiday=nationalDay`)
    ).json() as { from: string; holiday: { code: string } | null }
    assert.equal(holiday.holiday?.code, 'nationalDay')
    assert.equal(holiday.from.slice(0, 4), '2027')
    server.clock = new Date('2026-09-14T02:00:00Z')
  })

  it('answers bad input with a code and a Chinese message, never a 5xx', async () => {
    const office = await signInAs(server.app, 'ml-officeDirector')
    const other = randomUUID()
    const cases: [string, Promise<{ statusCode: number; body: string }>, number][] = [
      [
        'holiday without a year',
        office.post('/api/duty/rosters/generate', { unitId, holiday: 'nationalDay' }),
        422,
      ],
      ['unknown holiday', office.get(`/api/duty/rosters?unit=${unitId}&holiday=x&year=2026`), 422],
      [
        'span too long',
        office.get(`/api/duty/rosters?unit=${unitId}&from=2026-01-01&to=2026-12-31`),
        422,
      ],
      [
        'span backwards',
        office.get(`/api/duty/rosters?unit=${unitId}&from=2026-10-02&to=2026-10-01`),
        422,
      ],
      [
        'no such unit',
        office.get(`/api/duty/rosters?unit=${other}&from=2026-10-01&to=2026-10-02`),
        404,
      ],
      ['not a uuid', office.get('/api/duty/rosters?unit=abc&from=2026-10-01&to=2026-10-02'), 400],
      [
        'no such shift',
        office.post(`/api/duty/shifts/${other}/swap`, {
          role: 'leader',
          fromPersonId: null,
          toPersonId: other,
          reason: '事由',
        }),
        404,
      ],
      [
        'unknown department',
        office.post('/api/duty/units', {
          departmentId: other,
          leaderPostIds: [],
          staffPostIds: [],
        }),
        404,
      ],
      [
        'unknown season',
        office.post('/api/duty/units', {
          departmentId: await departmentIdOf(db(), '县政府应急办'),
          season: 'monsoon',
          leaderPostIds: [],
          staffPostIds: [],
        }),
        422,
      ],
      [
        'overlapping shifts',
        server.app.inject({
          method: 'PATCH',
          url: `/api/duty/units/${unitId}`,
          headers: office.headers,
          payload: {
            shiftPattern: {
              workday: [
                { label: '白班', start: '08:00', end: '20:00', staff: 1 },
                { label: '夜班', start: '18:00', end: '08:00', staff: 1 },
              ],
              restday: [],
              holiday: [],
            },
          },
        }),
        422,
      ],
    ]
    for (const [name, sent, status] of cases) {
      const response = await sent
      assert.equal(response.statusCode, status, `${name}: ${response.body}`)
      const error = JSON.parse(response.body).error as { code: string; message: string }
      assert.match(error.code, /^[A-Z][A-Z0-9_]*$/, name)
      assert.match(error.message, /[\u4e00-\u9fff]/u, name)
    }
  })
})
