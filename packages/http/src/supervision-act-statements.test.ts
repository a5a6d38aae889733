import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { actStatements } from './test-support/act-statements.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Issue 14: every act on a ledger item runs on the act kernel within a statement budget: its
// transaction (begin … commit) sends at most ten statements, the actor coming with the session.
const BUDGET = 10
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY })
const as = (username: string) => signInAs(server.app, username)

describe('statements per act on a ledger item', () => {
  it('each act of an item’s life stays within the budget', async () => {
    const office = await as('zs-deputyOfficeDirector')
    await office.put('/api/session/post', {
      postId: await postIdOf(server.handle.db, '区人民政府督查室主任'),
    })
    const finance = await as('zs-departmentHead-9')
    const budget = await office.post('/api/supervision/items', {
      source: 'workReport',
      title: '压减一般性支出',
      leadDepartmentId: await departmentIdOf(server.handle.db, '区财政局'),
      dueDate: '2026-03-13',
      milestones: [{ title: '拟定压减方案', dueDate: '2026-03-06' }],
    })
    assert.equal(budget.statusCode, 201, budget.body)
    const item = `/api/supervision/items/${budget.json().item.id}`
    const acts: [string, () => ReturnType<typeof finance.post>][] = [
      ['progress', () => finance.post(`${item}/progress`, { text: '已拟定', milestoneIndex: 0 })],
      [
        'extension',
        () =>
          finance.post(`${item}/extension`, {
            requestedDue: '2026-03-31',
            reason: '需等待区人大常委会审议预算调整方案后方能执行',
          }),
      ],
      ['extension/decide', () => office.post(`${item}/extension/decide`, { approve: true })],
      ['closure', () => finance.post(`${item}/closure`, { report: '已压减到位' })],
      [
        'closure/review',
        () => office.post(`${item}/closure/review`, { approve: false, text: '请补充压减明细' }),
      ],
      ['closure again', () => finance.post(`${item}/closure`, { report: '已全部压减到位' })],
      ['closure/review again', () => office.post(`${item}/closure/review`, { approve: true })],
    ]
    const counts: Record<string, number> = {}
    for (const [name, send] of acts) {
      const { inAct } = await actStatements(server.handle.db, send)
      counts[name] = inAct.length
      if (process.env.SHOW_STATEMENTS)
        console.log(
          name,
          inAct.map((t) => t.slice(0, 90)),
        )
      assert.ok(inAct.length <= BUDGET, `${name}: ${inAct.length} statements\n${inAct.join('\n')}`)
    }
    console.log('statements per ledger act:', counts)
  })
})
