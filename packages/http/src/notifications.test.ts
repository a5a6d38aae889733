import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { createServer, get, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { type NotificationChannel, sm3Hasher } from '@zhengling/app'
import {
  createRepositories,
  type DatabaseHandle,
  documentTimerHandlers,
  NOTIFICATION_DELIVERY_ATTEMPTS,
  notificationDeliveryHandlers,
  runDueJobs,
  runSupervisionScan,
} from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildServer } from './build-server.ts'
import {
  smtpChannel,
  verifyWebhookSignature,
  WEBHOOK_IDEMPOTENCY_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  webhookChannel,
} from './notification-channels.ts'
import { createRulesPort } from './rules-port.ts'
import { TEST_PASSWORDS, testLibrary } from './test-support/build-test-server.ts'
import { startMailSink } from './test-support/mail-sink.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { TEST_SECOND_FACTOR } from './test-support/test-authenticator.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// 消息中心 (issue 12 part 2) on 钟山区's demo roster: messages written with the act, read by the
// post's holder and whoever acts for it, never by others; 催办 by e-mail exactly once whatever the
// workers do; the signed webhook, its retries and dead letter; the live stream.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const at = (date: string, time = '09:30') => new Date(`${date}T${time}:00+08:00`)
const SECRET = 'test-webhook-secret-0123456789'

let clock = MONDAY
let handle: DatabaseHandle
let app: FastifyInstance
let sink: Awaited<ReturnType<typeof startMailSink>>
const as = (username: string) => signInAs(app, username)

before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(MONDAY) })
  app = await buildServer({
    library: testLibrary(),
    sessions: {
      db: handle.db,
      passwords: TEST_PASSWORDS,
      hasher: sm3Hasher,
      now: () => clock,
      secureCookies: false,
      secondFactor: TEST_SECOND_FACTOR,
    },
    notifications: { availableChannels: ['email', 'webhook'], streamPollMs: 50 },
  })
  sink = await startMailSink()
})
after(async () => {
  await app?.close()
  await sink?.close()
  await handle?.close()
})

/** A worker as `main.ts` runs one: the documents' timers and the deliveries, over the same database. */
function worker(channels: NotificationChannel[]) {
  const deliveries = notificationDeliveryHandlers({ channels, now: () => clock })
  const handlers = {
    ...documentTimerHandlers({
      hasher: sm3Hasher,
      now: () => clock,
      newId: randomUUID,
      rules: createRulesPort(testLibrary()),
    }),
    ...deliveries.handlers,
  }
  return () =>
    runDueJobs(handle.db, { handlers, now: () => clock, onFailure: deliveries.onFailure })
}

async function submitRequest(title: string): Promise<string> {
  const submitted = await (
    await as('zs-townshipHead')
  ).post('/api/documents/incoming', {
    kind: '请示',
    title,
    body: '区人民政府：……妥否，请批示。',
    secrecy: '内部',
    mainRecipients: ['区人民政府'],
    signatories: ['孙丽'],
  })
  assert.ok(submitted.statusCode < 300, submitted.body)
  return submitted.json().document.id
}

type Listed = {
  unread: number
  items: { id: string; kind: string; title: string; link: string; readAt: string | null }[]
}
const listOf = async (username: string): Promise<Listed> =>
  (await (await as(username)).get('/api/notifications')).json()

async function deliveriesOf(notificationTitle: RegExp) {
  const rows = await handle.db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .select([
      'd.id',
      'd.status',
      'd.attempts',
      'd.last_error',
      'd.channel',
      'n.title',
      'n.id as nid',
    ])
    .execute()
  return rows.filter((row) => notificationTitle.test(row.title))
}

describe('消息中心', () => {
  it('tells the 秘书股 of a submitted 请示, and nobody else', async () => {
    clock = MONDAY
    const before = (await listOf('zs-secretariat')).unread
    const id = await submitRequest('关于荷城街道防汛物资储备的请示')
    const desk = await listOf('zs-secretariat')
    assert.equal(desk.unread, before + 1)
    const message = desk.items[0]
    assert.ok(message)
    assert.equal(message.kind, 'task')
    assert.match(message.title, /待签收：《关于荷城街道防汛物资储备的请示》/)
    assert.equal(message.link, `/documents/${id}`)
    assert.equal(message.readAt, null)
    // The submitting unit, a bureau and a deputy hear nothing of it.
    for (const other of ['zs-townshipHead', 'zs-departmentHead-9', 'zs-deputy-2'])
      assert.ok(
        !(await listOf(other)).items.some((item) => item.link === `/documents/${id}`),
        `${other} sees no message of another post's task`,
      )
    // Administrators have no 消息中心 (三员分立).
    const admin = await (await as('systemAdmin')).get('/api/notifications')
    assert.equal(admin.statusCode, 403, admin.body)
  })

  it("reaches the post's holder and the post acting for it; read is per person", async () => {
    clock = MONDAY
    const principal = await postIdOf(handle.db, '区长')
    await handle.db.transaction().execute((trx) =>
      createRepositories(trx).notifications.notify({
        jurisdictionId: 'zhongshan',
        recipient: { postId: principal },
        kind: 'task',
        title: '待批示：《关于区长批示测试的请示》',
        link: '/documents/00000000-0000-4000-8000-000000000000',
        at: MONDAY.toISOString(),
      }),
    )
    const mine = (list: Listed) => list.items.find((item) => /区长批示测试/.test(item.title))
    const head = await listOf('zs-principal')
    // 李红梅 acts for the 区长 this week (the demo's acting assignment): she reads it too.
    const acting = await listOf('zs-executiveDeputy')
    assert.ok(mine(head))
    assert.ok(mine(acting))
    assert.ok(!mine(await listOf('zs-deputy-2')), 'another deputy does not')
    const read = await (
      await as('zs-principal')
    ).post('/api/notifications/read', { ids: [mine(head)?.id] })
    assert.equal(read.statusCode, 200, read.body)
    assert.deepEqual(read.json(), { marked: 1, unread: head.unread - 1 })
    assert.ok(mine(await listOf('zs-principal'))?.readAt)
    assert.equal(mine(await listOf('zs-executiveDeputy'))?.readAt, null)
    // Someone else's message cannot be marked: nothing changes.
    const foreign = await (
      await as('zs-deputy-2')
    ).post('/api/notifications/read', { ids: [mine(head)?.id] })
    assert.deepEqual(foreign.json(), { marked: 0, unread: (await listOf('zs-deputy-2')).unread })
    const all = await (
      await as('zs-executiveDeputy')
    ).post('/api/notifications/read', { all: true })
    assert.equal(all.json().unread, 0)
    assert.equal(
      (await (await as('zs-executiveDeputy')).get('/api/notifications/unread-count')).json().unread,
      0,
    )
    const bad = await (await as('zs-principal')).post('/api/notifications/read', { ids: [] })
    assert.equal(bad.statusCode, 400)
    assert.match(bad.json().error.message, /请至少选择一条消息/)
  })

  it('tells a bureau of a new supervision item', async () => {
    clock = MONDAY
    const office = await as('zs-deputyOfficeDirector')
    await office.put('/api/session/post', {
      postId: await postIdOf(handle.db, '区人民政府督查室主任'),
    })
    const created = await office.post('/api/supervision/items', {
      source: 'workReport',
      title: '完成年度预算绩效评价',
      leadDepartmentId: await departmentIdOf(handle.db, '区财政局'),
      dueDate: '2026-03-20',
    })
    assert.ok(created.statusCode < 300, created.body)
    const bureau = await listOf('zs-departmentHead-9')
    const item = bureau.items.find((entry) => /完成年度预算绩效评价/.test(entry.title))
    assert.equal(item?.kind, 'task')
    assert.match(item?.title ?? '', /新督办事项.*时限 2026-03-20/)
    assert.equal(item?.link, `/supervision/${created.json().item.id}`)
    assert.ok(!(await listOf('zs-departmentHead-10')).items.some((e) => e.link === item?.link))

    // The bureau asks for more time: the supervision office is asked; its answer comes back.
    const audit = await office.post('/api/supervision/items', {
      source: 'workReport',
      title: '整改审计发现的问题',
      leadDepartmentId: await departmentIdOf(handle.db, '区财政局'),
      dueDate: '2026-03-20',
    })
    const auditLink = `/supervision/${audit.json().item.id}`
    const asked = await (
      await as('zs-departmentHead-9')
    ).post(`/api/supervision/items/${audit.json().item.id}/extension`, {
      requestedDue: '2026-03-31',
      reason: '需等待区人大常委会审议预算调整方案后方能执行',
    })
    assert.equal(asked.statusCode, 200, asked.body)
    const request = (await listOf('zs-deputyOfficeDirector')).items.find(
      (entry) => entry.link === auditLink && entry.kind === 'task',
    )
    assert.match(request?.title ?? '', /^延期申请待审核：整改审计发现的问题/)
    const decided = await office.post(
      `/api/supervision/items/${audit.json().item.id}/extension/decide`,
      { approve: true },
    )
    assert.equal(decided.statusCode, 200, decided.body)
    const answer = (await listOf('zs-departmentHead-9')).items.find(
      (entry) => entry.link === auditLink && entry.kind === 'approval',
    )
    assert.match(answer?.title ?? '', /^延期申请已同意：整改审计发现的问题/)
  })

  it('tells the bureau of 催办 before the due date and of 逾期 after it (the ledger scan)', async () => {
    const scan = (on: string) => {
      clock = at(on)
      return runSupervisionScan(
        handle.db,
        { hasher: sm3Hasher, now: () => clock, rules: createRulesPort(testLibrary()) },
        100,
      )
    }
    const about = async (pattern: RegExp) =>
      (await listOf('zs-departmentHead-9')).items.filter((item) => pattern.test(item.title))
    await scan('2026-03-17')
    assert.equal((await about(/^督办催办：完成年度预算绩效评价/)).length, 1)
    assert.equal((await about(/^督办催办：完成年度预算绩效评价/))[0]?.kind, 'remind')
    await scan('2026-03-23')
    await scan('2026-03-24')
    const overdue = await about(/^督办事项已逾期：完成年度预算绩效评价/)
    assert.equal(overdue.length, 1, 'one 逾期 however often the scan runs')
    assert.equal(overdue[0]?.kind, 'overdue')
    // The supervision office (赵敏's second post) is told to follow it up.
    const office = (await listOf('zs-deputyOfficeDirector')).items.filter((item) =>
      /^督办事项已逾期，请督办：完成年度预算绩效评价/.test(item.title),
    )
    assert.equal(office.length, 1)
    assert.ok(!(await about(/请督办/)).length, 'the bureau is not asked to follow up its own item')
    clock = MONDAY
  })

  it('tells participants of the notice, the unit of its approved item, a deputy of the leave decision', async () => {
    clock = MONDAY
    const office = await as('zs-secretariat')
    const scheduled = await office.post('/api/meetings', {
      meetingType: 'standing',
      startsAt: '2026-03-12T09:00:00+08:00',
      location: '区政府三楼会议室',
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    const meeting = scheduled.json().meeting.id
    const schools = await (
      await as('zs-departmentHead-10')
    ).post(`/api/meetings/${meeting}/items`, {
      title: '关于新建第三实验小学的议题',
      completed: [{ code: 'investigation' }, { code: 'feasibilityAssessment' }],
    })
    assert.equal(schools.json().gate.admitted, true, schools.body)
    const head = await as('zs-principal')
    const approved = await head.post(`/api/meetings/${meeting}/agenda/approve`, {
      itemIds: [schools.json().item.id],
    })
    assert.equal(approved.statusCode, 200, approved.body)
    const link = `/meetings/${meeting}`
    const bureau = (await listOf('zs-departmentHead-10')).items.find((item) => item.link === link)
    assert.equal(bureau?.kind, 'approval')
    assert.match(bureau?.title ?? '', /议题已审定上会：关于新建第三实验小学的议题/)
    assert.equal((await office.post(`/api/meetings/${meeting}/notice`)).statusCode, 200)
    const notices = async (username: string) =>
      (await listOf(username)).items.filter((item) => item.link === link && item.kind === 'meeting')
    for (const member of ['zs-principal', 'zs-deputy-2', 'zs-officeDirector'])
      assert.equal((await notices(member)).length, 1, `${member} has the notice`)
    assert.match((await notices('zs-deputy-2'))[0]?.title ?? '', /^会议通知：/)
    assert.equal((await notices('zs-legalOffice')).length, 0, 'no notice for a non-participant')
    const deputy = await as('zs-deputy-2')
    assert.equal(
      (await deputy.post(`/api/meetings/${meeting}/leave`, { reason: '赴省参加培训' })).statusCode,
      200,
    )
    const decided = await head.post(
      `/api/meetings/${meeting}/leave/${await postIdOf(handle.db, '副区长（教育）')}/decide`,
      { approve: true },
    )
    assert.equal(decided.statusCode, 200, decided.body)
    const leave = (await listOf('zs-deputy-2')).items.find(
      (item) => item.link === link && item.kind === 'approval',
    )
    assert.match(leave?.title ?? '', /^请假已准予：/)
  })

  it('refuses channel settings it cannot honour, in Chinese', async () => {
    const person = await as('zs-secretariat')
    const noAddress = await person.put('/api/notifications/preferences', {
      email: { enabled: true, address: null },
      webhook: { enabled: false, recipientId: null },
    })
    assert.equal(noAddress.statusCode, 422, noAddress.body)
    assert.match(noAddress.json().error.message, /须填写电子邮箱地址/)
    const badAddress = await person.put('/api/notifications/preferences', {
      email: { enabled: true, address: 'not-an-address' },
      webhook: { enabled: false, recipientId: null },
    })
    assert.match(badAddress.json().error.message, /电子邮箱地址格式不正确/)
    const view = await person.get('/api/notifications/preferences')
    assert.deepEqual(view.json().available, ['email', 'webhook'])
    assert.equal(view.json().email.enabled, false)
  })
})

describe('催办 by e-mail', () => {
  it('sends one e-mail per reminder, whether the worker runs twice, two race, or it restarts', async () => {
    clock = MONDAY
    const id = await submitRequest('关于申请荷城街道防汛物资经费的请示')
    const desk = await as('zs-secretariat')
    assert.equal((await desk.post(`/api/documents/${id}/register`, {})).statusCode, 200)
    const screened = await desk.post(`/api/documents/${id}/screen`, { findings: {} })
    assert.equal(screened.json().document.dueDate, '2026-03-05', screened.body)
    // Whoever must 拟办 chooses e-mail.
    const task = await handle.db
      .selectFrom('document_tasks')
      .innerJoin('post_holdings', 'post_holdings.post_id', 'document_tasks.assignee_post_id')
      .innerJoin('people', 'people.id', 'post_holdings.person_id')
      .select(['people.roster_key', 'document_tasks.kind'])
      .where('document_tasks.document_id', '=', id)
      .where('document_tasks.closed_at', 'is', null)
      .executeTakeFirstOrThrow()
    assert.equal(task.kind, 'propose')
    const assignee = await as(String(task.roster_key))
    const saved = await assignee.put('/api/notifications/preferences', {
      email: { enabled: true, address: 'assignee@zhongshan.example' },
      webhook: { enabled: false, recipientId: null },
    })
    assert.equal(saved.statusCode, 200, saved.body)

    const channels = () => [
      smtpChannel({ url: sink.url, from: '政令 <noreply@zhongshan.example>' }),
    ]
    const first = worker(channels())
    const reminders = () =>
      sink.received.filter((mail) =>
        /催办：《关于申请荷城街道防汛物资经费的请示》/.test(mail.header('subject') ?? ''),
      )
    clock = at('2026-03-05')
    await first()
    await first()
    assert.equal(reminders().length, 1, 'the worker run twice sends it once')
    const mail = reminders()[0]
    assert.ok(mail)
    assert.deepEqual(mail.to, ['assignee@zhongshan.example'])
    const [delivery] = await deliveriesOf(/^催办：《关于申请荷城街道防汛物资经费的请示》/)
    assert.equal(delivery?.status, 'sent')
    assert.equal(delivery?.attempts, 1)
    // The notification's id is the Message-ID: a resend would be recognisably the same message.
    assert.ok(mail.header('message-id')?.includes(String(delivery?.nid)), mail.header('message-id'))
    assert.equal(mail.header('x-zhengling-notification'), delivery?.nid)
    assert.match(mail.text, new RegExp(`/documents/${id}`))

    // The day after: 逾期. Two workers race for it; one sends.
    clock = at('2026-03-06')
    const second = worker(channels())
    await Promise.all([first(), second(), first()])
    const overdue = sink.received.filter((m) =>
      /逾期：《关于申请荷城街道防汛物资经费的请示》/.test(m.header('subject') ?? ''),
    )
    assert.equal(overdue.length, 1, 'racing workers send the 逾期 once')
    // A restart: a new worker over the same database sends nothing again.
    const restarted = worker(channels())
    clock = at('2026-03-09')
    await restarted()
    assert.equal(reminders().length, 1)
    assert.equal(
      sink.received.filter((m) =>
        /关于申请荷城街道防汛物资经费的请示/.test(m.header('subject') ?? ''),
      ).length,
      2,
    )
  })
})

describe('the signed webhook', () => {
  let receiver: Server
  let url: string
  let failing = false
  const arrived: { valid: boolean; key: string | undefined; body: Record<string, unknown> }[] = []
  before(async () => {
    receiver = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        arrived.push({
          valid: verifyWebhookSignature({
            secret: SECRET,
            timestamp: request.headers[WEBHOOK_TIMESTAMP_HEADER] as string | undefined,
            signature: request.headers[WEBHOOK_SIGNATURE_HEADER] as string | undefined,
            body,
            now: new Date(),
          }),
          key: request.headers[WEBHOOK_IDEMPOTENCY_HEADER] as string | undefined,
          body: JSON.parse(body),
        })
        response.statusCode = failing ? 500 : 200
        response.end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
  })
  after(() => new Promise<void>((resolve) => receiver.close(() => resolve())))

  it('posts signed JSON once; a failing gateway is retried with backoff, then dead-lettered', async () => {
    clock = at('2026-03-10')
    const person = await as('zs-departmentHead-10')
    const saved = await person.put('/api/notifications/preferences', {
      email: { enabled: false, address: null },
      webhook: { enabled: true, recipientId: 'zhengtao' },
    })
    assert.equal(saved.statusCode, 200, saved.body)
    const education = await departmentIdOf(handle.db, '区教育局')
    const notify = (title: string) =>
      handle.db.transaction().execute((trx) =>
        createRepositories(trx).notifications.notify({
          jurisdictionId: 'zhongshan',
          recipient: { departmentId: education },
          kind: 'remind',
          title,
          link: '/supervision/x',
          at: clock.toISOString(),
        }),
      )
    const run = worker([webhookChannel({ url, secret: SECRET })])
    await notify('督办催办：校舍安全排查')
    await run()
    await run()
    assert.equal(arrived.length, 1)
    assert.equal(arrived[0]?.valid, true, 'the HMAC signature over timestamp and body checks out')
    assert.equal(arrived[0]?.body.recipient, 'zhengtao')
    assert.equal(arrived[0]?.body.title, '督办催办：校舍安全排查')
    assert.equal(arrived[0]?.key, arrived[0]?.body.id)
    // A wrong secret does not verify.
    assert.equal(
      verifyWebhookSignature({
        secret: 'another-secret-0000000000',
        timestamp: String(Math.floor(Date.now() / 1000)),
        signature: 'sha256=00',
        body: '{}',
        now: new Date(),
      }),
      false,
    )

    failing = true
    await notify('督办催办：食堂食品安全检查')
    let tries = 0
    for (let step = 0; step < NOTIFICATION_DELIVERY_ATTEMPTS + 2; step += 1) {
      await run()
      tries = arrived.length - 1
      const [delivery] = await deliveriesOf(/食堂食品安全检查/)
      if (step < NOTIFICATION_DELIVERY_ATTEMPTS - 1) {
        assert.equal(delivery?.status, 'retrying', `attempt ${step + 1}`)
        // Not again before its backoff has passed.
        await run()
        assert.equal(arrived.length - 1, tries)
      }
      clock = new Date(clock.getTime() + 2 * 3_600_000)
    }
    const [dead] = await deliveriesOf(/食堂食品安全检查/)
    assert.equal(tries, NOTIFICATION_DELIVERY_ATTEMPTS, 'tried exactly the limit')
    assert.equal(dead?.status, 'dead')
    assert.equal(dead?.attempts, NOTIFICATION_DELIVERY_ATTEMPTS)
    assert.match(String(dead?.last_error), /HTTP 500/)
  })
})

describe('the live stream', () => {
  it('pushes a message created by another request to the open page', async () => {
    clock = at('2026-03-10')
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = (app.server.address() as AddressInfo).port
    const desk = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'zs-secretariat', password: 'Zhongshan-Demo-2026' },
    })
    const cookie = `zl_session=${desk.cookies.find((c) => c.name === 'zl_session')?.value}`
    const events: { event: string; data: Record<string, unknown> }[] = []
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      get(
        { host: '127.0.0.1', port, path: '/api/notifications/stream', headers: { cookie } },
        resolve,
      ).on('error', reject),
    )
    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /text\/event-stream/)
    let buffer = ''
    const waiters: (() => void)[] = []
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      buffer += chunk
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event = /^event: (.*)$/m.exec(block)?.[1]
        const data = /^data: (.*)$/m.exec(block)?.[1]
        if (event && data) events.push({ event, data: JSON.parse(data) })
        for (const wake of waiters.splice(0)) wake()
        end = buffer.indexOf('\n\n')
      }
    })
    const until = async (test: () => boolean) => {
      const deadline = Date.now() + 10_000
      while (!test()) {
        assert.ok(Date.now() < deadline, `timed out; events: ${JSON.stringify(events)}`)
        await new Promise<void>((resolve) => {
          waiters.push(resolve)
          setTimeout(resolve, 100)
        })
      }
    }
    await until(() => events.some((e) => e.event === 'ready'))
    const unreadBefore = Number(events.find((e) => e.event === 'ready')?.data.unread)
    await submitRequest('关于大河镇农村公路养护资金的请示')
    await until(() => events.some((e) => e.event === 'notification'))
    const pushed = events.find((e) => e.event === 'notification')?.data as {
      notification: { title: string }
      unread: number
    }
    assert.match(pushed.notification.title, /关于大河镇农村公路养护资金的请示/)
    assert.equal(pushed.unread, unreadBefore + 1)
    response.destroy()
    // Signed out, there is no stream.
    const refused = await app.inject({ method: 'GET', url: '/api/notifications/stream' })
    assert.equal(refused.statusCode, 401)
  })
})
