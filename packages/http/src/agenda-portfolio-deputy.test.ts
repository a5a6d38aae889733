import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { postIdOf } from './test-support/post-id-of.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 二连浩特 四十一: 全体会议和常务会议议题"由市人民政府分管副市长协调或审核后提出". No deputy oversees the
// 市人民政府办公厅 (the 秘书长 leads it, 九): as for a draft (ADR 0010), the office names the 分管副市长
// when it submits an item, or the submission is refused naming the post and the article — the
// 市长 is not put in the deputy's stead.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'erlianhaote' })
const as = (username: string) => signInAs(server.app, username)

interface Holding {
  kind: string
  postTitle: string | null
  holders: string[]
}

describe('an item from a unit no deputy oversees names its 分管副职 (ADR 0010)', () => {
  it('is refused without one, held by the deputy it names, and only a deputy may be named', async () => {
    server.clock = MONDAY
    const scheduled = await (
      await as('el-secretariat')
    ).post('/api/meetings', {
      meetingType: 'standing',
      startsAt: '2026-03-12T09:00:00+08:00',
      location: '政府常务会议室',
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    const meetingId = scheduled.json().meeting.id
    const items = `/api/meetings/${meetingId}/items`
    const office = await as('el-officeDirector')
    const title = '关于市政府机关办公用房调整的议题'

    const unnamed = await office.post(items, { title })
    assert.equal(unnamed.json().error?.code, 'AGENDA_STEP_UNRESOLVED', unnamed.body)
    const { message, citations } = unnamed.json().error
    assert.match(message, /分管副市长/)
    assert.match(message, /请在报送时指定分管副市长/)
    assert.ok(
      citations.some((c: { article: string }) => c.article === '四十一'),
      unnamed.body,
    )

    // Only a deputy with a portfolio may be named; a unit with its own cannot name another.
    const head = await postIdOf(server.handle.db, '市长')
    const notDeputy = await office.post(items, { title, portfolioDeputyPostId: head })
    assert.equal(notDeputy.json().error?.code, 'NOT_A_DEPUTY', notDeputy.body)
    const construction = await postIdOf(server.handle.db, '副市长（城建、街道）')
    const fixed = await (
      await as('el-departmentHead-finance')
    ).post(items, { title: '关于预算调整的议题', portfolioDeputyPostId: construction })
    assert.equal(fixed.json().error?.code, 'PORTFOLIO_DEPUTY_FIXED', fixed.body)
    assert.match(fixed.json().error.message, /常务副市长/)

    const named = await office.post(items, { title, portfolioDeputyPostId: construction })
    assert.equal(named.statusCode, 201, named.body)
    const itemId = named.json().item.id
    assert.equal(named.json().item.portfolioDeputyPostId, construction)
    assert.deepEqual(
      named.json().gate.reasons.map((r: { code: string }) => r.code),
      ['portfolioDeputyReview'],
    )
    // 当前办理: the deputy it named holds it for his review, not the office and not the 市长.
    const view = (await office.get(`/api/meetings/${meetingId}`)).json()
    const item = view.agenda.find((i: { id: string }) => i.id === itemId)
    assert.deepEqual(
      item.holders.map((h: Holding) => [h.kind, h.postTitle, h.holders]),
      [['completeSteps', '副市长（城建、街道）', ['孙晓东']]],
    )
    assert.deepEqual(
      item.recorders.portfolioDeputyReview.map((p: { title: string }) => p.title),
      ['副市长（城建、街道）'],
    )

    // The named deputy records the review; another deputy, or the 市长, may not.
    const steps = `${items}/${itemId}/steps`
    const byOther = await (
      await as('el-executiveDeputy')
    ).post(steps, {
      code: 'portfolioDeputyReview',
    })
    assert.equal(byOther.json().error?.code, 'NOT_RESPONSIBLE', byOther.body)
    const byHead = await (await as('el-principal')).post(steps, { code: 'portfolioDeputyReview' })
    assert.equal(byHead.json().error?.code, 'NOT_RESPONSIBLE', byHead.body)
    const byNamed = await (await as('el-deputy-4')).post(steps, { code: 'portfolioDeputyReview' })
    assert.equal(byNamed.statusCode, 200, byNamed.body)
    assert.equal(byNamed.json().gate.admitted, true, byNamed.body)
  })
})
