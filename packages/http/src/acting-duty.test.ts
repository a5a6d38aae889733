import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { actingGaps, previewActingDuty, recomputeActingDuty } from '@zhengling/app'
import {
  countStatements,
  createInTransaction,
  createRepositories,
  type Database,
} from '@zhengling/db'
import type { Kysely } from 'kysely'
import { createRulesPort } from './rules-port.ts'
import { actStatements, statementList } from './test-support/act-statements.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { openTaskHolders } from './test-support/task-holders.ts'
import { type DemoServer, useDemoServer } from './test-support/use-demo-server.ts'

// Acting duty the whole product follows (issue 15, H3): computed from approved absences and the
// acting rules, and every act done in the acting post says so with its article. The seed's own
// acting week (钟山, from the seed day) is over by the days these tests use.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const at = (date: string) => new Date(`${date}T01:00:00Z`)

interface HeldPost {
  postId: string
  title: string
  actingFor: { postId: string; title: string; note?: string | null } | null
}

/**
 * An absence in force (approved) as 请销假 writes it, then acting duty recomputed over its days
 * in one transaction, as the absence acts do (contract C4).
 */
async function away(
  server: DemoServer,
  jurisdictionId: string,
  absence: {
    post: string
    from: string
    to: string
    category?: string
    standIn?: string
    status?: 'approved' | 'filed' | 'returned' | 'pending'
    returnedOn?: string
  },
) {
  const db = server.handle.db as Kysely<Database>
  const postId = await postIdOf(db, absence.post)
  const holder = await db
    .selectFrom('post_holdings')
    .select('person_id')
    .where('post_id', '=', postId)
    .executeTakeFirstOrThrow()
  const now = new Date().toISOString()
  await db
    .insertInto('absences')
    .values({
      id: randomUUID(),
      jurisdiction_id: jurisdictionId,
      person_id: holder.person_id,
      post_id: postId,
      category: absence.category ?? 'businessTrip',
      from_date: absence.from,
      to_date: absence.to,
      days: 1,
      destination: '北京',
      reason: '参加会议',
      contact: '13800000000',
      stand_in_post_id: absence.standIn ? await postIdOf(db, absence.standIn) : null,
      mode: 'approval',
      status: absence.status ?? 'approved',
      filed_at: now,
      returned_on: absence.returnedOn ?? null,
      created_at: now,
      updated_at: now,
    } as never)
    .execute()
  await createInTransaction(db)((r) =>
    recomputeActingDuty(
      r,
      createRulesPort(testLibrary()),
      jurisdictionId,
      absence.from,
      absence.to,
    ),
  )
}

/** The posts a person may act in on the server's day, with the acting notes. */
async function postsOf(server: DemoServer, username: string): Promise<HeldPost[]> {
  return (await signInAs(server.app, username)).me.posts
}

interface DutyDay {
  date: string
  assignments: {
    postTitle: string
    actingPostTitle: string
    actingHolders: string[]
    source: string
    note: string
    citations: { article: string }[]
  }[]
  gaps: { postTitle: string; summary: string; citations: { article: string }[] }[]
}

/** Who acts for `title` each day (a gap shows as 'GAP'; nobody as '—'). */
function actingByDay(days: DutyDay[], title: string): Record<string, string> {
  return Object.fromEntries(
    days.map((day) => {
      const assignment = day.assignments.find((a) => a.postTitle === title)
      const gap = day.gaps.find((g) => g.postTitle === title)
      return [day.date, assignment ? assignment.actingPostTitle : gap ? 'GAP' : '—']
    }),
  )
}

describe('acting duty in 钟山区 (第六条)', () => {
  const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'zhongshan' })
  const as = (username: string) => signInAs(server.app, username)

  it('the head and the executive deputy away: a gap until the office designates, then the designated deputy signs the head’s document, saying so with 第六条', async () => {
    // A 钟府发 document reviewed up to the head's 签发 (第三十二条), while everyone is in.
    server.clock = at('2026-03-09')
    const bureau = await as('zs-departmentHead-9')
    const drafted = await bureau.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: '关于开展防汛安全检查的通知',
      body: '各有关单位：……',
      mainRecipients: ['各乡（镇、街道）'],
      secrecy: '公开',
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const id = drafted.json().document.id
    for (const username of ['zs-departmentHead-9', 'zs-officeDirector', 'zs-executiveDeputy']) {
      const reviewed = await (
        await as(username)
      ).post(`/api/documents/${id}/review`, {
        opinion: '同意',
      })
      assert.equal(reviewed.statusCode, 200, `${username}: ${reviewed.body}`)
    }

    // The head on a trip 16–20 March, the executive deputy 16–18 March (因公出区).
    await away(server, 'zhongshan', { post: '区长', from: '2026-03-16', to: '2026-03-20' })
    await away(server, 'zhongshan', { post: '常务副区长', from: '2026-03-16', to: '2026-03-18' })
    server.clock = at('2026-03-16')
    const office = await as('zs-officeDirector')
    const before = await office.get('/api/acting-duty?from=2026-03-15&to=2026-03-21')
    assert.equal(before.statusCode, 200, before.body)
    assert.deepEqual(actingByDay(before.json().days, '区长'), {
      '2026-03-15': '—',
      '2026-03-16': 'GAP',
      '2026-03-17': 'GAP',
      '2026-03-18': 'GAP',
      '2026-03-19': '常务副区长',
      '2026-03-20': '常务副区长',
      '2026-03-21': '—',
    })
    const gap = before.json().days[1].gaps[0]
    assert.deepEqual(
      gap.citations.map((c: { article: string }) => c.article),
      ['第六条'],
    )
    assert.match(gap.summary, /须由办公室明确/)
    const rule = before.json().days[4].assignments[0]
    assert.equal(rule.note, '代行区长职责 — 第六条')
    assert.deepEqual(rule.actingHolders, ['李红梅'])
    assert.equal(before.json().canDesignate, true)
    assert.ok(
      before.json().designable.some((d: { postTitle: string }) => d.postTitle === '区长'),
      '第六条 leaves the deputy to the head (受区长委托)',
    )

    // Nobody acts on the gap days: the head's post is nobody's to act in yet.
    assert.ok(!(await postsOf(server, 'zs-deputy-2')).some((p) => p.title === '区长'))

    // Only the office director designates; the office director does, with a reason (audited).
    const deputy2 = await postIdOf(server.handle.db, '副区长（教育）')
    const head = await postIdOf(server.handle.db, '区长')
    const designation = {
      postId: head,
      actingPostId: deputy2,
      from: '2026-03-16',
      to: '2026-03-18',
      reason: '区长委托副区长（教育）主持工作',
    }
    const refused = await (await as('zs-deputy-3')).post('/api/acting-designations', designation)
    assert.equal(refused.statusCode, 403, refused.body)
    assert.equal(refused.json().error.code, 'NOT_OFFICE_DIRECTOR')
    const designated = await office.post('/api/acting-designations', designation)
    assert.equal(designated.statusCode, 201, designated.body)
    const audit = await server.handle.db
      .selectFrom('audit_records')
      .select(['rule_ids', 'actor_post_id'])
      .where('action', '=', 'acting.designate')
      .executeTakeFirstOrThrow()
    assert.deepEqual(audit.rule_ids, ['zhongshan.acting.principal'])
    const after = (await office.get('/api/acting-duty?from=2026-03-16&to=2026-03-19')).json()
    assert.deepEqual(actingByDay(after.days, '区长'), {
      '2026-03-16': '副区长（教育）',
      '2026-03-17': '副区长（教育）',
      '2026-03-18': '副区长（教育）',
      '2026-03-19': '常务副区长',
    })
    assert.equal(after.days[0].assignments[0].source, 'designation')
    assert.equal(after.designations.length, 1)
    // The organisation chart's acting table shows the computed rows with their source and note.
    const chart = (
      await office.get('/api/jurisdictions/zhongshan/organisation?on=2026-03-16')
    ).json()
    const rows = chart.actingAssignments.filter(
      (a: { from: string }) => a.from >= '2026-03-16' && a.from <= '2026-03-20',
    )
    assert.deepEqual(
      rows
        .map(
          (a: {
            actingPostTitle: string
            from: string
            to: string
            source: string
            note: string
          }) => [a.actingPostTitle, a.from, a.to, a.source, a.note],
        )
        .sort(),
      [
        ['副区长（教育）', '2026-03-16', '2026-03-18', 'designation', '代行区长职责 — 第六条'],
        ['常务副区长', '2026-03-19', '2026-03-20', 'rule', '代行区长职责 — 第六条'],
      ],
    )

    // 当前办理 on the document's page: the head, away, and who acts with the article.
    const waiting = (await (await as('zs-officeDirector')).get(`/api/documents/${id}`)).json()
      .holders
    const signing = waiting.find((h: { kind: string }) => h.kind === 'sign')
    assert.deepEqual(signing.holders, ['王建国'])
    assert.deepEqual(signing.acting, {
      postId: deputy2,
      title: '副区长（教育）',
      holders: ['张志强'],
      note: '代行区长职责 — 第六条',
    })

    // The designated deputy acts in the head's post: the head's 签发 waits in that workbench.
    const acting = await as('zs-deputy-2')
    const headPost = (acting.me.posts as HeldPost[]).find((p) => p.title === '区长')
    assert.ok(headPost, 'the designated deputy may act in the head’s post today')
    assert.equal(headPost.actingFor?.note, '代行区长职责 — 第六条')
    assert.equal(
      (await acting.put('/api/session/post', { postId: headPost.postId })).statusCode,
      200,
    )
    const work = (await acting.get('/api/workbench')).json().items as {
      target: { id: string }
      kind: string
    }[]
    assert.ok(
      work.some((row) => row.target.id === id),
      `the head's 签发 shows to the acting deputy: ${JSON.stringify(work)}`,
    )
    const signed = await acting.post(`/api/documents/${id}/sign`, { opinion: '同意印发' })
    assert.equal(signed.statusCode, 200, signed.body)
    assert.equal(signed.json().document.state, 'signed')
    const entry = signed.json().events.at(-1)
    assert.equal(entry.actor, '张志强（副区长（教育），代行区长职责 — 第六条）')
    assert.equal(entry.details.acting.note, '代行区长职责 — 第六条')
    assert.ok(entry.ruleIds.includes('zhongshan.acting.principal'))
    // The page reads the same history afresh.
    const page = (await acting.get(`/api/documents/${id}`)).json()
    assert.equal(page.events.at(-1).actor, '张志强（副区长（教育），代行区长职责 — 第六条）')
    const signAudit = await server.handle.db
      .selectFrom('audit_records')
      .select(['rule_ids', 'details'])
      .where('action', '=', 'document.sign')
      .where('subject', '=', id)
      .executeTakeFirstOrThrow()
    assert.ok(signAudit.rule_ids.includes('zhongshan.acting.principal'))
    assert.equal(
      (signAudit.details as { acting?: { note: string } }).acting?.note,
      '代行区长职责 — 第六条',
    )

    // 19 March: the executive deputy is back and acts; the designated deputy no longer does.
    server.clock = at('2026-03-19')
    const executive = (await postsOf(server, 'zs-executiveDeputy')).find((p) => p.title === '区长')
    assert.equal(executive?.actingFor?.note, '代行区长职责 — 第六条')
    assert.ok(!(await postsOf(server, 'zs-deputy-2')).some((p) => p.title === '区长'))
    // 21 March: the head is back; nobody acts for the head.
    server.clock = at('2026-03-21')
    assert.ok(!(await postsOf(server, 'zs-executiveDeputy')).some((p) => p.title === '区长'))
  })

  it('a vacation is not 因公出区 (第六条): nobody acts by the rule; a withdrawn designation reopens the gap', async () => {
    await away(server, 'zhongshan', {
      post: '区长',
      from: '2026-04-06',
      to: '2026-04-07',
      category: 'vacation',
    })
    server.clock = at('2026-04-06')
    const office = await as('zs-officeDirector')
    const days = (await office.get('/api/acting-duty?from=2026-04-06&to=2026-04-07')).json().days
    assert.deepEqual(actingByDay(days, '区长'), { '2026-04-06': '—', '2026-04-07': '—' })
    assert.ok(!(await postsOf(server, 'zs-executiveDeputy')).some((p) => p.title === '区长'))

    // Both away on a trip, designated, then the designation withdrawn: the gap is back.
    await away(server, 'zhongshan', { post: '区长', from: '2026-04-13', to: '2026-04-14' })
    await away(server, 'zhongshan', { post: '常务副区长', from: '2026-04-13', to: '2026-04-14' })
    const designated = await office.post('/api/acting-designations', {
      postId: await postIdOf(server.handle.db, '区长'),
      actingPostId: await postIdOf(server.handle.db, '副区长（城建）'),
      from: '2026-04-13',
      to: '2026-04-14',
      reason: '区长委托',
    })
    assert.equal(designated.statusCode, 201, designated.body)
    const withdrawn = await server.app.inject({
      method: 'DELETE',
      url: `/api/acting-designations/${designated.json().id}`,
      headers: office.headers,
    })
    assert.equal(withdrawn.statusCode, 200, withdrawn.body)
    const gap = (await office.get('/api/acting-duty?from=2026-04-13&to=2026-04-13')).json()
    assert.deepEqual(actingByDay(gap.days, '区长'), { '2026-04-13': 'GAP' })
    assert.deepEqual(gap.designations, [])
    server.clock = at('2026-04-13')
    assert.ok(!(await postsOf(server, 'zs-deputy-3')).some((p) => p.title === '区长'))
  })

  it('the head away: the executive deputy approves the agenda of the meeting the head presides, as acting head with 第六条', async () => {
    server.clock = at('2026-04-15')
    const scheduled = await (
      await as('zs-secretariat')
    ).post('/api/meetings', {
      meetingType: 'standing',
      startsAt: '2026-04-23T09:00:00+08:00',
      location: '区政府三楼会议室',
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    const meeting = scheduled.json().meeting
    const item = await (
      await as('zs-departmentHead-10')
    ).post(`/api/meetings/${meeting.id}/items`, {
      title: '关于新建第三实验小学的议题',
      completed: [{ code: 'investigation' }, { code: 'feasibilityAssessment' }],
    })
    assert.equal(item.json().gate.admitted, true, item.body)

    await away(server, 'zhongshan', { post: '区长', from: '2026-04-20', to: '2026-04-21' })
    server.clock = at('2026-04-20')
    const executive = await as('zs-executiveDeputy')
    // In his own post the executive deputy may not approve (第四十五条: the head does).
    const own = await executive.post(`/api/meetings/${meeting.id}/agenda/approve`, {
      itemIds: [item.json().item.id],
    })
    assert.equal(own.statusCode, 422, own.body)
    const head = (executive.me.posts as HeldPost[]).find((p) => p.title === '区长')
    assert.equal(head?.actingFor?.note, '代行区长职责 — 第六条')
    await executive.put('/api/session/post', { postId: head?.postId })
    const approved = await executive.post(`/api/meetings/${meeting.id}/agenda/approve`, {
      itemIds: [item.json().item.id],
    })
    assert.equal(approved.statusCode, 200, approved.body)
    assert.equal(approved.json().meeting.state, 'agendaApproved')
    const entry = await server.handle.db
      .selectFrom('meeting_events')
      .select(['rule_ids', 'details'])
      .where('meeting_id', '=', meeting.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    assert.equal(
      (entry.details as { acting?: { note: string } }).acting?.note,
      '代行区长职责 — 第六条',
    )
    assert.ok(entry.rule_ids.includes('zhongshan.acting.principal'))
    const audit = await server.handle.db
      .selectFrom('audit_records')
      .select(['details'])
      .where('subject', '=', meeting.id)
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow()
    assert.equal(
      (audit.details as { acting?: { note: string } }).acting?.note,
      '代行区长职责 — 第六条',
    )
    // 22 April: the head is back and the executive deputy no longer holds the head's post.
    server.clock = at('2026-04-22')
    assert.ok(!(await postsOf(server, 'zs-executiveDeputy')).some((p) => p.title === '区长'))
  })

  it('previews who would act before a request is approved, and lists the gaps the office must fill', async () => {
    await away(server, 'zhongshan', { post: '常务副区长', from: '2026-06-02', to: '2026-06-03' })
    const r = createRepositories(server.handle.db)
    const rules = createRulesPort(testLibrary())
    const head = await postIdOf(server.handle.db, '区长')
    const preview = await previewActingDuty(r, rules, 'zhongshan', {
      postId: head,
      from: '2026-06-01',
      to: '2026-06-04',
      category: 'businessTrip',
    })
    assert.deepEqual(
      preview.map((line) => [line.from, line.to, line.postTitle, line.actingPostTitle, line.note]),
      [
        ['2026-06-01', '2026-06-01', '区长', '常务副区长', '代行区长职责 — 第六条'],
        ['2026-06-02', '2026-06-03', '区长', null, preview[1]?.note],
        ['2026-06-04', '2026-06-04', '区长', '常务副区长', '代行区长职责 — 第六条'],
      ],
    )
    assert.match(preview[1]?.note ?? '', /须由办公室明确/)
    assert.deepEqual(preview[0]?.actingHolders, ['李红梅'])
    // A vacation is not 因公出区: nobody would act by 第六条.
    assert.deepEqual(
      await previewActingDuty(r, rules, 'zhongshan', {
        postId: head,
        from: '2026-06-01',
        to: '2026-06-01',
        category: 'vacation',
      }),
      [],
    )
    // Nothing stored by a preview; once approved, the gap days are what the reminder reads.
    assert.deepEqual(await actingGaps(r, rules, 'zhongshan', '2026-06-01', '2026-06-04'), [])
    await away(server, 'zhongshan', { post: '区长', from: '2026-06-01', to: '2026-06-04' })
    const gaps = await actingGaps(r, rules, 'zhongshan', '2026-06-01', '2026-06-04')
    assert.deepEqual(
      gaps.map((gap) => [gap.date, gap.postTitle, gap.citations.map((c) => c.article)]),
      [
        ['2026-06-02', '区长', ['第六条']],
        ['2026-06-03', '区长', ['第六条']],
      ],
    )
  })

  it('a recompute over some days keeps the computed rows’ parts outside them; roster rows stay', async () => {
    const db = server.handle.db as Kysely<Database>
    const head = await postIdOf(db, '区长')
    const rows = async () =>
      (
        await db
          .selectFrom('acting_assignments')
          .innerJoin('posts', 'posts.id', 'acting_assignments.acting_post_id')
          .select(['posts.title', 'from_date', 'to_date', 'source'])
          .where('post_id', '=', head)
          .where('from_date', '>=', '2026-07-01')
          .orderBy('from_date')
          .execute()
      ).map((row) => [row.title, row.from_date, row.to_date, row.source])
    const rosterRows = () =>
      db
        .selectFrom('acting_assignments')
        .select(['post_id', 'acting_post_id', 'from_date', 'to_date'])
        .where('source', '=', 'roster')
        .orderBy('from_date')
        .execute()
    const rosterBefore = await rosterRows()
    await away(server, 'zhongshan', { post: '区长', from: '2026-07-01', to: '2026-07-10' })
    assert.deepEqual(await rows(), [['常务副区长', '2026-07-01', '2026-07-10', 'rule']])
    // The executive deputy away 5–6 July: recomputed over those days only (as that absence's
    // act does), the head's row is cut around them, and those days are a gap (no row).
    await away(server, 'zhongshan', { post: '常务副区长', from: '2026-07-05', to: '2026-07-06' })
    assert.deepEqual(await rows(), [
      ['常务副区长', '2026-07-01', '2026-07-04', 'rule'],
      ['常务副区长', '2026-07-07', '2026-07-10', 'rule'],
    ])
    // Roster rows (the seed's acting week) are untouched.
    assert.deepEqual(await rosterRows(), rosterBefore)
  })

  it('销假 early: acting runs to the day of return (C2: away through returned_on), not to the planned end; a pending request makes nobody act', async () => {
    await away(server, 'zhongshan', {
      post: '区长',
      from: '2026-08-03',
      to: '2026-08-07',
      status: 'returned',
      returnedOn: '2026-08-05',
    })
    await away(server, 'zhongshan', {
      post: '区长',
      from: '2026-08-10',
      to: '2026-08-11',
      status: 'pending',
    })
    server.clock = at('2026-08-03')
    const office = await as('zs-officeDirector')
    const days = (await office.get('/api/acting-duty?from=2026-08-04&to=2026-08-10')).json().days
    assert.deepEqual(actingByDay(days, '区长'), {
      '2026-08-04': '常务副区长',
      '2026-08-05': '常务副区长',
      '2026-08-06': '—',
      '2026-08-07': '—',
      '2026-08-08': '—',
      '2026-08-09': '—',
      '2026-08-10': '—',
    })
    server.clock = at('2026-08-06')
    assert.ok(!(await postsOf(server, 'zs-executiveDeputy')).some((p) => p.title === '区长'))
  })

  it('受区长委托 (第六条, decidedBy): the 区长 may entrust a deputy in person and withdraw it; another deputy may not', async () => {
    server.clock = at('2026-09-01')
    const principal = await as('zs-principal')
    const view = (await principal.get('/api/acting-duty?from=2026-09-07&to=2026-09-08')).json()
    assert.equal(view.canDesignate, true)
    assert.equal(
      (await (await as('zs-deputy-3')).get('/api/acting-duty')).json().canDesignate,
      false,
    )
    const entrusted = await principal.post('/api/acting-designations', {
      postId: await postIdOf(server.handle.db, '区长'),
      actingPostId: await postIdOf(server.handle.db, '副区长（法治）'),
      from: '2026-09-07',
      to: '2026-09-08',
      reason: '区长与常务副区长同赴省里开会，委托副区长（法治）主持工作',
    })
    assert.equal(entrusted.statusCode, 201, entrusted.body)
    const remove = (client: Awaited<ReturnType<typeof as>>) =>
      server.app.inject({
        method: 'DELETE',
        url: `/api/acting-designations/${entrusted.json().id}`,
        headers: client.headers,
      })
    assert.equal((await remove(await as('zs-deputy-3'))).statusCode, 403)
    assert.equal((await remove(principal)).statusCode, 200)
  })

  it('refuses a span out of bounds and a designation for a post with no acting rule', async () => {
    server.clock = at('2026-03-09')
    const office = await as('zs-officeDirector')
    const long = await office.get('/api/acting-duty?from=2026-01-01&to=2026-12-31')
    assert.equal(long.statusCode, 422, long.body)
    assert.equal(long.json().error.code, 'ACTING_SPAN')
    const backwards = await office.get('/api/acting-duty?from=2026-03-10&to=2026-03-09')
    assert.equal(backwards.statusCode, 422, backwards.body)
    const noRule = await office.post('/api/acting-designations', {
      postId: await postIdOf(server.handle.db, '副区长（法治）'),
      actingPostId: await postIdOf(server.handle.db, '副区长（城建）'),
      from: '2026-03-10',
      to: '2026-03-11',
      reason: '试',
    })
    assert.equal(noRule.statusCode, 422, noRule.body)
    assert.equal(noRule.json().error.code, 'NO_ACTING_RULE')
  })
})

describe('statements per acting act (issue 14: ≤ 10)', () => {
  const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'zhongshan' })

  it('designating, withdrawing and the recompute an absence act runs stay within the budget', async () => {
    await away(server, 'zhongshan', { post: '区长', from: '2026-05-11', to: '2026-05-12' })
    await away(server, 'zhongshan', { post: '常务副区长', from: '2026-05-11', to: '2026-05-12' })
    server.clock = at('2026-05-04')
    const office = await signInAs(server.app, 'zs-officeDirector')
    const body = {
      postId: await postIdOf(server.handle.db, '区长'),
      actingPostId: await postIdOf(server.handle.db, '副区长（教育）'),
      from: '2026-05-11',
      to: '2026-05-12',
      reason: '区长委托',
    }
    let id = ''
    const designate = await actStatements(server.handle.db, async () => {
      const response = await office.post('/api/acting-designations', body)
      id = response.json().id
      return response
    })
    const withdraw = await actStatements(server.handle.db, () =>
      server.app.inject({
        method: 'DELETE',
        url: `/api/acting-designations/${id}`,
        headers: office.headers,
      }),
    )
    const counter = countStatements(server.handle.db)
    await createInTransaction(server.handle.db)((r) =>
      recomputeActingDuty(
        r,
        createRulesPort(testLibrary()),
        'zhongshan',
        '2026-05-11',
        '2026-05-12',
      ),
    )
    counter.stop()
    // begin, the lock, the inputs, the replace, commit.
    assert.equal(counter.count, 5)
    for (const [name, { inAct }] of [
      ['designate', designate],
      ['withdraw', withdraw],
    ] as const)
      assert.ok(inAct.length <= 10, statementList(name, inAct, 10))
  })
})

describe('acting duty in 二连浩特市 (八: 其他副市长依次)', () => {
  const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'erlianhaote' })
  const as = (username: string) => signInAs(server.app, username)

  it('the 市长 and the 常务副市长 away: the deputies in the roster’s order, skipping those away', async () => {
    await away(server, 'erlianhaote', { post: '市长', from: '2026-03-16', to: '2026-03-20' })
    await away(server, 'erlianhaote', { post: '常务副市长', from: '2026-03-16', to: '2026-03-19' })
    await away(server, 'erlianhaote', {
      post: '副市长（口岸、外事、合作区）',
      from: '2026-03-18',
      to: '2026-03-18',
    })
    server.clock = at('2026-03-16')
    const office = await as('el-officeDirector')
    const duty = await office.get('/api/acting-duty?from=2026-03-16&to=2026-03-21')
    assert.equal(duty.statusCode, 200, duty.body)
    assert.deepEqual(actingByDay(duty.json().days, '市长'), {
      '2026-03-16': '副市长（口岸、外事、合作区）',
      '2026-03-17': '副市长（口岸、外事、合作区）',
      '2026-03-18': '副市长（教育）',
      '2026-03-19': '副市长（口岸、外事、合作区）',
      '2026-03-20': '常务副市长',
      '2026-03-21': '—',
    })
    for (const day of duty.json().days as DutyDay[])
      for (const assignment of day.assignments)
        assert.deepEqual(
          assignment.citations.map((c) => c.article),
          ['八'],
        )
    // 依次 is the order itself: nothing is left to designate.
    assert.ok(!duty.json().designable.some((d: { postTitle: string }) => d.postTitle === '市长'))
    const fixed = await office.post('/api/acting-designations', {
      postId: await postIdOf(server.handle.db, '市长'),
      actingPostId: await postIdOf(server.handle.db, '副市长（农牧、苏木）'),
      from: '2026-03-16',
      to: '2026-03-17',
      reason: '试',
    })
    assert.equal(fixed.statusCode, 422, fixed.body)
    assert.equal(fixed.json().error.code, 'ACTING_ORDER_FIXED')
    assert.ok(fixed.json().error.citations.some((c: { article: string }) => c.article === '八'))

    const first = (await postsOf(server, 'el-deputy-2')).find((p) => p.title === '市长')
    assert.equal(first?.actingFor?.note, '代行市长职责 — 八')
    server.clock = at('2026-03-18')
    assert.ok(!(await postsOf(server, 'el-deputy-2')).some((p) => p.title === '市长'))
    const second = (await postsOf(server, 'el-deputy-3')).find((p) => p.title === '市长')
    assert.equal(second?.actingFor?.note, '代行市长职责 — 八')
  })

  it('the ranked deputy signs the 市长’s 上行文 as acting 市长, saying so with 八', async () => {
    server.clock = at('2026-04-01')
    const bureau = await as('el-departmentHead-housing')
    const drafted = await bureau.post('/api/documents/outgoing', {
      prefix: '二政字',
      kind: '请示',
      title: '关于申请城市更新项目资金的请示',
      body: '请予支持。妥否，请批示。',
      direction: 'upward',
      mainRecipients: ['锡林郭勒盟行政公署'],
      secrecy: '内部',
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const id = drafted.json().document.id
    assert.deepEqual(drafted.json().document.plan.signer, ['principal'])
    // 核稿 along the plan, each step by whoever holds it.
    for (let step = 0; step < 5; step += 1) {
      const review = (await openTaskHolders(server.handle.db, id)).find((t) => t.kind === 'review')
      if (!review) break
      const reviewer = review.usernames[0] as string
      const done = await (
        await as(reviewer)
      ).post(`/api/documents/${id}/review`, {
        opinion: '同意',
      })
      assert.equal(done.statusCode, 200, `${reviewer}: ${done.body}`)
    }
    assert.equal(
      (await bureau.get(`/api/documents/${id}`)).json().document.state,
      'awaitingSignature',
    )

    await away(server, 'erlianhaote', { post: '市长', from: '2026-04-06', to: '2026-04-07' })
    await away(server, 'erlianhaote', { post: '常务副市长', from: '2026-04-06', to: '2026-04-07' })
    server.clock = at('2026-04-06')
    const acting = await as('el-deputy-2')
    const mayor = (acting.me.posts as HeldPost[]).find((p) => p.title === '市长')
    assert.equal(mayor?.actingFor?.note, '代行市长职责 — 八')
    await acting.put('/api/session/post', { postId: mayor?.postId })
    const work = (await acting.get('/api/workbench')).json().items as { target: { id: string } }[]
    assert.ok(
      work.some((row) => row.target.id === id),
      JSON.stringify(work),
    )
    const signed = await acting.post(`/api/documents/${id}/sign`, { opinion: '同意上报' })
    assert.equal(signed.statusCode, 200, signed.body)
    assert.equal(
      signed.json().events.at(-1).actor,
      '其木格（副市长（口岸、外事、合作区），代行市长职责 — 八）',
    )
    assert.ok(signed.json().events.at(-1).ruleIds.includes('erlianhaote.acting.principal'))
  })

  it('the ranked deputy approves the agenda the 市长 approves (四十一), as acting 市长 with 八', async () => {
    server.clock = at('2026-04-08')
    const scheduled = await (
      await as('el-secretariat')
    ).post('/api/meetings', {
      meetingType: 'standing',
      startsAt: '2026-04-16T09:00:00+08:00',
      location: '政府常务会议室',
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    const meetingId = scheduled.json().meeting.id
    const submitted = await (
      await as('el-departmentHead-port')
    ).post(`/api/meetings/${meetingId}/items`, { title: '关于口岸货运通道扩能改造的议题' })
    assert.equal(submitted.statusCode, 201, submitted.body)
    const itemId = submitted.json().item.id
    const step = await (
      await as('el-deputy-2')
    ).post(`/api/meetings/${meetingId}/items/${itemId}/steps`, { code: 'portfolioDeputyReview' })
    assert.equal(step.statusCode, 200, step.body)

    await away(server, 'erlianhaote', { post: '市长', from: '2026-04-13', to: '2026-04-14' })
    await away(server, 'erlianhaote', { post: '常务副市长', from: '2026-04-13', to: '2026-04-14' })
    server.clock = at('2026-04-13')
    const acting = await as('el-deputy-2')
    const own = await acting.post(`/api/meetings/${meetingId}/agenda/approve`, {
      itemIds: [itemId],
    })
    assert.equal(own.statusCode, 422, own.body)
    const mayor = (acting.me.posts as HeldPost[]).find((p) => p.title === '市长')
    await acting.put('/api/session/post', { postId: mayor?.postId })
    const approved = await acting.post(`/api/meetings/${meetingId}/agenda/approve`, {
      itemIds: [itemId],
    })
    assert.equal(approved.statusCode, 200, approved.body)
    const entry = await server.handle.db
      .selectFrom('meeting_events')
      .select(['rule_ids', 'details'])
      .where('meeting_id', '=', meetingId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    assert.equal((entry.details as { acting?: { note: string } }).acting?.note, '代行市长职责 — 八')
    assert.ok(entry.rule_ids.includes('erlianhaote.acting.principal'))
  })

  it('a deputy away names a stand-in (no rule in 八): the 批示 waiting on the deputy is given by the stand-in, saying so', async () => {
    server.clock = at('2026-03-23')
    const township = await as('el-townshipHead-gerileaodu')
    const submitted = await township.post('/api/documents/incoming', {
      kind: '请示',
      title: '关于申请牧区饮水安全工程资金的请示',
      body: '请予支持。妥否，请批示。',
      secrecy: '内部',
      mainRecipients: ['二连浩特市人民政府'],
      signatories: ['那日苏'],
    })
    assert.equal(submitted.statusCode, 201, submitted.body)
    const id = submitted.json().document.id
    const steps: [string, string, object][] = [
      ['el-secretariat', 'register', {}],
      ['el-secretariat', 'screen', { findings: {} }],
      ['el-officeDirector', 'propose', { opinion: '拟请分管领导审批' }],
    ]
    for (const [username, path, payload] of steps) {
      const done = await (await as(username)).post(`/api/documents/${id}/${path}`, payload)
      assert.equal(done.statusCode, 200, `${path}: ${done.body}`)
    }
    // The deputy overseeing the 苏木 is away and names the 口岸 deputy to stand in.
    await away(server, 'erlianhaote', {
      post: '副市长（农牧、苏木）',
      from: '2026-03-24',
      to: '2026-03-25',
      category: 'personalLeave',
      standIn: '副市长（口岸、外事、合作区）',
    })
    server.clock = at('2026-03-24')
    const standIn = await as('el-deputy-2')
    const post = (standIn.me.posts as HeldPost[]).find((p) => p.title === '副市长（农牧、苏木）')
    assert.ok(post, 'the stand-in may act in the away deputy’s post')
    assert.equal(post.actingFor?.note, '代行副市长（农牧、苏木）职责（请假人指定）')
    await standIn.put('/api/session/post', { postId: post.postId })
    const work = (await standIn.get('/api/workbench')).json().items as {
      target: { id: string }
    }[]
    assert.ok(
      work.some((row) => row.target.id === id),
      JSON.stringify(work),
    )
    const instructed = await standIn.post(`/api/documents/${id}/instruct`, {
      text: '同意，请抓紧办理',
    })
    assert.equal(instructed.statusCode, 200, instructed.body)
    assert.equal(
      instructed.json().events.at(-1).actor,
      '其木格（副市长（口岸、外事、合作区），代行副市长（农牧、苏木）职责（请假人指定））',
    )
  })
})
