/**
 * Where people wait (issue 12, part 8): the first load of the workbench (待我办理), 待办, 督查台账
 * and 督查看板 on the demo data, embedded database (PGlite), through the HTTP API. The five demo
 * counties are seeded; 钟山 then gets a working month through the API: BENCH_WORKBENCH_DOCUMENTS
 * (default 40) 请示 from its units, each moved on to the 区长's 批示, BENCH_WORKBENCH_ITEMS (default
 * 60) ledger items over its units (a tenth with an extension asked), and two meetings with an
 * agenda item from every unit. Reports p50/p95 server time (Fastify's own measure of the request,
 * the HTTP client excluded) and, first, the cold first load of each — the figure the issue reports
 * (待办 9.7 s, 台账 3.2 s, 看板 3.9 s). One process holds server and client.
 */
import { performance } from 'node:perf_hooks'
import { demoRoster, migrate, openDatabase, seedDemo } from '@zhengling/db'
import { addDays, shanghaiDateOf } from '@zhengling/rules'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  benchPasswords,
  type BenchClient,
  type Json,
  machineLine,
  ms,
  samplePercentiles,
  signIn as signInAt,
  startBenchServer,
} from './bench-support.ts'

const DOCUMENTS = Number(process.env.BENCH_WORKBENCH_DOCUMENTS ?? 40)
const ITEMS = Number(process.env.BENCH_WORKBENCH_ITEMS ?? 60)
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100)

const handle = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'zhengling-bench-wb-')) })
await migrate(handle.db)
await seedDemo(handle.db, { now: () => new Date(), passwords: benchPasswords })
// Fastify's own time for each request (from its arrival to the reply sent): the server time.
const serverMs = new Map<string, number>()
const server = await startBenchServer(handle.db, {
  instrument: (app) =>
    app.addHook('onResponse', async (request, reply) => {
      const id = request.headers['x-bench-id']
      if (typeof id === 'string') serverMs.set(id, reply.elapsedTime)
    }),
})

interface Client {
  posts: BenchClient['posts']
  call: (method: string, path: string, body?: object) => Promise<{ status: number; json: Json }>
  switchTo: (title: string) => Promise<void>
}
let requestNumber = 0
/** A signed-in client whose every request carries its number (x-bench-id) for the server time. */
async function signIn(username: string): Promise<Client> {
  const client = await signInAt(server.base, username)
  return {
    posts: client.posts,
    call: (method, path, body) =>
      client.request(method, path, body, { 'x-bench-id': String((requestNumber += 1)) }),
    switchTo: (title) => client.switchTo(title),
  }
}
const must = (what: string, answer: { status: number; json: Json }, status = 200) => {
  if (answer.status !== status)
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.json)}`)
  return answer.json
}

/** Server time of one GET, in milliseconds. */
async function timed(client: Client, path: string) {
  const answer = await client.call('GET', path)
  must(`GET ${path}`, answer)
  return serverMs.get(String(requestNumber)) ?? Number.NaN
}
const percentiles = async (count: number, call: () => Promise<number>) =>
  ms(await samplePercentiles(count, Math.max(3, count / 10), call))

// The cold first loads, on a server that has answered nothing but sign-ins.
const principal = await signIn('zs-principal')
const office = await signIn('zs-deputyOfficeDirector')
await office.switchTo('区人民政府督查室主任')
const cold = {
  workbench: await timed(principal, '/api/workbench'),
  inbox: await timed(principal, '/api/inbox?limit=50'),
  ledger: await timed(office, '/api/supervision/items?limit=20&offset=0'),
  dashboard: await timed(office, '/api/supervision/dashboard'),
}

// A working month in 钟山: 请示 from the units up to the 区长's 批示, ledger items, meetings.
const started = performance.now()
const roster = demoRoster('zhongshan')
const people = new Map<string, Client>()
const as = async (username: string) => {
  let client = people.get(username)
  if (!client) people.set(username, (client = await signIn(username)))
  return client
}
const heads = roster.people
  .map((person) => person.key)
  .filter((key) => /departmentHead|townshipHead|legalOffice/.test(key))
/** The open task of a document and who takes it: the holder of its post or its unit's head. */
const nextTask = async (documentId: string) => {
  const task = await handle.db
    .selectFrom('document_tasks')
    .leftJoin('posts', (join) =>
      join.on((eb) =>
        eb.or([
          eb('posts.id', '=', eb.ref('document_tasks.assignee_post_id')),
          eb.and([
            eb('posts.department_id', '=', eb.ref('document_tasks.assignee_department_id')),
            eb('posts.heads_unit', '=', true),
          ]),
        ]),
      ),
    )
    .innerJoin('post_holdings', 'post_holdings.post_id', 'posts.id')
    .innerJoin('people', 'people.id', 'post_holdings.person_id')
    .select(['document_tasks.kind', 'posts.title', 'people.roster_key'])
    .where('document_tasks.document_id', '=', documentId)
    .where('document_tasks.closed_at', 'is', null)
    .where('document_tasks.kind', '<>', 'read')
    .executeTakeFirst()
  return task && { kind: task.kind, postTitle: task.title, key: task.roster_key as string }
}
const ACTS: Record<string, [string, object]> = {
  register: ['register', {}],
  screen: ['screen', { findings: {} }],
  propose: ['propose', { opinion: '拟请区长阅示' }],
}
for (let n = 0; n < DOCUMENTS; n += 1) {
  const key = heads[n % heads.length] as string
  const unit = await as(key)
  const name = roster.people.find((person) => person.key === key)?.name ?? ''
  const submitted = must(
    'submit',
    await unit.call('POST', '/api/documents/incoming', {
      kind: '请示',
      title: `关于申请专项工作经费的请示（第${n + 1}号）`,
      body: '请予支持。妥否，请批示。',
      secrecy: '内部',
      urgency: n % 5 === 0 ? 'urgent' : 'normal',
      mainRecipients: ['六盘水市钟山区人民政府'],
      signatories: [name],
    }),
    201,
  )
  const id = submitted.document.id as string
  // Register, screen and propose by whoever holds each task; the 批示 then waits on a leader.
  for (let step = 0; step < 4; step += 1) {
    const holding = await nextTask(id)
    const act = holding && ACTS[holding.kind]
    if (!holding || !act) break
    const actor = await as(holding.key)
    await actor.switchTo(holding.postTitle as string)
    must(holding.kind, await actor.call('POST', `/api/documents/${id}/${act[0]}`, act[1]))
  }
}
const today = shanghaiDateOf(Date.now())
const units = (await handle.db
  .selectFrom('departments')
  .select(['id', 'name'])
  .where('jurisdiction_id', '=', 'zhongshan')
  .where('kind', '<>', 'desk')
  // Staffed units only: a unit nobody heads cannot lead an item (LEAD_UNIT_UNSTAFFED).
  .where((eb) =>
    eb.exists(
      eb
        .selectFrom('posts')
        .innerJoin('post_holdings', 'post_holdings.post_id', 'posts.id')
        .select('posts.id')
        .whereRef('posts.department_id', '=', 'departments.id')
        .where('posts.heads_unit', '=', true),
    ),
  )
  .execute()) as { id: string; name: string }[]
for (let n = 0; n < ITEMS; n += 1) {
  const unit = units[n % units.length] as { id: string }
  must(
    'ledger item',
    await office.call('POST', '/api/supervision/items', {
      source: 'workReport',
      title: `政府工作报告重点任务第${n + 1}项`,
      leadDepartmentId: unit.id,
      // From two weeks ago to six weeks ahead: some overdue, most running.
      dueDate: addDays(today, -14 + ((n * 7) % 56)),
      assignedOn: addDays(today, -20),
    }),
    201,
  )
}
const secretariat = await as('zs-secretariat')
for (const week of [1, 2]) {
  const meeting = must(
    'meeting',
    await secretariat.call('POST', '/api/meetings', {
      meetingType: 'standing',
      startsAt: `${addDays(today, 7 * week)}T09:00:00+08:00`,
      location: '区政府三楼会议室',
    }),
    201,
  ).meeting
  for (const key of heads) {
    const unit = await as(key)
    await unit.call('POST', `/api/meetings/${meeting.id}/items`, {
      title: `第${week}周议题（${key}）`,
      completed: [{ code: 'investigation' }, { code: 'feasibilityAssessment' }],
    })
  }
}
const loadSeconds = (performance.now() - started) / 1000
const awaiting = must('workbench', await principal.call('GET', '/api/workbench')).items.length
// The 请示 wait for the 批示 of the deputy in charge (分管副区长): the 常务副区长 holds most.
const deputy = await as('zs-executiveDeputy')
const deputyAwaiting = must('workbench', await deputy.call('GET', '/api/workbench')).items.length
const inboxRows = must('inbox', await deputy.call('GET', '/api/inbox?limit=50')).length

console.log(`${machineLine()}\n`)
console.log('embedded (PGlite), the five demo counties; server time (Fastify) per request')
console.log(
  `  cold first load (empty desk)   workbench ${cold.workbench.toFixed(0)} ms, 待办 ${cold.inbox.toFixed(0)} ms, 台账 ${cold.ledger.toFixed(0)} ms, 看板 ${cold.dashboard.toFixed(0)} ms`,
)
console.log(
  `  钟山's month through the API    ${DOCUMENTS} 请示 to 批示, ${ITEMS} ledger items, 2 meetings × ${heads.length} items in ${loadSeconds.toFixed(0)} s`,
)
console.log(
  `  workbench (区长, ${awaiting} rows)   ${await percentiles(REQUESTS, () => timed(principal, '/api/workbench'))}`,
)
console.log(
  `  workbench counts (区长)          ${await percentiles(REQUESTS, () => timed(principal, '/api/workbench/counts'))}`,
)
console.log(
  `  workbench (常务副区长, ${deputyAwaiting} rows) ${await percentiles(REQUESTS, () => timed(deputy, '/api/workbench'))}`,
)
console.log(
  `  待办 (常务副区长, ${inboxRows} rows)         ${await percentiles(REQUESTS, () => timed(deputy, '/api/inbox?limit=50'))}`,
)
console.log(
  `  workbench (督查室)              ${await percentiles(REQUESTS, () => timed(office, '/api/workbench'))}`,
)
console.log(
  `  督查台账 page 1 (督查室)         ${await percentiles(REQUESTS, () => timed(office, '/api/supervision/items?limit=20&offset=0'))}`,
)
console.log(
  `  督查看板 (督查室)               ${await percentiles(REQUESTS, () => timed(office, '/api/supervision/dashboard'))}`,
)
await server.close()
await handle.close()
