import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  DEMO_JURISDICTIONS,
  type DatabaseHandle,
  type DemoJurisdiction,
  demoRoster,
} from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 待我办理 (the workbench): in every demo county, a 请示 walked from 报送 to 办结, a ledger item
// (督办) through an extension request, and an agenda item (议题) put forward: at each step, every
// post of the county reads its workbench, and exactly the posts the step waits on (the task's
// post, or the posts of the task's unit) list the record, with the step's kind.
const MONDAY = new Date('2026-03-02T01:00:00Z')
let handle: DatabaseHandle
let app: FastifyInstance
let clock = MONDAY

before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(MONDAY, 'all') })
  app = await buildTestServer(handle, () => clock)
})
after(async () => {
  await app?.close()
  await handle?.close()
})

type Client = Awaited<ReturnType<typeof signInAs>>
interface HeldPost {
  postId: string
  title: string
  departmentId: string | null
}
interface Row {
  kind: string
  kindLabel: string
  section: string
  target: { type: string; id: string }
  title: string
  from: string | null
  dueDate: string | null
  workingDaysLeft: number | null
  overdue: boolean
}
/** One post someone holds (or acts for), signed in as that person. */
interface Desk {
  username: string
  name: string
  client: Client
  post: HeldPost
}

/** Every post held in the county, each with a signed-in holder. */
async function desksOf(jurisdiction: DemoJurisdiction): Promise<Desk[]> {
  const desks: Desk[] = []
  for (const person of demoRoster(jurisdiction).people) {
    const client = await signInAs(app, person.key)
    for (const post of client.me.posts as HeldPost[])
      desks.push({ username: person.key, name: person.name, client, post })
  }
  return desks
}

/** The post each signed-in client acts in now, so that a switch is made only when needed. */
const actingIn = new WeakMap<Client, string>()
async function use(desk: Desk) {
  if (actingIn.get(desk.client) === desk.post.postId) return
  const switched = await desk.client.put('/api/session/post', { postId: desk.post.postId })
  assert.equal(switched.statusCode, 200, switched.body)
  actingIn.set(desk.client, desk.post.postId)
}

/** The workbench of a desk: its holder switched to the post first. */
async function workbenchOf(desk: Desk): Promise<Row[]> {
  await use(desk)
  const answer = await desk.client.get('/api/workbench')
  assert.equal(answer.statusCode, 200, answer.body)
  return answer.json().items
}

interface Waiting {
  kind: string
  postId: string | null
  departmentId: string | null
}
const waitsOn = (desk: Desk, waiting: Waiting) =>
  waiting.postId
    ? waiting.postId === desk.post.postId
    : waiting.departmentId !== null && waiting.departmentId === desk.post.departmentId

/**
 * Every desk's workbench lists `targetId` (rows `matching`) with exactly the kinds of the work
 * waiting on it: none at the desks it does not wait on.
 */
async function assertWorkbenches(
  desks: Desk[],
  targetId: string,
  waiting: Waiting[],
  step: string,
  matching: (row: Row) => boolean = () => true,
) {
  assert.ok(
    desks.some((desk) => waiting.some((work) => waitsOn(desk, work))),
    `${step}: nobody in the county holds ${JSON.stringify(waiting)}`,
  )
  for (const desk of desks) {
    const rows = (await workbenchOf(desk)).filter(
      (row) => row.target.id === targetId && matching(row),
    )
    const expected = [
      ...new Set(waiting.filter((work) => waitsOn(desk, work)).map((work) => work.kind)),
    ].sort()
    assert.deepEqual(
      [...new Set(rows.map((row) => row.kind))].sort(),
      expected,
      `${step}: the workbench of ${desk.username} as ${desk.post.title}`,
    )
    for (const row of rows) assert.ok(row.kindLabel && !/^[a-z]/i.test(row.kindLabel), row.kind)
  }
}

/** The payload each kind of incoming-document task is done with. */
function actOn(kind: string, referTo: string): { path: string; payload: object } | undefined {
  switch (kind) {
    case 'register':
      return { path: 'register', payload: {} }
    case 'screen':
      return { path: 'screen', payload: { findings: {} } }
    case 'propose':
      return { path: 'propose', payload: { opinion: '拟请分管领导审批' } }
    case 'instruct':
      return { path: 'instruct', payload: { text: '同意，请抓紧办理' } }
    case 'refer':
      return { path: 'refer', payload: { departmentIds: [referTo] } }
    case 'handle':
      return { path: 'complete', payload: { result: '已按批示办理完毕。' } }
    case 'archive':
      return { path: 'archive', payload: {} }
    default:
      return undefined
  }
}

async function openTasks(documentId: string): Promise<Waiting[]> {
  const rows = await handle.db
    .selectFrom('document_tasks')
    .select(['kind', 'assignee_post_id', 'assignee_department_id'])
    .where('document_id', '=', documentId)
    .where('closed_at', 'is', null)
    .execute()
  return rows.map((row) => ({
    kind: row.kind,
    postId: row.assignee_post_id,
    departmentId: row.assignee_department_id,
  }))
}

for (const jurisdiction of DEMO_JURISDICTIONS) {
  describe(`the workbench in ${jurisdiction}`, () => {
    let desks: Desk[]
    let unitHead: Desk
    let jurisdictionName: string
    before(async () => {
      clock = MONDAY
      desks = await desksOf(jurisdiction)
      // A bureau or township head (not the office) puts work forward.
      const head = desks.find(
        (desk) =>
          desk.post.departmentId !== null &&
          /局局长$|镇镇长$|乡乡长$|街道办事处主任$/.test(desk.post.title),
      )
      assert.ok(head, `no unit head in ${jurisdiction}`)
      unitHead = head
      jurisdictionName = unitHead.client.me.jurisdiction.name
    })

    it('a 请示 from 报送 to 办结: each step in the workbench of the posts it waits on only', async () => {
      clock = MONDAY
      await use(unitHead)
      const submitted = await unitHead.client.post('/api/documents/incoming', {
        kind: '请示',
        title: `关于申请工作经费的请示（${jurisdiction}）`,
        body: '请予支持。妥否，请批示。',
        secrecy: '内部',
        mainRecipients: [jurisdictionName],
        signatories: [unitHead.name],
      })
      assert.equal(submitted.statusCode, 201, submitted.body)
      const id = submitted.json().document.id
      const kinds: string[] = []
      for (let step = 0; step < 10; step += 1) {
        const tasks = await openTasks(id)
        const next = tasks.find((task) => task.kind !== 'read')
        if (!next) break
        kinds.push(next.kind)
        await assertWorkbenches(desks, id, tasks, `${jurisdiction} ${next.kind}`)
        const act = actOn(next.kind, unitHead.post.departmentId as string)
        assert.ok(act, `no act for ${next.kind}`)
        const actor = desks.find((desk) => waitsOn(desk, next)) as Desk
        await use(actor)
        const done = await actor.client.post(`/api/documents/${id}/${act.path}`, act.payload)
        assert.equal(done.statusCode, 200, `${next.kind} by ${actor.username}: ${done.body}`)
      }
      // The walk went through the incoming flow's steps: 签收, 初审, 拟办, 批示, 转办, 办理.
      for (const kind of ['register', 'screen', 'propose', 'instruct', 'refer', 'handle'])
        assert.ok(kinds.includes(kind), `${jurisdiction}: ${kinds.join(' → ')}`)
    })

    it('a 督办 item: its lead unit carries it out, then the supervision office decides the extension', async () => {
      clock = MONDAY
      const lead = unitHead.post.departmentId as string
      let created
      let office: Desk | undefined
      for (const desk of desks) {
        await use(desk)
        const answer = await desk.client.post('/api/supervision/items', {
          source: 'workReport',
          title: `压减一般性支出（${jurisdiction}）`,
          leadDepartmentId: lead,
          dueDate: '2026-03-13',
        })
        if (answer.statusCode === 201) {
          created = answer.json().item
          office = desk
          break
        }
      }
      assert.ok(created && office, `nobody in ${jurisdiction} keeps the supervision ledger`)
      const holders = (item: { holders: Waiting[] }) => item.holders
      await assertWorkbenches(desks, created.id, holders(created), `${jurisdiction} carryOut`)
      const row = (await workbenchOf(unitHead)).find((r) => r.target.id === created.id)
      assert.equal(row?.dueDate, '2026-03-13')
      assert.equal(row?.workingDaysLeft, 9)
      assert.equal(row?.overdue, false)

      await use(unitHead)
      const asked = await unitHead.client.post(`/api/supervision/items/${created.id}/extension`, {
        requestedDue: '2026-03-31',
        reason: '需等待上级审议预算调整方案后方能执行',
      })
      assert.equal(asked.statusCode, 200, asked.body)
      const pending = asked.json().item
      assert.deepEqual(
        pending.holders.map((h: Waiting) => h.kind),
        pending.holders.map(() => 'decideExtension'),
      )
      await assertWorkbenches(desks, created.id, holders(pending), `${jurisdiction} extension`)
    })

    it('an agenda item: the posts that record its next step or approve it list it', async () => {
      clock = MONDAY
      let meetingId: string | undefined
      for (const desk of desks) {
        await use(desk)
        const types = (await desk.client.get('/api/meeting-types')).json()
        const type = types.find((t: { id: string }) => t.id === 'standing') ?? types[0]
        const scheduled = await desk.client.post('/api/meetings', {
          meetingType: type.id,
          startsAt: '2026-03-12T09:00:00+08:00',
          location: '政府三楼会议室',
        })
        if (scheduled.statusCode === 201) {
          meetingId = scheduled.json().meeting.id
          break
        }
      }
      assert.ok(meetingId, `nobody in ${jurisdiction} schedules meetings`)
      await use(unitHead)
      const title = `关于调整年度预算的议题（${jurisdiction}）`
      const put = await unitHead.client.post(`/api/meetings/${meetingId}/items`, {
        title,
        completed: [],
      })
      assert.equal(put.statusCode, 201, put.body)
      const view = (await unitHead.client.get(`/api/meetings/${meetingId}`)).json()
      const item = view.agenda.find((i: { title: string }) => i.title === title)
      assert.ok(item.holders.length > 0, JSON.stringify(item))
      await assertWorkbenches(desks, meetingId, item.holders, `${jurisdiction} agenda`, (row) =>
        row.title.startsWith(title),
      )
    })
  })
}

describe('the workbench order', () => {
  it('overdue first, then the fewest working days left, then the oldest', async () => {
    clock = MONDAY
    const office = await signInAs(app, 'zs-deputyOfficeDirector')
    const supervision = (office.me.posts as HeldPost[]).find(
      (post) => post.title === '区人民政府督查室主任',
    )
    assert.ok(supervision)
    await office.put('/api/session/post', { postId: supervision.postId })
    const finance = (
      await handle.db
        .selectFrom('departments')
        .select('id')
        .where('jurisdiction_id', '=', 'zhongshan')
        .where('name', '=', '区财政局')
        .executeTakeFirstOrThrow()
    ).id
    // Assigned on Monday 2 March, due on these days; then the clock moves to Tuesday 10 March.
    const dues = ['2026-03-20', '2026-03-05', '2026-03-13', '2026-03-11', '2026-03-06']
    const ids = new Map<string, string>()
    for (const due of dues) {
      const created = await office.post('/api/supervision/items', {
        source: 'workReport',
        title: `排序用督办事项（${due}）`,
        leadDepartmentId: finance,
        dueDate: due,
      })
      assert.equal(created.statusCode, 201, created.body)
      ids.set(created.json().item.id, due)
    }
    clock = new Date('2026-03-10T01:00:00Z')
    const head = await signInAs(app, 'zs-departmentHead-9')
    const rows: Row[] = (await head.get('/api/workbench')).json().items
    const mine = rows.filter((row) => ids.has(row.target.id))
    assert.deepEqual(
      mine.map((row) => [row.dueDate, row.overdue, row.workingDaysLeft]),
      [
        // 3 March–10 March: Friday 6 March is 2 working days back (9th, 10th), Thursday 5th 3.
        ['2026-03-05', true, -3],
        ['2026-03-06', true, -2],
        ['2026-03-11', false, 1],
        ['2026-03-13', false, 3],
        ['2026-03-20', false, 8],
      ],
    )
    // The whole list keeps the same order: every overdue row before any other.
    const firstOnTime = rows.findIndex((row) => !row.overdue)
    assert.ok(rows.slice(firstOnTime).every((row) => !row.overdue))
    const counts = (await head.get('/api/workbench/counts')).json()
    assert.equal(counts.supervision, rows.filter((row) => row.section === 'supervision').length)
    assert.equal(counts.overdue, rows.filter((row) => row.overdue).length)
    assert.ok(counts.overdue >= 2)
  })
})
