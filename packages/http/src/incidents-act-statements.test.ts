import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { actStatements, statementList } from './test-support/act-statements.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Issue 14's budget for 突发事件信息报送 (issue 16): each act's transaction (begin … commit) sends
// at most ten statements.
const BUDGET = 10
const at = (local: string) => new Date(`${local}+08:00`)
const server = useDemoServer({ startsAt: at('2026-10-01T23:20:00'), jurisdiction: 'muli' })
const as = (username: string) => signInAs(server.app, username)

describe('statements per incident act', () => {
  it('首报, 书面报告, 要求续报, 终报, 终结, 核实 and the circular each stay within the budget', async () => {
    const township = await as('ml-townshipHead-qiaowa')
    const duty = await as('ml-dutyOfficer-1')
    const counts: Record<string, number> = {}
    let view: { id: string; elements: { code: string; label: string }[] } = {
      id: '',
      elements: [],
    }
    const measure = async (
      name: string,
      send: () => Promise<{ statusCode: number; body: string }>,
    ) => {
      const { inAct } = await actStatements(server.handle.db, async () => {
        const response = await send()
        if (response.statusCode < 300 && !['circular', 'review (核实)'].includes(name))
          view = JSON.parse(response.body)
        return response
      })
      counts[name] = inAct.length
      assert.ok(inAct.length <= BUDGET, statementList(name, inAct, BUDGET))
    }
    await measure('report (首报)', () =>
      township.post('/api/incidents', {
        category: 'suddenIncident',
        title: '乔瓦镇山体滑坡',
        occurredAt: '2026-10-01T22:10:00+08:00',
        firstReport: { channel: 'phone' },
      }),
    )
    const elements = Object.fromEntries(view.elements.map((e) => [e.code, e.label]))
    await measure('written report (late)', () =>
      township.post(`/api/incidents/${view.id}/reports`, {
        kind: 'follow-up',
        channel: 'written',
        elements,
      }),
    )
    await measure('request follow-up', () =>
      duty.post(`/api/incidents/${view.id}/follow-up-requests`, {
        dueAt: '2026-10-02T06:00:00+08:00',
      }),
    )
    await measure('final report', () =>
      township.post(`/api/incidents/${view.id}/reports`, {
        kind: 'final',
        channel: 'written',
        elements,
      }),
    )
    await measure('close', () => duty.post(`/api/incidents/${view.id}/close`, {}))
    const register = await duty.get('/api/duty/late-register?from=2026-10-01&to=2026-10-02')
    const [line] = register.json().entries as { id: string }[]
    assert.ok(line, register.body)
    await measure('review (核实)', () =>
      duty.post(`/api/duty/late-register/${line.id}/review`, {
        decision: 'confirmed',
        reason: '经核实确属迟报',
      }),
    )
    await measure('circular', () =>
      duty.post('/api/duty/circulars', { from: '2026-10-01', to: '2026-10-02' }),
    )
    console.log('statements per incident act:', counts)
  })
})
