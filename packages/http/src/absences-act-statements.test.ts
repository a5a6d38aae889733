import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { actStatements, statementList } from './test-support/act-statements.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Issue 14's budget for 请销假 (issue 15): each act's transaction (begin … commit) sends at most
// ten statements, the actor coming with the session.
const BUDGET = 10
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'erlianhaote' })
const as = (username: string) => signInAs(server.app, username)

const request = async (title: string, from: string, to: string) => ({
  postId: await postIdOf(server.handle.db, title),
  category: 'businessTrip',
  from,
  to,
  destination: '锡林浩特市',
  reason: '参加盟里工作会议',
  contact: '13900000000',
})

describe('statements per 请销假 act', () => {
  it('filing, approval, refusal, 销假 and withdrawal each stay within the budget', async () => {
    server.clock = MONDAY
    const deputy = await as('el-deputy-3')
    const head = await as('el-principal')
    const finance = await as('el-departmentHead-finance')
    const executive = await as('el-executiveDeputy')
    const counts: Record<string, number> = {}
    let id = ''
    const measure = async (
      name: string,
      send: () => Promise<{ statusCode: number; body: string }>,
    ) => {
      const { inAct } = await actStatements(server.handle.db, async () => {
        const response = await send()
        if (response.statusCode < 300) id = JSON.parse(response.body).id
        return response
      })
      counts[name] = inAct.length
      assert.ok(inAct.length <= BUDGET, statementList(name, inAct, BUDGET))
    }
    await measure('preview', async () =>
      deputy.post('/api/absences/preview', {
        ...(await request('副市长（教育）', '2026-03-10', '2026-03-12')),
        destination: undefined,
        reason: undefined,
        contact: undefined,
      }),
    )
    await measure('file', async () =>
      deputy.post('/api/absences', await request('副市长（教育）', '2026-03-10', '2026-03-12')),
    )
    const trip = id
    await measure('approve', () => head.post(`/api/absences/${trip}/approve`, { opinion: '同意' }))
    server.clock = new Date('2026-03-12T02:00:00Z')
    const deputyLater = await as('el-deputy-3')
    await measure('return', () =>
      deputyLater.post(`/api/absences/${trip}/return`, {
        returnedOn: '2026-03-11',
        report: '会议精神已向市长报告',
      }),
    )
    server.clock = MONDAY
    await measure('file (department head)', async () =>
      finance.post('/api/absences', await request('市财政局局长', '2026-03-20', '2026-03-21')),
    )
    await measure('refuse', () =>
      executive.post(`/api/absences/${id}/refuse`, { reason: '月底结算期间不宜外出' }),
    )
    await measure('file again', async () =>
      finance.post('/api/absences', await request('市财政局局长', '2026-03-23', '2026-03-24')),
    )
    await measure('withdraw', () => finance.post(`/api/absences/${id}/withdraw`, {}))
    console.log('statements per 请销假 act:', counts)
  })
})
