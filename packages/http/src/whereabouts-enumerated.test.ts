import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { recomputeActingDuty } from '@zhengling/app'
import {
  absenceTimerHandlers,
  createRepositories,
  type Database,
  type DatabaseHandle,
  DEMO_JURISDICTIONS,
  type DemoJurisdiction,
  runDueJobs,
} from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { addDays } from '@zhengling/rules'
import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { DEMO_ABSENCES } from '../../db/demo/demo-absences.ts'
import { createRulesPort } from './rules-port.ts'
import { buildTestServer, testLibrary } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 请销假 and acting duty enumerated over the five demo jurisdictions (issue 15): the demo's seeded
// absences agree with what the rulebook answers for them; every leader, department and township
// head previewing every category gets an answer with its article or a Chinese refusal, never a
// 500; the boundaries the articles draw (提前3天 counted per 民法典, 超过半个月, the head's return,
// head and executive deputy both away) over the counties whose articles draw them.
const SEED_DAY = new Date('2026-03-02T01:00:00Z') // Monday 09:00 in Shanghai
const server = { clock: SEED_DAY } as { clock: Date; handle: DatabaseHandle; app: FastifyInstance }
before(async () => {
  server.handle = await openTestDatabase({ seed: demoSeed(SEED_DAY, 'all') })
  server.app = await buildTestServer(server.handle, () => server.clock)
})
after(async () => {
  await server.app?.close()
  await server.handle?.close()
})

const TODAY = '2026-03-02'
const at = (date: string, time = '09:30') => new Date(`${date}T${time}:00+08:00`)
const rules = createRulesPort(testLibrary())
const fire = () =>
  runDueJobs(server.handle.db, {
    handlers: absenceTimerHandlers({ now: () => server.clock, rules }),
    now: () => server.clock,
  })

/** The post (and its holder's sign-in) of each title in a jurisdiction. */
async function postsOf(jurisdiction: DemoJurisdiction) {
  const rows = await server.handle.db
    .selectFrom('posts')
    .innerJoin('post_holdings', 'post_holdings.post_id', 'posts.id')
    .innerJoin('people', 'people.id', 'post_holdings.person_id')
    .select(['posts.id', 'posts.title', 'posts.role', 'people.roster_key'])
    .where('posts.jurisdiction_id', '=', jurisdiction)
    .where('post_holdings.to_date', 'is', null)
    .execute()
  return rows.map((row) => ({
    postId: row.id,
    title: row.title,
    role: row.role,
    username: row.roster_key ?? '',
  }))
}

type Preview = {
  mode: 'approval' | 'filing'
  days: number
  approvers: { title: string }[]
  approverIsBody: boolean
  latestFiling: string | null
  filedInTime: boolean | null
  summary: string
  citations: { ruleId: string; article: string }[]
}

async function preview(
  username: string,
  input: { postId: string; category: string; from: string; to: string },
) {
  const response = await (await signInAs(server.app, username)).post('/api/absences/preview', input)
  return { status: response.statusCode, body: response.body, json: () => response.json() }
}

/** The computed acting rows of a jurisdiction, as (post, acting post, days, source, rule, note). */
async function computedActing(db: Kysely<Database>, jurisdiction: string) {
  const rows = await db
    .selectFrom('acting_assignments as a')
    .innerJoin('posts as p', 'p.id', 'a.post_id')
    .innerJoin('posts as ap', 'ap.id', 'a.acting_post_id')
    .select([
      'p.title',
      'ap.title as acting',
      'a.from_date',
      'a.to_date',
      'a.source',
      'a.rule_id',
      'a.note',
      'a.absence_id',
    ])
    .where('p.jurisdiction_id', '=', jurisdiction)
    .where('a.source', 'in', ['rule', 'standIn', 'designation'])
    .orderBy('p.title')
    .orderBy('a.from_date')
    .execute()
  return rows.map((row) => Object.values(row).join(' | '))
}

describe('the demo absences', () => {
  for (const jurisdiction of DEMO_JURISDICTIONS)
    it(`${jurisdiction}: each seeded absence is what the rulebook answers for its post, category and days`, async () => {
      // Previewed ten days before the seed day, so every trip still lies ahead.
      server.clock = at(addDays(TODAY, -10))
      const posts = await postsOf(jurisdiction)
      const answered: unknown[] = []
      const seeded: unknown[] = []
      for (const entry of DEMO_ABSENCES[jurisdiction] ?? []) {
        const post = posts.find((p) => p.title === entry.post)
        assert.ok(post, entry.post)
        assert.equal(post.username, entry.person, entry.post)
        // A filing is in force when filed; a request waits (pending) or was approved.
        assert.equal(entry.mode === 'filing', entry.status === 'filed', entry.post)
        const answer = await preview(entry.person, {
          postId: post.postId,
          category: entry.category,
          from: addDays(TODAY, entry.from),
          to: addDays(TODAY, entry.to),
        })
        assert.equal(answer.status, 200, `${entry.post}: ${answer.body}`)
        const plan = answer.json() as Preview
        const cited = plan.citations.map((c) => c.ruleId)
        answered.push({
          post: entry.post,
          mode: plan.mode,
          approvers: plan.approvers.map((a) => a.title),
          rules: cited,
        })
        seeded.push({
          post: entry.post,
          mode: entry.mode,
          approvers: entry.approver ? [entry.approver] : [],
          rules: entry.ruleIds,
        })
      }
      assert.deepEqual(answered, seeded)
      for (const entry of DEMO_ABSENCES[jurisdiction] ?? []) assert.ok(entry.ruleIds.length > 0)

      // Who acts while they are away, as seeded, is what acting duty recomputes from them and the
      // rules (the recompute rolled back): 延津's deputy is acted for by the partner named (五).
      const seededActing = await computedActing(server.handle.db, jurisdiction)
      const recomputed = await server.handle.db
        .transaction()
        .execute(async (trx) => {
          await recomputeActingDuty(
            createRepositories(trx),
            rules,
            jurisdiction,
            addDays(TODAY, -30),
            addDays(TODAY, 30),
          )
          throw Object.assign(new Error('rolled back'), {
            rows: await computedActing(trx, jurisdiction),
          })
        })
        .catch((error: { rows?: string[] }) => error.rows)
      assert.deepEqual(seededActing, recomputed)
      assert.equal(
        seededActing.length,
        (DEMO_ABSENCES[jurisdiction] ?? []).filter((entry) => entry.acting).length,
      )
    })
})

/**
 * Where each 副县长 is acted for by their partner (延津 五 工作互补): the executive deputy filed
 * without naming one, so their days away are a gap too.
 */
const PARTNERED: readonly DemoJurisdiction[] = ['yanjin']

/** Where the acting rule leaves the head's stand-in to the head (decidedBy): the office may designate. */
const DESIGNABLE: readonly DemoJurisdiction[] = ['zhongshan', 'toksun', 'yanjin']

const PREFIX: Record<DemoJurisdiction, string> = {
  zhongshan: 'zs',
  toksun: 'tks',
  muli: 'ml',
  yanjin: 'yj',
  erlianhaote: 'el',
}

// When the head and the executive deputy are both away: 二连浩特 八 names the other deputies in
// order (依次); 钟山 第六条 leaves it to the deputy the 区长 designates; 木里 第七条, 托克逊 五 and
// 延津 五 do not provide for it — a gap the office must fill. Each with the article acting cites.
const BOTH_AWAY: Record<DemoJurisdiction, { acting: string | null; article: string }> = {
  zhongshan: { acting: null, article: '第六条' },
  toksun: { acting: null, article: '五' },
  muli: { acting: null, article: '第七条' },
  yanjin: { acting: null, article: '五' },
  erlianhaote: { acting: '副市长（口岸、外事、合作区）', article: '八' },
}

type ActingDay = {
  date: string
  assignments: {
    postTitle: string
    actingPostTitle: string
    source: string
    citations: { article: string }[]
  }[]
  gaps: { postTitle: string; citations: { article: string }[] }[]
}

describe('acting duty for the head, over the five jurisdictions', () => {
  for (const jurisdiction of DEMO_JURISDICTIONS)
    it(`${jurisdiction}: the head away, then the executive deputy too, then the head back early (销假)`, async () => {
      const prefix = PREFIX[jurisdiction]
      const posts = await postsOf(jurisdiction)
      const byRole = (role: string) => {
        const post = posts.find((p) => p.role === role)
        assert.ok(post, role)
        return post
      }
      const head = byRole('principal')
      const executive = byRole('executiveDeputy')
      const file = async (post: typeof head, from: string, to: string) => {
        const filed = await (
          await signInAs(server.app, post.username)
        ).post('/api/absences', {
          postId: post.postId,
          category: 'businessTrip',
          from,
          to,
          destination: '省会城市',
          reason: '参加全省工作会议',
          contact: '13800000000',
        })
        assert.equal(filed.statusCode, 201, `${post.title}: ${filed.body}`)
        const absence = filed.json() as { id: string; status: string; acts: string[] }
        if (absence.status === 'pending') {
          // Approved by whoever the rule names (the head, for the executive deputy's trip).
          const approved = await (
            await signInAs(server.app, head.username)
          ).post(`/api/absences/${absence.id}/approve`, {})
          assert.equal(approved.statusCode, 200, `${post.title} approved: ${approved.body}`)
        }
        return absence.id
      }
      const duty = async () => {
        const office = await signInAs(server.app, `${prefix}-officeDirector`)
        const view = await office.get('/api/acting-duty?from=2026-03-16&to=2026-03-20')
        assert.equal(view.statusCode, 200, view.body)
        return (view.json() as { days: ActingDay[] }).days.map((day) => {
          const assignment = day.assignments.find((a) => a.postTitle === head.title)
          const gap = day.gaps.find((g) => g.postTitle === head.title)
          return [
            day.date,
            assignment ? assignment.actingPostTitle : gap ? 'GAP' : null,
            (assignment?.citations ?? gap?.citations ?? []).map((c) => c.article).join(),
          ]
        })
      }

      server.clock = at('2026-03-09')
      const headTrip = await file(head, '2026-03-16', '2026-03-20')
      await file(executive, '2026-03-18', '2026-03-19')
      const both = BOTH_AWAY[jurisdiction]
      const exec = [executive.title, both.article]
      const bothAway = [both.acting ?? 'GAP', both.article]
      assert.deepEqual(await duty(), [
        ['2026-03-16', ...exec],
        ['2026-03-17', ...exec],
        ['2026-03-18', ...bothAway],
        ['2026-03-19', ...bothAway],
        ['2026-03-20', ...exec],
      ])

      // The acts wrote their timers: the acting-gap check tells the government office, once, of the
      // days nobody can act for the head — where the article leaves such days.
      const fired = await fire()
      assert.ok(fired > 0)
      const gapMessages = await server.handle.db
        .selectFrom('notifications')
        .select(['title', 'body'])
        .where('jurisdiction_id', '=', jurisdiction)
        .where('title', 'like', '代行职责空缺%')
        .execute()
      assert.deepEqual(
        gapMessages.map((m) => m.title),
        both.acting
          ? []
          : [
              `代行职责空缺：2026-03-18起 2 天${[head.title, ...(PARTNERED.includes(jurisdiction) ? [executive.title] : [])].join('、')}无人代行，请明确主持工作的负责人`,
            ],
      )
      for (const message of gapMessages)
        assert.ok(message.body.includes(both.article), message.body)

      // Where the rule leaves it to the head (受…委托), the office director designates a deputy for
      // the gap: those days follow the designation; where the article fixes the order, it may not.
      const office = await signInAs(server.app, `${prefix}-officeDirector`)
      const view = (await office.get('/api/acting-duty?from=2026-03-16&to=2026-03-20')).json() as {
        designable: { postTitle: string }[]
      }
      const designable = view.designable.some((d) => d.postTitle === head.title)
      assert.equal(designable, DESIGNABLE.includes(jurisdiction), JSON.stringify(view.designable))
      if (designable) {
        const deputy = byRole('deputy')
        const designated = await office.post('/api/acting-designations', {
          postId: head.postId,
          actingPostId: deputy.postId,
          from: '2026-03-18',
          to: '2026-03-19',
          reason: `${head.title}委托${deputy.title}主持工作`,
        })
        assert.equal(designated.statusCode, 201, designated.body)
        const days = await duty()
        assert.deepEqual(
          days.map(([date, acting]) => [date, acting]),
          [
            ['2026-03-16', executive.title],
            ['2026-03-17', executive.title],
            ['2026-03-18', deputy.title],
            ['2026-03-19', deputy.title],
            ['2026-03-20', executive.title],
          ],
        )
        // Revoked again: the days return to the rule's answer.
        const revoked = await server.app.inject({
          method: 'DELETE',
          url: `/api/acting-designations/${(designated.json() as { id: string }).id}`,
          headers: office.headers,
        })
        assert.ok(revoked.statusCode < 300, revoked.body)
      }

      // The head is back on the 18th (销假): away that day still, nobody acts for them after it.
      server.clock = at('2026-03-18', '18:00')
      const returned = await (
        await signInAs(server.app, head.username)
      ).post(`/api/absences/${headTrip}/return`, {
        returnedOn: '2026-03-18',
        report: '会议精神已向县（区、市）政府领导班子通报',
      })
      assert.equal(returned.statusCode, 200, returned.body)
      assert.deepEqual(await duty(), [
        ['2026-03-16', ...exec],
        ['2026-03-17', ...exec],
        ['2026-03-18', ...bothAway],
        ['2026-03-19', null, ''],
        ['2026-03-20', null, ''],
      ])
    })
})

/** A department head in each jurisdiction, and the category their request for approval is. */
const BUREAU_TRIP: Record<DemoJurisdiction, { username: string; category: string }> = {
  zhongshan: { username: 'zs-departmentHead-9', category: 'businessTrip' },
  toksun: { username: 'tks-departmentHead-education', category: 'businessTrip' },
  // 木里 第二十八条（五）: a bureau head's 出差 passes the 分管副县长 first; leaving the county for
  // another reason goes to the 县长 alone (第一百零八条).
  muli: { username: 'ml-departmentHead-finance', category: 'leaveArea' },
  yanjin: { username: 'yj-departmentHead-finance', category: 'businessTrip' },
  erlianhaote: { username: 'el-departmentHead-finance', category: 'businessTrip' },
}

describe('reminders of 请销假 through the acts, over the five jurisdictions', () => {
  for (const jurisdiction of DEMO_JURISDICTIONS)
    it(`${jurisdiction}: 催办 to the approver the morning after filing, 未销假 to the traveller the morning after the last day`, async () => {
      const { username, category } = BUREAU_TRIP[jurisdiction]
      const bureau = (await postsOf(jurisdiction)).find((p) => p.username === username)
      assert.ok(bureau, username)
      server.clock = at('2026-03-09', '10:00')
      const filed = await (
        await signInAs(server.app, username)
      ).post('/api/absences', {
        postId: bureau.postId,
        category,
        from: '2026-03-23',
        to: '2026-03-25',
        destination: '省会城市',
        reason: '汇报年度重点项目',
        contact: '13800000000',
      })
      assert.equal(filed.statusCode, 201, filed.body)
      const id = (filed.json() as { id: string }).id
      const stored = await server.handle.db
        .selectFrom('absences')
        .select(['status', 'approver_post_ids', 'person_id', 'rule_ids'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      assert.equal(stored.status, 'pending')
      assert.ok(stored.approver_post_ids.length > 0)
      const articles = rules
        .rulebook(jurisdiction, '2026-03-09')
        ?.rules.filter((rule) => stored.rule_ids.includes(rule.id) && rule.kind === 'leaveApproval')
        .map((rule) => rule.article.number)
      assert.ok(articles?.length, stored.rule_ids.join())
      const reminders = (prefix: string) =>
        server.handle.db
          .selectFrom('notifications')
          .select(['kind', 'title', 'body', 'recipient_post_id', 'recipient_person_id'])
          .where('link', '=', `/absences/${id}`)
          .where('title', 'like', `${prefix}%`)
          .execute()

      await fire()
      assert.deepEqual(await reminders('催办'), [], 'not before the next morning')
      server.clock = at('2026-03-10')
      await fire()
      const chased = await reminders('催办')
      assert.deepEqual(
        chased.map((m) => m.recipient_post_id).sort(),
        [...stored.approver_post_ids].sort(),
      )
      for (const message of chased)
        assert.ok(
          articles.some((article) => message.body.includes(article)),
          `${message.body} cites ${articles}`,
        )

      // Approved by the approver's holder; the trip ends on the 25th without 销假.
      const approverHolder = await server.handle.db
        .selectFrom('post_holdings')
        .innerJoin('people', 'people.id', 'post_holdings.person_id')
        .select('people.roster_key')
        .where('post_holdings.post_id', '=', stored.approver_post_ids[0] ?? '')
        .where('post_holdings.to_date', 'is', null)
        .executeTakeFirstOrThrow()
      server.clock = at('2026-03-10', '10:00')
      const approved = await (
        await signInAs(server.app, approverHolder.roster_key ?? '')
      ).post(`/api/absences/${id}/approve`, {})
      assert.equal(approved.statusCode, 200, approved.body)
      server.clock = at('2026-03-25', '20:00')
      await fire()
      assert.deepEqual(await reminders('未销假'), [], 'not on the last day')
      server.clock = at('2026-03-26')
      await fire()
      const unreturned = await reminders('未销假')
      assert.deepEqual(
        unreturned.map((m) => [m.kind, m.recipient_person_id]),
        [['overdue', stored.person_id]],
      )
      assert.ok(articles.some((article) => unreturned[0]?.body.includes(article)))
      assert.equal((await reminders('催办')).length, chased.length, 'decided: no more 催办')
      // The office's overview shows it overdue too (C3 returnOverdue).
      const overview = await (
        await signInAs(server.app, `${PREFIX[jurisdiction]}-officeDirector`)
      ).get('/api/absences?scope=office')
      assert.equal(overview.statusCode, 200, overview.body)
      const item = (
        overview.json() as { items: { id: string; returnOverdue: boolean }[] }
      ).items.find((i) => i.id === id)
      assert.equal(item?.returnOverdue, true, overview.body.slice(0, 300))
    })
})
