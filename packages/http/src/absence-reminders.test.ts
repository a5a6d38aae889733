import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import {
  ABSENCE_DECISION_REMINDER,
  ABSENCE_RETURN_REMINDER,
  absenceRemindersOf,
  ACTING_GAP_REMINDER,
} from '@zhengling/app'
import { absenceTimerHandlers, runDueJobs, scheduleJobs } from '@zhengling/db'
import { loadLibrary } from '@zhengling/rulebooks'
import { addDays, citationOf } from '@zhengling/rules'
import { createRulesPort } from './rules-port.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 请销假 on the durable timers (issue 15 part 5): 催办 to the approver of a pending request, 未销假
// to the traveller the morning after the last day, 代行空缺 to the government office — each with
// the article, each once, and nothing once the absence no longer calls for it.
const MONDAY = new Date('2026-03-02T02:00:00Z') // 10:00 in Shanghai
const at = (date: string, time = '09:30') => new Date(`${date}T${time}:00+08:00`)
const rules = createRulesPort(loadLibrary())
const JURISDICTION = 'zhongshan'
const server = useDemoServer({ startsAt: MONDAY, jurisdiction: JURISDICTION })

const handlers = absenceTimerHandlers({ now: () => server.clock, rules })
const fire = () => runDueJobs(server.handle.db, { handlers, now: () => server.clock })

const leaveRule = (post: string) => {
  const rule = rules
    .rulebook(JURISDICTION, '2026-03-02')
    ?.rules.find(
      (r) =>
        r.kind === 'leaveApproval' &&
        (r.when?.posts ?? []).includes(post) &&
        !(r.when?.categories ?? []).includes('meetingAbsence'),
    )
  assert.ok(rule, `a leave rule for ${post}`)
  return rule
}

async function post(title: string) {
  const row = await server.handle.db
    .selectFrom('posts')
    .innerJoin('post_holdings', 'post_holdings.post_id', 'posts.id')
    .select(['posts.id', 'post_holdings.person_id'])
    .where('posts.jurisdiction_id', '=', JURISDICTION)
    .where('posts.title', '=', title)
    .executeTakeFirstOrThrow()
  return { postId: row.id, personId: row.person_id }
}

/** An absence as H2's acts store it, with the timers the act writes in its transaction. */
async function absence(options: {
  title: string
  rulePost: string
  status: 'pending' | 'approved' | 'filed'
  from: string
  to: string
  approverTitle?: string
}) {
  const id = randomUUID()
  const away = await post(options.title)
  const approver = options.approverTitle ? await post(options.approverTitle) : undefined
  const filedAt = server.clock.toISOString()
  await server.handle.db
    .insertInto('absences')
    .values({
      id,
      jurisdiction_id: JURISDICTION,
      person_id: away.personId,
      post_id: away.postId,
      category: 'businessTrip',
      from_date: options.from,
      to_date: options.to,
      days: 1,
      destination: '贵阳市',
      reason: '参加会议',
      contact: '13800000000',
      mode: 'approval',
      status: options.status,
      approver_post_id: approver?.postId ?? null,
      approver_post_ids: approver ? [approver.postId] : [],
      filed_at: filedAt,
      rule_ids: [leaveRule(options.rulePost).id],
      stand_in_post_id: null,
      latest_filing: null,
      conflict: null,
      opinion: null,
      returned_on: null,
      return_report: null,
      decided_at: null,
      decided_by_post_id: null,
      created_at: filedAt,
      updated_at: filedAt,
    })
    .execute()
  await scheduleJobs(
    server.handle.db,
    absenceRemindersOf({
      id,
      jurisdictionId: JURISDICTION,
      status: options.status,
      mode: 'approval',
      fromDate: options.from,
      toDate: options.to,
      at: filedAt,
    }),
  )
  return { id, ...away, approverPostId: approver?.postId }
}

const messages = (id: string) =>
  server.handle.db
    .selectFrom('notifications')
    .select([
      'kind',
      'title',
      'body',
      'recipient_post_id',
      'recipient_person_id',
      'recipient_department_id',
    ])
    .where('link', '=', `/absences/${id}`)
    .orderBy('seq')
    .execute()

const setStatus = (id: string, set: { status?: 'approved' | 'returned'; returned_on?: string }) =>
  server.handle.db.updateTable('absences').set(set).where('id', '=', id).execute()

describe('reminders of 请销假 on the durable timers', () => {
  it('remind the approver of a pending request, with the article, until it is decided', async () => {
    server.clock = MONDAY
    const request = await absence({
      title: '副区长（教育）',
      rulePost: 'deputy',
      status: 'pending',
      from: '2026-03-10',
      to: '2026-03-12',
      approverTitle: '区长',
    })
    // Monday: nothing yet. Tuesday morning: 催办 to the approver's post.
    await fire()
    assert.deepEqual(await messages(request.id), [])
    server.clock = at('2026-03-03')
    await fire()
    const [reminder, ...more] = await messages(request.id)
    assert.equal(more.length, 0)
    assert.equal(reminder?.kind, 'remind')
    assert.equal(reminder?.recipient_post_id, request.approverPostId)
    assert.match(
      reminder?.title ?? '',
      /^催办：.+（副区长（教育））出差 2026-03-10至2026-03-12的申请待审批$/,
    )
    assert.match(reminder?.body ?? '', /^依据：.*七十四/)
    // Decided before the eve of departure: the second timer finds nothing to do.
    await setStatus(request.id, { status: 'approved' })
    server.clock = at('2026-03-09')
    await fire()
    assert.equal((await messages(request.id)).length, 1)
  })

  it('remind the traveller of an unfiled 销假 the morning after the last day, not once returned', async () => {
    server.clock = MONDAY
    const trip = await absence({
      title: '区教育局局长',
      rulePost: 'departmentHead',
      status: 'approved',
      from: '2026-03-03',
      to: '2026-03-05',
    })
    const returned = await absence({
      title: '区财政局局长',
      rulePost: 'departmentHead',
      status: 'approved',
      from: '2026-03-03',
      to: '2026-03-05',
    })
    await setStatus(returned.id, { status: 'returned', returned_on: '2026-03-05' })
    // The last day itself: not yet.
    server.clock = at('2026-03-05', '20:00')
    await fire()
    assert.deepEqual(await messages(trip.id), [])
    server.clock = at('2026-03-06')
    await fire()
    const [overdue, ...more] = await messages(trip.id)
    assert.equal(more.length, 0)
    assert.equal(overdue?.kind, 'overdue')
    assert.equal(overdue?.recipient_person_id, trip.personId)
    assert.match(overdue?.title ?? '', /^未销假：.+已于 2026-03-05 结束，请及时销假/)
    const article = citationOf(leaveRule('departmentHead')).article
    assert.ok(overdue?.body.includes(article), overdue?.body)
    assert.deepEqual(await messages(returned.id), [])
    // A second run sends nothing twice.
    await fire()
    assert.equal((await messages(trip.id)).length, 1)
  })

  it('tell the government office once of the days nobody can act for the head, citing 第六条', async () => {
    server.clock = MONDAY
    // 区长 away 16–18, 常务副区长 17–19: on the 17th and 18th nobody the article names can act
    // (第六条: the deputy the 区长 designates); a deputy's own trip leaves no gap.
    await absence({
      title: '区长',
      rulePost: 'deputy',
      status: 'approved',
      from: '2026-03-16',
      to: '2026-03-18',
    })
    await absence({
      title: '常务副区长',
      rulePost: 'executiveDeputy',
      status: 'approved',
      from: '2026-03-17',
      to: addDays('2026-03-17', 2),
    })
    const covered = await absence({
      title: '副区长（城建）',
      rulePost: 'deputy',
      status: 'approved',
      from: '2026-03-09',
      to: '2026-03-11',
    })
    await fire()
    assert.deepEqual(await messages(covered.id), [])
    const office = await server.handle.db
      .selectFrom('departments')
      .select('id')
      .where('jurisdiction_id', '=', JURISDICTION)
      .where('rulebook_post', '=', 'governmentOffice')
      .executeTakeFirstOrThrow()
    const gaps = await server.handle.db
      .selectFrom('notifications')
      .select(['title', 'body', 'recipient_department_id'])
      .where('title', 'like', '代行职责空缺%')
      .execute()
    assert.deepEqual(
      gaps.map((g) => [g.title, g.recipient_department_id]),
      [['代行职责空缺：2026-03-17起 2 天区长无人代行，请明确主持工作的负责人', office.id]],
    )
    assert.match(gaps[0]?.body ?? '', /第六条/)
    // The eve of each departure checks again: the gap is still there, told once that day.
    server.clock = at('2026-03-15')
    await fire()
    server.clock = at('2026-03-16')
    await fire()
    assert.equal(
      (
        await server.handle.db
          .selectFrom('notifications')
          .select('id')
          .where('title', 'like', '代行职责空缺%')
          .execute()
      ).length,
      3,
    )
  })

  it('are registered for the timer worker, every kind', () => {
    for (const kind of [ABSENCE_DECISION_REMINDER, ABSENCE_RETURN_REMINDER, ACTING_GAP_REMINDER])
      assert.equal(typeof handlers[kind], 'function', kind)
  })
})
