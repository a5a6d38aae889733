import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { sm3Hasher } from '@zhengling/app'
import { documentTimerHandlers, runDueJobs } from '@zhengling/db'
import { loadLibrary } from '@zhengling/rulebooks'
import { createRulesPort } from './rules-port.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'

// 催办 on the durable timers: a 请示 registered on Monday must be handled by Thursday
// (钟山 第三十一条, 3 working days). The timers remind on the due day and, when the task is
// still open the day after, tell the desk that follows documents up (条例第二十四条).
const MONDAY = new Date('2026-03-02T01:00:00Z')
const at = (date: string, time = '09:30') => new Date(`${date}T${time}:00+08:00`)
const handlers = documentTimerHandlers({
  hasher: sm3Hasher,
  now: () => server.clock,
  newId: randomUUID,
  rules: createRulesPort(loadLibrary()),
})
const fire = () => runDueJobs(server.handle.db, { handlers, now: () => server.clock })

const server = useDemoServer({ startsAt: MONDAY })

const as = (username: string) => signInAs(server.app, username)

async function registeredRequest(title: string): Promise<string> {
  server.clock = MONDAY
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
  const id = submitted.json().document.id
  const desk = await as('zs-secretariat')
  await desk.post(`/api/documents/${id}/register`, {})
  const screened = await desk.post(`/api/documents/${id}/screen`, { findings: {} })
  assert.equal(screened.json().document.dueDate, '2026-03-05', screened.body)
  return id
}

const actions = async (id: string) =>
  (await (await as('zs-officeDirector')).get(`/api/documents/${id}`))
    .json()
    .events.map((e: { action: string }) => e.action)

describe('催办 of documents on the durable timers', () => {
  it('reminds on the due day, then tells the follow-up desk once it is overdue', async () => {
    const id = await registeredRequest('关于申请荷城街道防汛物资经费的请示')
    // Wednesday: nothing is due yet.
    server.clock = at('2026-03-04')
    await fire()
    assert.ok(!(await actions(id)).includes('remind'))

    server.clock = at('2026-03-05')
    await fire()
    const view = (await (await as('zs-officeDirector')).get(`/api/documents/${id}`)).json()
    const remind = view.events.find((e: { action: string }) => e.action === 'remind')
    assert.ok(remind, 'a reminder on the due day')
    assert.match(remind.opinion, /2026-03-05/)
    assert.equal(remind.details.taskKind, 'propose')
    assert.ok(
      view.citations.some((c: { ruleId: string }) => c.ruleId === 'national.incoming.follow-up'),
    )

    server.clock = at('2026-03-06')
    await fire()
    const escalated = (await (await as('zs-secretariat')).get(`/api/documents/${id}`)).json()
    const escalate = escalated.events.find((e: { action: string }) => e.action === 'escalate')
    assert.ok(escalate, 'escalation the day after')
    assert.match(escalate.opinion, /已逾期 1 个工作日/)
    // The desk gets a 待阅 to chase it.
    const inbox = (await (await as('zs-secretariat')).get('/api/inbox')).json()
    assert.ok(
      inbox.some(
        (e: { task: { kind: string }; document: { id: string } }) =>
          e.document.id === id && e.task.kind === 'read',
      ),
    )
    // Each timer fires once: firing again adds nothing.
    const before = (await actions(id)).length
    await fire()
    assert.equal((await actions(id)).length, before)
  })

  it('says nothing about a task done in time', async () => {
    const id = await registeredRequest('关于申请荷城街道路灯维修经费的请示')
    server.clock = at('2026-03-03')
    const proposed = await (
      await as('zs-officeDirector')
    ).post(`/api/documents/${id}/propose`, { opinion: '拟呈分管领导' })
    assert.equal(proposed.statusCode, 200, proposed.body)
    await (await as('zs-deputy-3')).post(`/api/documents/${id}/instruct`, { text: '同意。' })
    const referred = await (
      await as('zs-secretariat')
    ).post(`/api/documents/${id}/refer`, {
      departmentIds: [proposed.json().document.senderDepartmentId],
      dueDate: '2026-03-05',
    })
    assert.equal(referred.statusCode, 200, referred.body)
    await (
      await as('zs-townshipHead')
    ).post(`/api/documents/${id}/complete`, { result: '已修复。' })
    server.clock = at('2026-03-09')
    await fire()
    const events = await actions(id)
    assert.ok(!events.includes('remind') && !events.includes('escalate'), events.join(','))
  })
})
