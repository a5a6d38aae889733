import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 当前办理 on a 钟山区 ledger item (督办事项) and in the ledger: the lead unit carries it out
// until its due date; the supervision office holds it while an extension or the closing review
// waits; nobody once it is closed.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY })
const as = (username: string) => signInAs(server.app, username)
const unit = (name: string) => departmentIdOf(server.handle.db, name)

interface Holding {
  kind: string
  postTitle: string | null
  unitName: string | null
  holders: string[]
  since: string
  dueDate: string | null
  workingDaysLeft: number | null
}

const summary = (holdings: Holding[]) =>
  holdings.map((h) => [h.kind, h.unitName, h.postTitle, h.holders, h.dueDate])

describe('who holds a ledger item or an agenda item now', () => {
  it('the lead unit, then the supervision office on a request, then nobody', async () => {
    server.clock = MONDAY
    const office = await as('zs-deputyOfficeDirector')
    await office.put('/api/session/post', {
      postId: await postIdOf(server.handle.db, '区人民政府督查室主任'),
    })
    const created = await office.post('/api/supervision/items', {
      source: 'workReport',
      title: '压减一般性支出',
      leadDepartmentId: await unit('区财政局'),
      dueDate: '2026-03-13',
    })
    assert.equal(created.statusCode, 201, created.body)
    const id = created.json().item.id
    assert.deepEqual(summary(created.json().item.holders), [
      ['carryOut', '区财政局', '区财政局局长', ['吴静'], '2026-03-13'],
    ])
    assert.equal(created.json().item.holders[0].workingDaysLeft, 9)
    assert.equal(created.json().item.holders[0].since, MONDAY.toISOString())
    // The ledger shows the same on each line, without a read per line.
    const ledger = (await office.get('/api/supervision/items')).json()
    const line = ledger.items.find((item: { id: string }) => item.id === id)
    assert.deepEqual(summary(line.holders), summary(created.json().item.holders))

    const finance = await as('zs-departmentHead-9')
    const asked = await finance.post(`/api/supervision/items/${id}/extension`, {
      requestedDue: '2026-03-31',
      reason: '需等待区人大常委会审议预算调整方案后方能执行',
    })
    assert.deepEqual(
      summary(asked.json().item.holders),
      [['decideExtension', null, '区人民政府督查室主任', ['赵敏'], null]],
      asked.body,
    )
    await office.post(`/api/supervision/items/${id}/extension/decide`, { approve: true })
    const closing = await finance.post(`/api/supervision/items/${id}/closure`, {
      report: '已完成压减',
    })
    assert.deepEqual(
      summary(closing.json().item.holders).map(([kind, , title]) => [kind, title]),
      [['reviewClosure', '区人民政府督查室主任']],
      closing.body,
    )
    const closed = await office.post(`/api/supervision/items/${id}/closure/review`, {
      approve: true,
    })
    assert.deepEqual(closed.json().item.holders, [], closed.body)
  })

  it('an agenda item: its unit, the approver, the presider; the unit withdraws it before approval', async () => {
    server.clock = MONDAY
    const office = await as('zs-secretariat')
    const scheduled = await office.post('/api/meetings', {
      meetingType: 'standing',
      startsAt: '2026-03-12T09:00:00+08:00',
      location: '区政府三楼会议室',
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    const meetingId = scheduled.json().meeting.id
    const finance = await as('zs-departmentHead-9')
    const blocked = await finance.post(`/api/meetings/${meetingId}/items`, {
      title: '关于调整2026年区级预算的议题',
      characteristics: ['legalityReviewNeeded'],
      completed: [{ code: 'investigation' }, { code: 'feasibilityAssessment' }],
    })
    assert.equal(blocked.json().gate.admitted, false, blocked.body)
    const education = await as('zs-departmentHead-10')
    const schools = await education.post(`/api/meetings/${meetingId}/items`, {
      title: '关于新建第三实验小学的议题',
      completed: [{ code: 'investigation' }, { code: 'feasibilityAssessment' }],
    })
    assert.equal(schools.json().gate.admitted, true, schools.body)
    const agendaOf = async () => (await office.get(`/api/meetings/${meetingId}`)).json().agenda
    const holdersOf = (agenda: { title: string; holders: Holding[] }[], title: string) =>
      summary(agenda.find((item) => item.title === title)?.holders ?? [])
    let agenda = await agendaOf()
    // Held back by its gate: its next missing step is 合法性审查, which the rulebook has the
    // legal office record (第四十四条 recordedBy) — so the 区司法局 holds it, not the 区财政局.
    assert.deepEqual(holdersOf(agenda, '关于调整2026年区级预算的议题'), [
      ['completeSteps', null, '区司法局局长', ['钱进'], '2026-03-12'],
    ])
    // Admitted: it waits on the head's approval (第四十五条 区长审定).
    assert.deepEqual(holdersOf(agenda, '关于新建第三实验小学的议题'), [
      ['approveAgenda', null, '区长', ['王建国'], '2026-03-12'],
    ])

    // Only the submitting unit withdraws, and only before approval.
    const byOther = await education.post(
      `/api/meetings/${meetingId}/items/${blocked.json().item.id}/withdraw`,
    )
    assert.equal(byOther.json().error.code, 'NOT_SUBMITTING_UNIT', byOther.body)
    const mine = (await finance.get(`/api/meetings/${meetingId}`)).json().agenda
    assert.equal(mine.find((i: { title: string }) => i.title.includes('预算')).mayWithdraw, true)
    const withdrawn = await finance.post(
      `/api/meetings/${meetingId}/items/${blocked.json().item.id}/withdraw`,
      { reason: '预算调整方案尚需完善' },
    )
    assert.equal(withdrawn.statusCode, 200, withdrawn.body)
    const item = withdrawn
      .json()
      .agenda.find((i: { id: string }) => i.id === blocked.json().item.id)
    assert.equal(item.state, 'withdrawn')
    assert.deepEqual(item.holders, [])
    assert.equal(withdrawn.json().events.at(-1).action, 'withdrawItem')

    const approved = await (
      await as('zs-principal')
    ).post(`/api/meetings/${meetingId}/agenda/approve`, { itemIds: [schools.json().item.id] })
    assert.equal(approved.statusCode, 200, approved.body)
    agenda = await agendaOf()
    // On the agenda: the presider holds it until the meeting decides.
    assert.deepEqual(
      holdersOf(agenda, '关于新建第三实验小学的议题').map(([kind, , , , due]) => [kind, due]),
      [['decideAtMeeting', '2026-03-12']],
    )
    const late = await education.post(
      `/api/meetings/${meetingId}/items/${schools.json().item.id}/withdraw`,
    )
    assert.equal(late.json().error.code, 'AGENDA_ITEM_NOT_PENDING', late.body)
  })
})
