import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { dutyLeaderAt, OPINION_STEP_DUE, sm3Hasher } from '@zhengling/app'
import {
  createRepositories,
  type JobHandler,
  opinionTimerHandlers,
  runDueJobs,
  scheduleJobs,
} from '@zhengling/db'
import { loadLibrary } from '@zhengling/rulebooks'
import { createRulesPort } from './rules-port.ts'
import { actStatements, statementList } from './test-support/act-statements.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 政务舆情 (issue 16, H5) on 延津县: 延津 十六 — for opinion on a major incident, authoritative
// information within 5 hours and a press conference within 24, counted from when it was first
// seen, through the night. The duty office records it and names the 卫健委 to respond; the unit
// sees it (others do not); a response on time answers its step; when the press conference's
// deadline passes unanswered the unit, the duty office and the office director are told once;
// the late response is marked late; the office closes it. Every act within ten statements. A
// worker that dies while escalating leaves nothing; the restarted one escalates once.
const at = (local: string) => new Date(`${local}+08:00`)
const server = useDemoServer({ startsAt: at('2026-10-01T23:20:00'), jurisdiction: 'yanjin' })
const rules = createRulesPort(loadLibrary())
const handlers = () => opinionTimerHandlers({ now: () => server.clock, rules, hasher: sm3Hasher })
const fire = (h: Record<string, JobHandler> = handlers(), backoffMs?: () => number) =>
  runDueJobs(server.handle.db, {
    handlers: h,
    now: () => server.clock,
    backoffMs,
    firstKinds: [OPINION_STEP_DUE],
    limit: 50,
  })
const as = (username: string) => signInAs(server.app, username)
const BUDGET = 10

type Step = { act: string; due: string; state: string | null; overdueAt: string | null }
type View = {
  item: {
    id: string
    status: string
    steps: Step[]
    responsibleDepartmentName: string | null
    overdue: boolean
  }
  responses: { stepAct: string; late: boolean; byName: string | null }[]
  citations: { article: string; source: string }[]
  serverNow: string
  canRespond: boolean
  canClose: boolean
}

async function opinionMessages(departmentName: string) {
  const departmentId = await departmentIdOf(server.handle.db, departmentName)
  return server.handle.db
    .selectFrom('notifications')
    .select(['title', 'kind'])
    .where('recipient_department_id', '=', departmentId)
    .where('kind', '=', 'opinion')
    .orderBy('seq')
    .execute()
}

/** A published duty-office shift over the night with the executive deputy as 带班领导 (H2's tables). */
async function leaderOnCallTonight() {
  const db = server.handle.db
  const departmentId = await departmentIdOf(db, '县政府总值班室')
  const leader = await db
    .selectFrom('post_holdings as h')
    .innerJoin('posts as p', 'p.id', 'h.post_id')
    .select(['h.person_id', 'p.id as post_id'])
    .where('p.jurisdiction_id', '=', 'yanjin')
    .where('p.role', '=', 'executiveDeputy')
    .executeTakeFirstOrThrow()
  const unit =
    (await db
      .selectFrom('duty_units')
      .select('id')
      .where('department_id', '=', departmentId)
      .executeTakeFirst()) ??
    (await db
      .insertInto('duty_units')
      .values({
        id: randomUUID(),
        jurisdiction_id: 'yanjin',
        department_id: departmentId,
        shift_pattern: JSON.stringify({}),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow())
  await db
    .insertInto('duty_shifts')
    .values({
      id: randomUUID(),
      jurisdiction_id: 'yanjin',
      duty_unit_id: unit.id,
      starts_at: at('2026-10-02T17:30:00').toISOString(),
      ends_at: at('2026-10-03T08:30:00').toISOString(),
      day_type: 'holiday',
      holiday_name: '国庆节',
      leader_post_id: leader.post_id,
      leader_person_id: leader.person_id,
      status: 'published',
      published_at: at('2026-09-25T10:00:00').toISOString(),
    } as never)
    .execute()
}

describe('政务舆情', () => {
  it('records, shows to whom it concerns, answers, escalates once, and closes', async () => {
    let duty = await as('yj-dutyOfficer-1')
    let health = await as('yj-departmentHead-health')
    const finance = await as('yj-departmentHead-finance')
    const township = await as('yj-townshipHead-dongtun')

    // The categories and their deadlines, with the article.
    const options = (await duty.get('/api/opinions/options')).json()
    const major = options.categories.find((c: { code: string }) => c.code === 'majorIncident')
    assert.deepEqual(
      major.steps.map((s: { act: string }) => s.act),
      ['authoritativeRelease', 'pressConference'],
    )
    assert.ok(options.citations.some((c: { article: string }) => /十六/.test(c.article)))

    const healthUnit = await departmentIdOf(server.handle.db, '县卫生健康委员会')
    const body = {
      category: 'majorIncident',
      title: '网传某医院发生群体性食物中毒',
      summary: '短视频平台出现多条相关视频，转发量上升',
      source: '短视频平台',
      sourceUrl: 'https://video.example.com/v/123',
      surfacedAt: '2026-10-01T22:40:00+08:00',
      responsibleDepartmentId: healthUnit,
    }
    // Only the duty office, the government office or a leader records an item.
    const refused = await township.post('/api/opinions', body)
    assert.equal(refused.statusCode, 403, refused.body)
    assert.equal(refused.json().error.code, 'OPINION_NOT_PERMITTED')
    // A category the rulebook does not have, and a time not yet come, are refused in Chinese.
    const unknown = await duty.post('/api/opinions', { ...body, category: 'noSuchCategory' })
    assert.equal(unknown.statusCode, 422, unknown.body)
    assert.match(unknown.json().error.message, /[\u4e00-\u9fa5]/)
    const future = await duty.post('/api/opinions', {
      ...body,
      surfacedAt: '2026-10-02T08:00:00+08:00',
    })
    assert.equal(future.statusCode, 422, future.body)
    assert.equal(future.json().error.code, 'OPINION_TIME_IN_FUTURE')

    let view: View | undefined
    const measure = async (
      name: string,
      send: () => Promise<{ statusCode: number; body: string }>,
    ) => {
      const { inAct } = await actStatements(server.handle.db, async () => {
        const response = await send()
        assert.ok(response.statusCode < 300, `${name}: ${response.body}`)
        view = JSON.parse(response.body)
        return response
      })
      assert.ok(inAct.length <= BUDGET, statementList(name, inAct, BUDGET))
    }
    await measure('record', () => duty.post('/api/opinions', body))
    const id = view!.item.id
    // 5 and 24 hours from 22:40 on 1 October, through the night (instants, Beijing time).
    assert.deepEqual(
      view!.item.steps.map((s) => [s.act, s.due, s.state]),
      [
        ['authoritativeRelease', at('2026-10-02T03:40:00').toISOString(), 'open'],
        ['pressConference', at('2026-10-02T22:40:00').toISOString(), 'open'],
      ],
    )
    assert.ok(view!.citations.some((c) => /十六/.test(c.article) && /延津/.test(c.source)))
    assert.equal(view!.item.responsibleDepartmentName, '县卫生健康委员会')
    assert.equal(view!.serverNow, server.clock.toISOString())
    assert.equal(view!.canClose, true)

    // The responsible unit sees it and was told; another unit neither sees nor finds it.
    const healthList = (await health.get('/api/opinions')).json()
    assert.deepEqual(
      healthList.items.map((i: { id: string }) => i.id),
      [id],
    )
    assert.equal(healthList.canRecord, false)
    assert.deepEqual((await finance.get('/api/opinions')).json().items, [])
    const hidden = await finance.get(`/api/opinions/${id}`)
    assert.equal(hidden.statusCode, 404)
    assert.equal(hidden.json().error.code, 'OPINION_NOT_FOUND')
    assert.equal((await opinionMessages('县卫生健康委员会')).length, 1)
    const feed = await server.handle.db
      .selectFrom('duty_events')
      .select(['type', 'subject'])
      .where('subject_id', '=', id)
      .execute()
    assert.deepEqual(feed, [{ type: 'opinion', subject: 'opinion' }])

    // 02:10: the authoritative information is published on time.
    server.clock = at('2026-10-02T02:10:00')
    // Sessions time out while nobody works: sign in again.
    duty = await as('yj-dutyOfficer-1')
    health = await as('yj-departmentHead-health')
    assert.equal(await fire(), 0)
    await measure('respond (on time)', () =>
      health.post(`/api/opinions/${id}/responses`, {
        stepAct: 'authoritativeRelease',
        publishedAt: '2026-10-02T02:00:00+08:00',
        channel: '县政府门户网站',
        body: '经核查，相关情况如下……',
      }),
    )
    assert.deepEqual(
      view!.item.steps.map((s) => s.state),
      ['done', 'open'],
    )
    assert.equal(view!.item.status, 'open')

    // 22:41 the next day: the press conference is overdue; the timer escalates once.
    await leaderOnCallTonight()
    server.clock = at('2026-10-02T22:41:00')
    // Sessions time out while nobody works: sign in again.
    duty = await as('yj-dutyOfficer-1')
    health = await as('yj-departmentHead-health')
    assert.equal(await fire(), 2, 'both step timers ran (the answered one does nothing)')
    assert.equal(await fire(), 0)
    const overdue = (await duty.get(`/api/opinions/${id}`)).json() as View
    assert.equal(overdue.item.overdue, true)
    assert.equal(overdue.item.steps[1]!.state, 'overdue')
    assert.equal(overdue.item.steps[1]!.overdueAt, server.clock.toISOString())
    // The duty board lists it, overdue, for the office and for the unit; not for another unit.
    for (const reader of [duty, health]) {
      const board = (await reader.get('/api/duty/board')).json()
      assert.deepEqual(
        board.opinions.map((o: { id: string; overdue: boolean }) => [o.id, o.overdue]),
        [[id, true]],
      )
    }
    assert.deepEqual(
      (await (await as('yj-departmentHead-finance')).get('/api/duty/board')).json().opinions,
      [],
    )
    const told = await opinionMessages('县卫生健康委员会')
    assert.equal(told.length, 2)
    assert.match(told[1]!.title, /^舆情回应超时：.*举行新闻发布会应于10-02 22:40前完成/)
    assert.equal((await opinionMessages('县政府总值班室')).length, 1)
    const director = await server.handle.db
      .selectFrom('notifications as n')
      .innerJoin('posts as p', 'p.id', 'n.recipient_post_id')
      .select('n.title')
      .where('p.role', '=', 'officeDirector')
      .where('p.jurisdiction_id', '=', 'yanjin')
      .where('n.kind', '=', 'opinion')
      .execute()
    assert.equal(director.length, 1)
    // The 带班领导 on call at that instant (a published duty-office shift: H2's roster) is told once.
    const leader = await dutyLeaderAt(
      createRepositories(server.handle.db),
      'yanjin',
      server.clock.toISOString(),
    )
    assert.ok(leader, 'a leader on call tonight')
    const toLeader = await server.handle.db
      .selectFrom('notifications')
      .select('title')
      .where('recipient_person_id', '=', leader.personId)
      .where('kind', '=', 'opinion')
      .execute()
    assert.equal(toLeader.length, 1)
    assert.deepEqual(
      (
        await server.handle.db
          .selectFrom('duty_events')
          .select('type')
          .where('subject_id', '=', id)
          .orderBy('id')
          .execute()
      ).map((e) => e.type),
      ['opinion', 'report', 'overdue'],
    )

    // The press conference held late: answered late, the item 已回应.
    server.clock = at('2026-10-03T10:00:00')
    // Sessions time out while nobody works: sign in again.
    duty = await as('yj-dutyOfficer-1')
    health = await as('yj-departmentHead-health')
    await measure('respond (late)', () =>
      health.post(`/api/opinions/${id}/responses`, {
        publishedAt: '2026-10-03T09:30:00+08:00',
        channel: '新闻发布会',
        body: '县政府召开新闻发布会通报情况',
      }),
    )
    assert.deepEqual(
      view!.responses.map((r) => [r.stepAct, r.late]),
      [
        ['authoritativeRelease', false],
        ['pressConference', true],
      ],
    )
    assert.equal(view!.item.status, 'responded')
    assert.equal(view!.canRespond, false)

    // Only the office closes; after that no response is taken.
    const notYours = await health.post(`/api/opinions/${id}/close`, {})
    assert.equal(notYours.statusCode, 403)
    await measure('close', () => duty.post(`/api/opinions/${id}/close`, { note: '舆情平息' }))
    assert.equal(view!.item.status, 'closed')
    assert.deepEqual((await duty.get('/api/duty/board')).json().opinions, [])
    const closed = await health.post(`/api/opinions/${id}/responses`, {
      publishedAt: '2026-10-03T09:40:00+08:00',
      channel: '政务微博',
      body: '补充说明',
    })
    assert.equal(closed.statusCode, 403)
    assert.equal(closed.json().error.code, 'OPINION_CLOSED')
    const audit = await server.handle.db
      .selectFrom('audit_records')
      .select('action')
      .where('subject', '=', id)
      .orderBy('id')
      .execute()
    assert.deepEqual(
      audit.map((a) => a.action),
      ['opinion.record', 'opinion.respond', 'opinion.overdue', 'opinion.respond', 'opinion.close'],
    )
  })

  it('a restart while escalating neither loses nor repeats the escalation', async () => {
    server.clock = at('2026-10-04T09:00:00')
    const duty = await as('yj-dutyOfficer-1')
    const created = await duty.post('/api/opinions', {
      category: 'majorIncident',
      title: '网传某乡镇发生山火',
      source: '微博',
      surfacedAt: '2026-10-04T08:50:00+08:00',
      responsibleDepartmentId: await departmentIdOf(server.handle.db, '县农业农村局'),
    })
    assert.equal(created.statusCode, 201, created.body)
    const { id, steps } = (created.json() as View).item
    const timers = async () =>
      (
        await server.handle.db
          .selectFrom('jobs')
          .select(['dedupe_key', 'state', 'attempts'])
          .where('dedupe_key', 'like', `opinion:${id}:%`)
          .orderBy('dedupe_key')
          .execute()
      ).map((j) => `${String(j.dedupe_key).split(':')[2]} ${j.state} ${j.attempts}`)
    const told = () => opinionMessages('县农业农村局')

    // The process dies while escalating the first step (after the handler's writes, before commit).
    server.clock = at('2026-10-04T13:51:00')
    const dying = Object.fromEntries(
      Object.entries(handlers()).map(([kind, handler]) => [
        kind,
        (async (job, trx) => {
          await handler(job, trx)
          throw new Error('进程在提交前退出')
        }) satisfies JobHandler,
      ]),
    )
    await fire(dying, () => 1)
    assert.equal((await told()).length, 1, 'only the message of the recording')
    assert.deepEqual(await timers(), [
      'authoritativeRelease pending 1',
      'pressConference pending 0',
    ])

    // The restarted worker, a second later, escalates once; another restart repeats nothing.
    server.clock = at('2026-10-04T13:51:01')
    await fire()
    assert.equal((await told()).length, 2)
    assert.deepEqual(await timers(), ['authoritativeRelease done 2', 'pressConference pending 0'])
    await scheduleJobs(server.handle.db, [
      {
        kind: OPINION_STEP_DUE,
        runAt: steps[0]!.due,
        jurisdictionId: 'yanjin',
        payload: { itemId: id, act: 'authoritativeRelease' },
        dedupeKey: `opinion:${id}:authoritativeRelease:due`,
      },
    ])
    await fire()
    assert.equal((await told()).length, 2)
    const view = (await (await as('yj-dutyOfficer-1')).get(`/api/opinions/${id}`)).json() as View
    assert.deepEqual(
      view.item.steps.map((s) => [s.state, s.overdueAt]),
      [
        ['overdue', at('2026-10-04T13:51:01').toISOString()],
        ['open', null],
      ],
    )
  })
})
