import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { sm3Hasher } from '@zhengling/app'
import { type DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { loadLibrary } from '@zhengling/rulebooks'
import { officialCalendarData } from '@zhengling/rules'
import { NOTICE_2026 } from '@zhengling/rules/test-support/holiday-notices'
import type { FastifyInstance } from 'fastify'
import { buildServer } from './build-server.ts'
import { loadActivatedNotices } from './calendar-layers.ts'
import { createRulesPort } from './rules-port.ts'
import { TEST_PASSWORDS } from './test-support/build-test-server.ts'
import { signInResponse } from './test-support/sign-in-as.ts'
import { TEST_SECOND_FACTOR } from './test-support/test-authenticator.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// The year after the last one the calendar package ships: its notice is pasted, read, reviewed
// and activated by the system admin; until then the law's holidays count and the warning says
// only the 调休 is unknown.
const year = Math.max(...officialCalendarData().covers) + 1
const weekday = (date: string) => '日一二三四五六'[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? ''
const day = (month: number, d: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`

/**
 * A notice in the State Council's form for `year`, written for the test (weekdays computed, so
 * it reads whatever the year): 元旦 1–3 January with the first weekend day after as a 调休 working
 * day.
 */
function noticeFor(): { text: string; makeup: string } {
  const first = day(1, 1)
  const makeup = [4, 5, 6, 7, 8, 9, 10]
    .map((d) => day(1, d))
    .find((d) => ['六', '日'].includes(weekday(d)))!
  const text = `国务院办公厅关于${year}年部分节假日安排的通知
一、元旦：${md(first)}（周${weekday(first)}）至3日（周${weekday(day(1, 3))}）放假调休，共3天。${md(makeup)}（周${weekday(makeup)}）上班。
二、国庆节：10月1日（周${weekday(day(10, 1))}）至7日（周${weekday(day(10, 7))}）放假调休，共7天。`
  return { text, makeup }
}

let handle: DatabaseHandle
let app: FastifyInstance
const now = () => new Date(`${year - 1}-12-07T02:00:00Z`)

function server(library = loadLibrary()) {
  return buildServer({
    library,
    sessions: {
      db: handle.db,
      passwords: TEST_PASSWORDS,
      hasher: sm3Hasher,
      now,
      secureCookies: true,
      secondFactor: TEST_SECOND_FACTOR,
    },
  })
}

before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(now()) })
  app = await server()
})
after(async () => {
  await app.close()
  await handle.close()
})

async function signIn(username: string, on = app) {
  // Past the second step: the administrators sign in with TOTP (ADR 0022).
  const response = await signInResponse(on, username)
  assert.equal(response.statusCode, 200, response.body)
  const cookie = response.cookies.find((c) => c.name === 'zl_session')?.value
  const headers = { cookie: `zl_session=${cookie}`, 'x-csrf-token': response.json().csrfToken }
  return (method: 'GET' | 'POST', url: string, payload?: object) =>
    on.inject({ method, url, headers, ...(payload ? { payload } : {}) })
}

/** The 钟山 countersign deadline (3 working days) for a request on `requestedOn`. */
async function countersignDue(requestedOn: string, on = app) {
  const response = await on.inject({
    method: 'POST',
    url: '/api/rulebooks/zhongshan/decisions/countersign-deadline',
    payload: { requestedOn },
  })
  assert.equal(response.statusCode, 200, response.body)
  const body = response.json()
  return {
    due: body.outcome.due as string,
    warnings: body.warnings as { code: string; message: string }[],
  }
}

/** An open document task of 钟山 due on `due`, set now (before the notice). */
async function openTaskDue(due: string) {
  const post = await handle.db
    .selectFrom('posts')
    .select('id')
    .where('jurisdiction_id', '=', 'zhongshan')
    .executeTakeFirstOrThrow()
  const documentId = randomUUID()
  // The columns an incoming document needs; the rest keep their defaults.
  const values = {
    id: documentId,
    jurisdiction_id: 'zhongshan',
    direction: 'incoming' as const,
    kind: '请示',
    title: '关于跨年事项的请示',
    secrecy: 'internal' as const,
    state: 'registered',
    created_at: now().toISOString(),
    updated_at: now().toISOString(),
  }
  await handle.db
    .insertInto('documents')
    .values(values as Parameters<ReturnType<typeof handle.db.insertInto<'documents'>>['values']>[0])
    .execute()
  await handle.db
    .insertInto('document_tasks')
    .values({
      id: randomUUID(),
      document_id: documentId,
      jurisdiction_id: 'zhongshan',
      assignee_post_id: post.id,
      kind: 'instruct',
      due_date: due,
      opened_at: now().toISOString(),
    })
    .execute()
}

describe('next year’s calendar from the State Council notice', () => {
  it('before the notice: 元旦 is off by law, and the warning says only the 调休 is unknown', async () => {
    const { due, warnings } = await countersignDue(`${year - 1}-12-30`)
    const january = [day(1, 2), day(1, 4), day(1, 5), day(1, 6), day(1, 7)]
    assert.ok(due >= day(1, 2), due)
    assert.notEqual(due, day(1, 1))
    assert.ok(january.includes(due))
    assert.equal(warnings[0]?.code, 'CALENDAR_YEAR_MISSING')
    assert.match(warnings[0]?.message ?? '', /法定节假日已按.*计入，仅调休/)
  })

  it('only the system admin reads or activates a notice', async () => {
    for (const username of ['zs-principal', 'securityAdmin', 'auditAdmin']) {
      const as = await signIn(username)
      const read = await as('POST', '/api/admin/calendar/reading', { text: noticeFor().text })
      assert.equal(read.statusCode, 403, `${username}: ${read.body}`)
      assert.equal(read.json().error.code, 'ADMIN_ROLE_REQUIRED')
      const list = await as('GET', '/api/admin/calendar')
      assert.equal(list.statusCode, 403)
    }
  })

  it('refuses an unreadable or mistyped notice line by line, storing nothing', async () => {
    const admin = await signIn('systemAdmin')
    const { text: good, makeup: sunday } = noticeFor()
    const mistyped = good.replace(`（周${weekday(sunday)}）上班`, '（周一）上班')
    for (const text of [
      mistyped,
      '元旦放三天',
      '国务院办公厅关于2027年部分节假日安排的通知\n另行通知',
    ]) {
      const read = await admin('POST', '/api/admin/calendar/reading', { text })
      assert.equal(read.statusCode, 422, read.body)
      assert.equal(read.json().error.code, 'HOLIDAY_NOTICE_UNREADABLE')
      assert.match(read.json().error.message, /[\u4e00-\u9fff]/)
      const activate = await admin('POST', '/api/admin/calendar/notices', { text })
      assert.equal(activate.statusCode, 422)
    }
    const empty = await admin('POST', '/api/admin/calendar/reading', { text: '  ' })
    assert.equal(empty.statusCode, 400)
    const stored = await handle.db.selectFrom('calendar_notices').select('id').execute()
    assert.equal(stored.length, 0)
  })

  it('refuses to activate a year the package already ships', async () => {
    const admin = await signIn('systemAdmin')
    const read = await admin('POST', '/api/admin/calendar/reading', { text: NOTICE_2026 })
    assert.equal(read.statusCode, 200, read.body)
    assert.equal(read.json().yearStatus, 'official')
    const activate = await admin('POST', '/api/admin/calendar/notices', { text: NOTICE_2026 })
    assert.equal(activate.statusCode, 409)
    assert.equal(activate.json().error.code, 'CALENDAR_YEAR_LOADED')
  })

  it('reads, activates with the notice as source (audited), and lists the deadlines to recheck', async () => {
    const admin = await signIn('systemAdmin')
    const { text, makeup } = noticeFor()
    await openTaskDue(day(1, 2))
    await openTaskDue(day(1, 2))
    await openTaskDue(day(3, 1))

    const read = await admin('POST', '/api/admin/calendar/reading', { text })
    assert.equal(read.statusCode, 200, read.body)
    const reading = read.json()
    assert.equal(reading.year, year)
    assert.equal(reading.yearStatus, 'statutory')
    assert.deepEqual(
      reading.days
        .filter((d: { kind: string }) => d.kind === 'makeupWorkday')
        .map((d: { date: string }) => d.date),
      [makeup],
    )
    // The test notice leaves out 春节, 清明, 劳动节, 端午, 中秋: the review points at them.
    assert.ok(reading.statutoryDaysMissing.some((d: { name: string }) => d.name.startsWith('春节')))
    assert.equal(
      (await handle.db.selectFrom('calendar_notices').select('id').execute()).length,
      0,
      'reading stores nothing',
    )

    const activated = await admin('POST', '/api/admin/calendar/notices', { text })
    assert.equal(activated.statusCode, 201, activated.body)
    const { notice, recheck } = activated.json()
    assert.equal(notice.year, year)
    assert.equal(notice.activatedBy, 'systemAdmin')
    assert.deepEqual(
      recheck.map(
        (r: { dueDate: string; count: number; kind: string; now: { workingDay: boolean } }) => [
          r.dueDate,
          r.kind,
          r.count,
          r.now.workingDay,
        ],
      ),
      [
        [day(1, 2), 'documentTask', 2, false],
        [day(3, 1), 'documentTask', 1, weekday(day(3, 1)) !== '日' && weekday(day(3, 1)) !== '六'],
      ],
    )
    const audit = await handle.db
      .selectFrom('audit_records')
      .select(['jurisdiction_id', 'subject', 'details'])
      .where('action', '=', 'calendar.activate')
      .executeTakeFirstOrThrow()
    assert.equal(audit.jurisdiction_id, 'deployment')
    assert.equal(audit.subject, `国务院办公厅关于${year}年部分节假日安排的通知`)

    // The running calendar counts on it: 元旦 through 3 January off, the Sunday a working day,
    // and no warning.
    const { due, warnings } = await countersignDue(`${year - 1}-12-30`)
    assert.deepEqual(warnings, [])
    const expected = [day(1, 4), day(1, 5), day(1, 6), day(1, 7), day(1, 8)].filter(
      (d) => d === makeup || !['六', '日'].includes(weekday(d)),
    )
    assert.equal(due, expected[1])

    const again = await admin('POST', '/api/admin/calendar/notices', { text })
    assert.equal(again.statusCode, 409)
    const list = await admin('GET', '/api/admin/calendar')
    assert.equal(list.statusCode, 200)
    assert.equal(list.json().notices[0].recheck.length, 2)
    assert.ok(
      list
        .json()
        .years.some(
          (y: { year: number; status: string }) => y.year === year && y.status === 'official',
        ),
    )
  })

  it('a server started afterwards counts on the activated notice', async () => {
    const restarted = await server(loadLibrary())
    try {
      const { warnings } = await countersignDue(`${year - 1}-12-30`, restarted)
      assert.deepEqual(warnings, [])
    } finally {
      await restarted.close()
    }
  })

  it('an activated notice is never rewritten', async () => {
    await assert.rejects(
      handle.db.updateTable('calendar_notices').set({ title: '改' }).execute(),
      /kept as activated/,
    )
  })
})

describe('a notice activated through another replica', () => {
  it('joins a running replica’s calendar on its next beat, once', async () => {
    // A replica that loaded its library before the activation above.
    const library = loadLibrary()
    const rules = createRulesPort(library)
    const ask = () => {
      const answer = rules.decide('zhongshan', 'countersign-deadline', {
        requestedOn: `${year - 1}-12-30`,
      })
      assert.ok(answer.ok)
      return answer.result
    }
    assert.equal(ask().warnings[0]?.code, 'CALENDAR_YEAR_MISSING')
    assert.equal(await loadActivatedNotices(handle.db, library), 1)
    assert.deepEqual(ask().warnings, [])
    assert.equal(await loadActivatedNotices(handle.db, library), 0)
  })
})
