import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { before, describe, it } from 'node:test'
import { leaderRolesOf } from '@zhengling/app'
import { countStatements } from '@zhengling/db'
import { sql } from 'kysely'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { DEMO_ROSTERS } from './test-support/demo-rosters.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 领导活动安排 in 钟山区, the week of Monday 2026-03-02: the demo seeds the executive deputy acting
// for the head from the seed day for seven days (第六条); the absences and meetings below are
// written straight into their tables, since the calendar only reads what their modules keep.
const MONDAY = new Date('2026-03-02T01:00:00Z') // 09:00 in Asia/Shanghai

const server = useDemoServer({ startsAt: MONDAY })
const as = (username: string) => signInAs(server.app, username)
const postId = (title: string) => postIdOf(server.handle.db, title)
const departmentId = (name: string) => departmentIdOf(server.handle.db, name)
const FILED_AT = '2026-02-20T01:00:00Z'

/** An approved (or other) 会议活动申请 inviting leaders, as its module keeps it. */
async function addEventRequest(request: {
  kind: string
  title: string
  date: string
  time: string
  place: string
  status: string
  invited: string[]
  distribution?: string[]
}) {
  const filer = await server.handle.db
    .selectFrom('post_holdings')
    .select(['person_id', 'post_id'])
    .where('post_id', '=', await postId('区教育局局长'))
    .executeTakeFirstOrThrow()
  const invited = await Promise.all(request.invited.map(postId))
  const distribution = await Promise.all((request.distribution ?? []).map(postId))
  await sql`insert into event_requests (id, jurisdiction_id, kind, scope, title, event_date,
      event_time, place, unit_id, invited_post_ids, filed_by_person_id, filed_by_post_id, filed_on,
      status, distribution_posts, created_at, updated_at)
    values (${randomUUID()}, 'zhongshan', ${request.kind}, 'other', ${request.title},
      ${request.date}, ${request.time}, ${request.place}, ${await departmentId('区教育局')},
      ${sql.val(invited)}::uuid[], ${filer.person_id}, ${filer.post_id}, '2026-02-20',
      ${request.status}, ${sql.val(distribution)}::uuid[], ${FILED_AT}, ${FILED_AT})`.execute(
    server.handle.db,
  )
}

async function addAbsence(
  title: string,
  absence: {
    category: string
    from: string
    to: string
    status: string
    destination?: string
    returnedOn?: string
    ruleIds?: string[]
    /** 知悉范围 by post title and unit name (empty: the whole jurisdiction). */
    distribution?: { posts: string[]; departments: string[] }
  },
) {
  const post = await postId(title)
  const holder = await server.handle.db
    .selectFrom('post_holdings')
    .select('person_id')
    .where('post_id', '=', post)
    .executeTakeFirstOrThrow()
  const id = randomUUID()
  const distribution = absence.distribution ?? { posts: [], departments: [] }
  const posts = await Promise.all(distribution.posts.map(postId))
  const departments = await Promise.all(distribution.departments.map(departmentId))
  await sql`insert into absences (id, jurisdiction_id, person_id, post_id, category, from_date,
      to_date, days, destination, reason, contact, mode, status, filed_at, returned_on, rule_ids,
      distribution_posts, distribution_departments, created_at, updated_at)
    values (${id}, 'zhongshan', ${holder.person_id}, ${post}, ${absence.category},
      ${absence.from}, ${absence.to}, 1, ${absence.destination ?? '本地'}, '因公', '13800000000',
      ${absence.status === 'filed' ? 'filing' : 'approval'}, ${absence.status},
      ${FILED_AT}, ${absence.returnedOn ?? null}, ${sql.val(absence.ruleIds ?? [])}::text[],
      ${sql.val(posts)}::uuid[], ${sql.val(departments)}::uuid[], ${FILED_AT}, ${FILED_AT})`.execute(
    server.handle.db,
  )
  return id
}

async function addMeeting(meeting: {
  title: string
  startsAt: string
  presider: string
  location?: string
  participants?: { title: string; role: 'member' | 'attendee'; attendance?: string }[]
  distribution?: string[]
}) {
  const id = randomUUID()
  const distribution = await Promise.all((meeting.distribution ?? []).map(postId))
  await server.handle.db
    .insertInto('meetings')
    .values({
      id,
      jurisdiction_id: 'zhongshan',
      meeting_type: 'standing',
      title: meeting.title,
      starts_at: meeting.startsAt,
      location: meeting.location ?? '',
      presider_post_id: await postId(meeting.presider),
      state: 'planned',
      secrecy: 'internal',
      distribution_posts: distribution,
      distribution_departments: [],
      created_at: '2026-02-20T01:00:00Z',
    })
    .execute()
  for (const participant of meeting.participants ?? [])
    await server.handle.db
      .insertInto('meeting_participants')
      .values({
        meeting_id: id,
        post_id: await postId(participant.title),
        role: participant.role,
        attendance: (participant.attendance ?? 'invited') as 'invited',
        leave_rule_ids: [],
      })
      .execute()
  return id
}

type Entry = {
  date: string
  kind: string
  title: string
  from: string
  to: string
  time: string | null
  place: string | null
  note: string | null
  citations: { article: string }[]
}
type View = {
  weekStart: string
  weekEnd: string
  previousWeek: string
  nextWeek: string
  days: { date: string; weekday: string }[]
  scope: string
  leaders: { postId: string; title: string; holders: string[]; entries: Entry[] }[]
}

/** Each entry as one line: leader, date, kind, time, title, note. */
const linesOf = (view: View) =>
  view.leaders.flatMap((leader) =>
    leader.entries.map((entry) =>
      [leader.title, entry.date, entry.kind, entry.time ?? '', entry.title, entry.note ?? ''].join(
        ' | ',
      ),
    ),
  )

let restricted = ''

async function seedWeek() {
  // The demo's own whereabouts (a current trip, a pending request…) make way for the week below.
  await sql`delete from acting_assignments where absence_id is not null`.execute(server.handle.db)
  await sql`delete from absence_events`.execute(server.handle.db)
  await sql`delete from absences`.execute(server.handle.db)
  await sql`delete from event_request_events`.execute(server.handle.db)
  await sql`delete from event_requests`.execute(server.handle.db)
  // In force: approved, filed, returned (up to the day of 销假); others are not on the calendar.
  await addAbsence('副区长（教育）', {
    category: 'businessTrip',
    from: '2026-03-03',
    to: '2026-03-05',
    status: 'approved',
    destination: '贵阳',
  })
  await addAbsence('副区长（城建）', {
    category: 'leaveArea',
    from: '2026-02-27',
    to: '2026-03-02',
    status: 'filed',
    destination: '六盘水市区',
  })
  await addAbsence('副区长（法治）', {
    category: 'study',
    from: '2026-03-04',
    to: '2026-03-08',
    status: 'returned',
    destination: '省委党校',
    returnedOn: '2026-03-06',
  })
  await addAbsence('区人民政府办公室主任', {
    category: 'personalLeave',
    from: '2026-03-06',
    to: '2026-03-06',
    status: 'approved',
    destination: '家中',
  })
  for (const status of ['pending', 'refused', 'withdrawn'])
    await addAbsence('区人民政府办公室主任', {
      category: 'businessTrip',
      from: '2026-03-03',
      to: '2026-03-04',
      status,
      destination: '北京',
    })
  // Another week, and a post outside the leadership: neither shows.
  await addAbsence('区长', {
    category: 'vacation',
    from: '2026-03-09',
    to: '2026-03-10',
    status: 'approved',
  })
  await addAbsence('区财政局局长', {
    category: 'businessTrip',
    from: '2026-03-03',
    to: '2026-03-03',
    status: 'approved',
    destination: '北京',
  })

  // 知悉范围 of the trip: the deputy, the head who approves, and the office; no other deputy.
  await addAbsence('常务副区长', {
    category: 'abroad',
    from: '2026-03-07',
    to: '2026-03-07',
    status: 'approved',
    destination: '蒙古国',
    distribution: { posts: ['常务副区长', '区长'], departments: ['区人民政府办公室'] },
  })
  for (const status of ['approved', 'pending', 'refused'])
    await addEventRequest({
      kind: 'leaderInvitation',
      title: `全区春季植树活动（${status}）`,
      date: '2026-03-06',
      time: '上午9:30',
      place: '区体育馆',
      status,
      invited: ['区长', '副区长（教育）', '区教育局局长'],
    })
  await addEventRequest({
    kind: 'foreignGuest',
    title: '接待外宾',
    date: '2026-03-05',
    time: '',
    place: '',
    status: 'approved',
    invited: ['区长'],
    distribution: ['区长', '区人民政府办公室主任'],
  })

  await addMeeting({
    title: '区人民政府第12次常务会议',
    startsAt: '2026-03-04T09:00:00+08:00',
    presider: '区长',
    location: '区政府三楼会议室',
    participants: [
      { title: '区长', role: 'member', attendance: 'invited' },
      { title: '常务副区长', role: 'member' },
      { title: '副区长（教育）', role: 'member', attendance: 'onLeave' },
      // Away that day (学习) without a leave for the meeting: 外出期间.
      { title: '副区长（法治）', role: 'member' },
      { title: '区人民政府办公室主任', role: 'attendee' },
      { title: '区财政局局长', role: 'attendee' },
    ],
  })
  // Late on Sunday in Shanghai (still the week), and Monday 00:00 next week (not).
  await addMeeting({
    title: '周末安全生产调度会',
    startsAt: '2026-03-08T15:30:00Z',
    presider: '常务副区长',
  })
  await addMeeting({
    title: '下周一早会',
    startsAt: '2026-03-08T16:00:00Z',
    presider: '区长',
  })
  // Only the head may see it (distribution): the others' calendars do not show it.
  restricted = await addMeeting({
    title: '<专题>研究会',
    startsAt: '2026-03-05T15:00:00+08:00',
    presider: '区长',
    distribution: ['区长'],
  })
}

describe('领导活动安排：一周', () => {
  before(seedWeek)

  it('lays out the leadership in roster order with each day’s meetings, absences and acting', async () => {
    const deputy = await as('zs-deputy-2')
    const answer = await deputy.get('/api/leader-calendar?week=2026-03-04')
    assert.equal(answer.statusCode, 200, answer.body)
    const view = answer.json() as View
    assert.equal(view.weekStart, '2026-03-02')
    assert.equal(view.weekEnd, '2026-03-08')
    assert.equal(view.previousWeek, '2026-02-23')
    assert.equal(view.nextWeek, '2026-03-09')
    assert.equal(view.scope, 'leadership')
    assert.deepEqual(
      view.days.map((day) => `${day.date} ${day.weekday}`),
      [
        '2026-03-02 周一',
        '2026-03-03 周二',
        '2026-03-04 周三',
        '2026-03-05 周四',
        '2026-03-06 周五',
        '2026-03-07 周六',
        '2026-03-08 周日',
      ],
    )
    // The leadership asked of the rulebook (区人民政府领导 + the office director), not titles, in
    // the roster's order.
    assert.deepEqual(
      view.leaders.map((leader) => `${leader.title} ${leader.holders.join('、')}`),
      [
        '区长 王建国',
        '常务副区长 李红梅',
        '副区长（教育） 张志强',
        '副区长（城建） 刘晓燕',
        '副区长（法治） 陈立新',
        '区人民政府办公室主任 杨帆',
      ],
    )
    const acting = (date: string) => `常务副区长 | ${date} | acting |  | 代行区长职责 | 第六条`
    assert.deepEqual(linesOf(view), [
      '区长 | 2026-03-04 | meeting | 09:00 | 主持区人民政府第12次常务会议 | ',
      '区长 | 2026-03-06 | event | 上午9:30 | 全区春季植树活动（approved） | 应邀出席',
      acting('2026-03-02'),
      acting('2026-03-03'),
      acting('2026-03-04'),
      '常务副区长 | 2026-03-04 | meeting | 09:00 | 出席区人民政府第12次常务会议 | ',
      acting('2026-03-05'),
      acting('2026-03-06'),
      acting('2026-03-07'),
      acting('2026-03-08'),
      '常务副区长 | 2026-03-08 | meeting | 23:30 | 主持周末安全生产调度会 | ',
      '副区长（教育） | 2026-03-03 | absence |  | 出差（贵阳） | ',
      '副区长（教育） | 2026-03-04 | absence |  | 出差（贵阳） | ',
      '副区长（教育） | 2026-03-04 | meeting | 09:00 | 出席区人民政府第12次常务会议 | 已请假',
      '副区长（教育） | 2026-03-05 | absence |  | 出差（贵阳） | ',
      '副区长（教育） | 2026-03-06 | event | 上午9:30 | 全区春季植树活动（approved） | 应邀出席',
      '副区长（城建） | 2026-03-02 | absence |  | 外出（六盘水市区） | 已报备',
      '副区长（法治） | 2026-03-04 | absence |  | 学习（省委党校） | 已销假（2026-03-06）',
      '副区长（法治） | 2026-03-04 | meeting | 09:00 | 出席区人民政府第12次常务会议 | 外出期间',
      '副区长（法治） | 2026-03-05 | absence |  | 学习（省委党校） | 已销假（2026-03-06）',
      '副区长（法治） | 2026-03-06 | absence |  | 学习（省委党校） | 已销假（2026-03-06）',
      '区人民政府办公室主任 | 2026-03-04 | meeting | 09:00 | 列席区人民政府第12次常务会议 | ',
      '区人民政府办公室主任 | 2026-03-06 | absence |  | 请假 | ',
    ])
    // Each entry keeps its record's span and, for a meeting, its place; acting cites its article.
    const education = view.leaders.find((leader) => leader.title === '副区长（教育）')
    assert.deepEqual(
      education?.entries
        .filter((entry) => entry.kind === 'absence')
        .map((entry) => [entry.from, entry.to, entry.place]),
      Array(3).fill(['2026-03-03', '2026-03-05', '贵阳']),
    )
    const principal = view.leaders.find((leader) => leader.title === '区长')
    assert.equal(principal?.entries[0]?.place, '区政府三楼会议室')
    const executive = view.leaders.find((leader) => leader.title === '常务副区长')
    assert.ok(
      executive?.entries
        .filter((entry) => entry.kind === 'acting')
        .every((entry) => entry.citations.some((citation) => citation.article === '第六条')),
    )
  })

  it('answers any day of the week with that week, today’s week by default', async () => {
    const deputy = await as('zs-deputy-3')
    for (const day of ['2026-03-02', '2026-03-05', '2026-03-08'])
      assert.equal(
        (await deputy.get(`/api/leader-calendar?week=${day}`)).json().weekStart,
        '2026-03-02',
      )
    assert.equal((await deputy.get('/api/leader-calendar')).json().weekStart, '2026-03-02')
    const next = (await deputy.get('/api/leader-calendar?week=2026-03-09')).json() as View
    assert.deepEqual(linesOf(next).slice(0, 3), [
      '区长 | 2026-03-09 | absence |  | 休假 | ',
      '区长 | 2026-03-09 | meeting | 00:00 | 主持下周一早会 | 外出期间',
      '区长 | 2026-03-10 | absence |  | 休假 | ',
    ])
    // Past its end and not closed by 销假: 逾期未销假 (the office's 未销假 list, on the calendar too).
    server.clock = new Date('2026-03-11T01:00:00Z')
    try {
      const later = (
        await (await as('zs-deputy-3')).get('/api/leader-calendar?week=2026-03-09')
      ).json() as View
      assert.deepEqual(linesOf(later).slice(0, 2), [
        '区长 | 2026-03-09 | absence |  | 休假 | 逾期未销假',
        '区长 | 2026-03-09 | meeting | 00:00 | 主持下周一早会 | 外出期间',
      ])
    } finally {
      server.clock = MONDAY
    }
    for (const bad of ['2026-02-30', '2026-3-2', 'next'])
      assert.equal((await deputy.get(`/api/leader-calendar?week=${bad}`)).statusCode, 400, bad)
  })

  it('shows one leader’s week, and refuses a post outside the leadership', async () => {
    const office = await as('zs-officeDirector')
    const own = await postId('副区长（教育）')
    const one = await office.get(`/api/leader-calendar?week=2026-03-02&postId=${own}`)
    assert.equal(one.statusCode, 200, one.body)
    assert.equal(one.json().scope, 'leader')
    assert.deepEqual(
      one.json().leaders.map((leader: { title: string }) => leader.title),
      ['副区长（教育）'],
    )
    for (const title of ['区财政局局长', '区人民政府办公室副主任']) {
      const refused = await office.get(
        `/api/leader-calendar?week=2026-03-02&postId=${await postId(title)}`,
      )
      assert.equal(refused.statusCode, 404, title)
      assert.equal(refused.json().error.code, 'LEADER_NOT_FOUND')
    }
  })

  it('lays out only the absences and events the viewer may see (their 知悉范围)', async () => {
    const linesFor = async (username: string) =>
      linesOf((await (await as(username)).get('/api/leader-calendar?week=2026-03-02')).json())
    const abroad = '常务副区长 | 2026-03-07 | absence |  | 出访（蒙古国） | '
    const guests = '区长 | 2026-03-05 | event |  | 接待外宾 | 外事接待'
    for (const [username, sees] of [
      ['zs-principal', [true, true]],
      ['zs-officeDirector', [true, true]],
      ['zs-executiveDeputy', [true, true]],
      ['zs-deputy-2', [false, false]],
      ['zs-deputy-4', [false, false]],
      ['zs-departmentHead-10', [false, false]],
    ] as const) {
      const lines = await linesFor(username)
      assert.deepEqual([lines.includes(abroad), lines.includes(guests)], sees, username)
    }
  })

  it('lays out only the meetings the viewer may see', async () => {
    const restrictedTitle = '主持<专题>研究会'
    const titlesFor = async (username: string) =>
      linesOf((await (await as(username)).get('/api/leader-calendar?week=2026-03-02')).json())
    // The head, and the executive deputy while she acts for him (第六条), see it; no one else.
    for (const username of ['zs-principal', 'zs-executiveDeputy'])
      assert.ok(
        (await titlesFor(username)).some((line) => line.includes(restrictedTitle)),
        username,
      )
    for (const username of ['zs-deputy-2', 'zs-officeDirector', 'zs-townshipHead'])
      assert.ok(
        !(await titlesFor(username)).some((line) => line.includes(restrictedTitle)),
        username,
      )
    assert.ok(restricted)
  })

  it('reads a week in at most three statements, the session’s included', async () => {
    const office = await as('zs-officeDirector')
    for (const url of [
      '/api/leader-calendar?week=2026-03-02',
      `/api/leader-calendar?week=2026-03-02&postId=${await postId('区长')}`,
      '/api/leader-calendar/print?week=2026-03-02',
    ]) {
      const counter = countStatements(server.handle.db, { keepSql: true })
      const answer = await office.get(url)
      counter.stop()
      assert.equal(answer.statusCode, 200, answer.body)
      assert.ok(
        counter.statements.length <= 3,
        `${url}: ${counter.statements.length}\n${counter.statements.join('\n')}`,
      )
    }
  })

  it('prints the weekly 领导活动安排表 as an A4 landscape page, every record’s words escaped', async () => {
    const principal = await as('zs-principal')
    const printed = await principal.get('/api/leader-calendar/print?week=2026-03-03')
    assert.equal(printed.statusCode, 200, printed.body)
    assert.match(printed.headers['content-type'] as string, /^text\/html/)
    const html = printed.body
    assert.match(html, /六盘水市钟山区人民政府领导活动安排表（2026年3月2日—3月8日）/)
    assert.match(html, /size: A4 landscape/)
    for (const text of [
      '区长<span class="name">王建国</span>',
      '<th>周一<br>3月2日</th>',
      '<th>周日<br>3月8日</th>',
      '<li>09:00 主持区人民政府第12次常务会议（区政府三楼会议室）</li>',
      '<li>代行区长职责〔第六条〕</li>',
      '<li>出差（贵阳）</li>',
      '<li>15:00 主持&lt;专题&gt;研究会</li>',
    ])
      assert.ok(html.includes(text), text)
    assert.ok(!html.includes('<专题>'))
    // Signed in only, and as a post-holder: the administrators handle no government business.
    for (const url of ['/api/leader-calendar', '/api/leader-calendar/print']) {
      const anonymous = await server.app.inject({ method: 'GET', url })
      assert.equal(anonymous.statusCode, 401, url)
      const admin = await (await as('systemAdmin')).get(url)
      assert.equal(admin.statusCode, 403, url)
      assert.equal(admin.json().error.code, 'NOT_A_POST_HOLDER')
    }
  })
})

describe('领导活动安排：各地政府领导', () => {
  // Per demo roster: the posts the calendar lists, from the rulebook's governmentLeader group.
  const EXPECTED: Record<string, string[]> = {
    erlianhaote: ['principal', 'executiveDeputy', 'deputy', 'officeDirector', 'headAssistant'],
    muli: ['principal', 'executiveDeputy', 'deputy', 'officeDirector'],
    toksun: ['principal', 'executiveDeputy', 'deputy', 'officeDirector'],
    yanjin: ['principal', 'executiveDeputy', 'deputy', 'officeDirector'],
    zhongshan: ['principal', 'executiveDeputy', 'deputy', 'officeDirector'],
  }
  const rules = createRulesPort(testLibrary())
  for (const roster of DEMO_ROSTERS) {
    const jurisdiction = roster.jurisdiction.id
    it(`${roster.jurisdiction.name}: the leadership of its roster`, () => {
      const roles = leaderRolesOf(rules.rulebook(jurisdiction, '2026-03-02'))
      const present = [...new Set(roster.posts.map((post) => post.role))]
      assert.deepEqual(
        present.filter((role) => roles.includes(role)).sort(),
        [...(EXPECTED[jurisdiction] ?? [])].sort(),
      )
      // Never a department or township head, nor the office's deputies.
      for (const role of ['departmentHead', 'townshipHead', 'deputyOfficeDirector', 'secretariat'])
        assert.ok(!roles.includes(role), `${jurisdiction} ${role}`)
    })
  }
})
