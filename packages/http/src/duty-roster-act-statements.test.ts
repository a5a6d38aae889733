import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { actStatements, statementList } from './test-support/act-statements.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Issue 14's budget for 值班表's acts (issue 16): each act's transaction (begin … commit) sends
// at most ten statements, whatever the span (a holiday period of seven days here).
const BUDGET = 10
const server = useDemoServer({ startsAt: new Date('2026-09-14T02:00:00Z'), jurisdiction: 'muli' })

describe('statements per 值班表 act', () => {
  it('generate, edit, publish and swap stay within the budget', async () => {
    const db = server.handle.db
    const office = await signInAs(server.app, 'ml-officeDirector')
    const departmentId = await departmentIdOf(db, '县政府总值班室')
    const leaderPostIds = [await postIdOf(db, '县长'), await postIdOf(db, '常务副县长')]
    const staffPostIds = [
      await postIdOf(db, '县政府总值班室值班员（一）'),
      await postIdOf(db, '县政府总值班室值班员（二）'),
    ]
    const { units } = (await office.get('/api/duty/units')).json() as {
      units: { id: string; departmentId: string; season: string | null }[]
    }
    let unitId = units.find((u) => u.departmentId === departmentId && u.season === null)?.id
    if (!unitId) {
      const made = await office.post('/api/duty/units', {
        departmentId,
        leaderPostIds,
        staffPostIds,
      })
      assert.equal(made.statusCode, 201, made.body)
      unitId = made.json().id as string
    }
    const span = { unitId, holiday: 'nationalDay', year: 2026 }
    let shift = { id: '', version: 0, leader: null as { personId: string } | null }
    const acts: [string, () => ReturnType<typeof office.post>][] = [
      [
        'generate',
        async () => {
          const answer = await office.post('/api/duty/rosters/generate', span)
          shift = answer.json().days[0].shifts[0]
          return answer
        },
      ],
      [
        'edit',
        () =>
          server.app.inject({
            method: 'PATCH',
            url: `/api/duty/shifts/${shift.id}`,
            headers: office.headers,
            payload: { leaderPersonId: null, staffPersonIds: [], version: shift.version },
          }),
      ],
      ['publish', () => office.post('/api/duty/rosters/publish', span)],
      [
        'swap',
        async () => {
          const leaders = (
            await office.get(`/api/duty/rosters?unit=${unitId}&holiday=nationalDay&year=2026`)
          ).json().leaders as { personId: string }[]
          return office.post(`/api/duty/shifts/${shift.id}/swap`, {
            role: 'leader',
            fromPersonId: null,
            toPersonId: leaders[0]?.personId,
            reason: '补排带班领导',
          })
        },
      ],
    ]
    for (const [name, send] of acts) {
      const { inAct } = await actStatements(db, send)
      if (process.env.SHOW_STATEMENTS) console.log(statementList(name, inAct, BUDGET))
      assert.ok(inAct.length <= BUDGET, statementList(name, inAct, BUDGET))
    }
  })
})
