import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { actStatements, statementList } from './test-support/act-statements.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'

// Statements per act (issue 14; docs/decisions/0030): each documents act, walked through the
// API on a real database, sends at most its budget of statements in its transaction (begin to
// commit), counted at the driver; and its answer, built from the state the transaction held, is
// the document as a fresh read shows it. The budget is 10 (the target); an act allowed
// more says what it writes beyond the kernel's own, so the count cannot creep back.
const MONDAY = new Date('2026-03-02T01:00:00Z') // 09:00 in Asia/Shanghai
const BUDGET = 10

const server = useDemoServer({ startsAt: MONDAY })
const as = (username: string) => signInAs(server.app, username)

type Desk = Awaited<ReturnType<typeof as>>

interface Act {
  name: string
  by: Desk
  path: string
  body?: object
  /** Above BUDGET only with a reason. */
  budget?: number
}

/** Runs the acts in order, each counted, each answer compared with a fresh read. */
async function walk(id: string, acts: Act[]) {
  const counts: Record<string, number> = {}
  for (const act of acts) {
    let answer: Awaited<ReturnType<Desk['post']>> | undefined
    const { inAct } = await actStatements(server.handle.db, async () => {
      answer = await act.by.post(`/api/documents/${id}/${act.path}`, act.body ?? {})
      assert.equal(answer.statusCode, 200, `${act.name}: ${answer.body}`)
      return answer
    })
    const response = answer!
    const budget = act.budget ?? BUDGET
    assert.ok(inAct.length <= budget, statementList(act.name, inAct, budget))
    counts[act.name] = inAct.length
    // The answer from the state in hand is what a fresh read answers.
    const read = await act.by.get(`/api/documents/${id}`)
    assert.deepEqual(response.json(), read.json(), `${act.name}: answer differs from a fresh read`)
  }
  return counts
}

describe('statements per documents act', () => {
  it('an incoming flow: 签收登记 to 办结', async () => {
    const township = await as('zs-townshipHead')
    const desk = await as('zs-secretariat')
    const finance = await departmentIdOf(server.handle.db, '区财政局')
    const street = await departmentIdOf(server.handle.db, '荷城街道')
    const submitted = await township.post('/api/documents/incoming', {
      kind: '请示',
      title: '关于申请拨付荷城街道老旧小区改造资金的请示',
      body: '区人民政府：为推进老旧小区改造，申请拨付专项资金。妥否，请批示。',
      senderReference: '荷街呈〔2026〕3号',
      secrecy: '内部',
      urgency: 'normal',
      mainRecipients: ['区人民政府'],
      signatories: ['孙丽'],
    })
    assert.equal(submitted.statusCode, 201, submitted.body)
    const counts = await walk(submitted.json().document.id, [
      // 签收登记 also takes the next 收文编号 with its format (one upsert) and indexes it for search.
      { name: 'register', by: desk, path: 'register' },
      { name: 'screen', by: desk, path: 'screen', body: { findings: {} } },
      {
        name: 'propose',
        by: await as('zs-officeDirector'),
        path: 'propose',
        body: { opinion: '拟请城建、财政分管领导审批', concernedDepartmentIds: [finance] },
      },
      { name: 'instruct', by: await as('zs-deputy-3'), path: 'instruct', body: { text: '同意。' } },
      {
        name: 'instruct (last)',
        by: await as('zs-executiveDeputy'),
        path: 'instruct',
        body: { circleRead: true },
      },
      {
        name: 'refer',
        by: desk,
        path: 'refer',
        body: { departmentIds: [finance, street] },
      },
      {
        name: 'complete',
        by: await as('zs-departmentHead-9'),
        path: 'complete',
        body: { result: '资金已安排。' },
      },
      {
        name: 'complete (last)',
        by: township,
        path: 'complete',
        body: { result: '已组织实施。' },
      },
    ])
    console.log('statements per act (incoming):', JSON.stringify(counts))
  })

  it('an outgoing flow: 核稿 to 归档', async () => {
    const bureau = await as('zs-departmentHead-9')
    const drafted = await bureau.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: '关于开展安全生产大检查的通知',
      body: '各有关单位：……',
      mainRecipients: ['各乡（镇、街道）'],
      secrecy: '公开',
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const id = drafted.json().document.id
    const executive = await as('zs-executiveDeputy')
    const desk = await as('zs-secretariat')
    const counts = await walk(id, [
      { name: 'review', by: bureau, path: 'review', body: { opinion: '同意' } },
      {
        name: 'review (office)',
        by: await as('zs-officeDirector'),
        path: 'review',
        body: { opinion: '同意' },
      },
      {
        name: 'review (last)',
        by: executive,
        path: 'review',
        body: { opinion: '同意' },
      },
    ])
    // The head is away this week: the executive deputy signs in the head's post.
    const head = executive.me.posts.find((post: { title: string }) => post.title === '区长')
    assert.equal(
      (await executive.put('/api/session/post', { postId: head.postId })).statusCode,
      200,
    )
    Object.assign(
      counts,
      await walk(id, [
        { name: 'sign', by: executive, path: 'sign' },
        { name: 'number', by: desk, path: 'number' },
        // Opens two kinds of task (the recipients' 签收, the 归档) and reads the recipients as
        // written, their groups and the organisation chart to resolve them.
        { name: 'issue', by: desk, path: 'issue', body: { disclosure: 'active' }, budget: 13 },
        { name: 'archive', by: desk, path: 'archive' },
      ]),
    )
    console.log('statements per act (outgoing):', JSON.stringify(counts))
  })
})
