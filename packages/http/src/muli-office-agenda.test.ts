import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { postIdOf } from './test-support/post-id-of.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// 木里县: an item the 县政府办公室 itself submits. No deputy oversees the office (it is led
// directly, 第七条), and 第十五条 says “会议议题由副县长提出建议,并报县长审批同意”: any 副县长
// proposes it, the 县长 approves it, and it is decided like any other item.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'muli' })
const as = (username: string) => signInAs(server.app, username)
const post = (title: string) => postIdOf(server.handle.db, title)

interface Holding {
  postId: string
  title: string
  holders: string[]
}

describe('an item the 县政府办公室 submits in 木里县', () => {
  it('is proposed by a 副县长, approved by the 县长 and decided', async () => {
    server.clock = MONDAY
    const office = await as('ml-secretariat')
    const scheduled = await office.post('/api/meetings', {
      meetingType: 'standing',
      startsAt: '2026-03-12T09:00:00+08:00',
      location: '县政府常务会议室',
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    const meetingId = scheduled.json().meeting.id

    const director = await as('ml-officeDirector')
    // An item is described only in the meeting rules' own terms.
    const unknownKind = await director.post(`/api/meetings/${meetingId}/items`, {
      title: '关于某事项的议题',
      characteristics: ['noSuchCondition'],
    })
    assert.equal(unknownKind.statusCode, 422, unknownKind.body)
    assert.equal(unknownKind.json().error.code, 'UNKNOWN_CHARACTERISTIC')
    const submitted = await director.post(`/api/meetings/${meetingId}/items`, {
      title: '关于县政府机关办公用房调整的议题',
    })
    assert.equal(submitted.statusCode, 201, submitted.body)
    const itemId = submitted.json().item.id
    const missing = submitted.json().gate.reasons.map((r: { code: string }) => r.code)
    assert.deepEqual(
      [...missing].sort(),
      ['deputyProposal', 'materialsReviewedByOffice', 'principalApproval'],
      submitted.body,
    )
    // The answer says who records each missing step.
    const proposal = submitted
      .json()
      .gate.reasons.find((r: { code: string }) => r.code === 'deputyProposal')
    assert.deepEqual(proposal.recordedBy, ['deputy'])
    assert.match(submitted.json().gate.summary, /副县长提出议题建议（由副县长登记）/)

    // The meeting view names, for this item, the posts that may record the proposal and their holders.
    const view = (await office.get(`/api/meetings/${meetingId}`)).json()
    const item = view.agenda.find((i: { id: string }) => i.id === itemId)
    const proposers: Holding[] = item.recorders.deputyProposal
    assert.deepEqual(
      proposers.map((p) => p.title).sort(),
      ['常务副县长', '副县长（城建、乡镇）', '副县长（教育）', '副县长（法治、监察）'].sort(),
    )
    assert.ok(proposers.length >= 4, JSON.stringify(proposers))
    assert.ok(proposers.every((p) => p.holders.length > 0))

    // Someone else is refused with the posts that may, their holders, and the article.
    const township = await as('ml-townshipHead-qiaowa')
    const refused = await township.post(`/api/meetings/${meetingId}/items/${itemId}/steps`, {
      code: 'deputyProposal',
    })
    assert.equal(refused.statusCode, 403, refused.body)
    const message: string = refused.json().error.message
    assert.match(message, /应由副县长（/)
    assert.match(message, /常务副县长 王志刚/)
    assert.match(message, /第十五条/)
    assert.ok(
      refused.json().error.citations.some((c: { article: string }) => c.article === '第十五条'),
    )
    // A step the meeting's rules do not have is refused by name.
    const unknown = await office.post(`/api/meetings/${meetingId}/items/${itemId}/steps`, {
      code: 'noSuchStep',
    })
    assert.equal(unknown.statusCode, 422, unknown.body)
    assert.equal(unknown.json().error.code, 'UNKNOWN_STEP')

    // A 副县长 whose portfolio does not include the office proposes it (第十五条: 副县长提出建议).
    const proposed = await (
      await as('ml-deputy-2')
    ).post(`/api/meetings/${meetingId}/items/${itemId}/steps`, { code: 'deputyProposal' })
    assert.equal(proposed.statusCode, 200, proposed.body)
    // The office reviews the materials (第十七条) — its own item's too.
    const reviewed = await office.post(`/api/meetings/${meetingId}/items/${itemId}/steps`, {
      code: 'materialsReviewedByOffice',
    })
    assert.equal(reviewed.statusCode, 200, reviewed.body)
    assert.deepEqual(
      reviewed.json().gate.reasons.map((r: { code: string }) => r.code),
      ['principalApproval'],
    )
    // The head's approval is his 审批同意: the item is admitted.
    const approved = await (
      await as('ml-principal')
    ).post(`/api/meetings/${meetingId}/agenda/approve`, { itemIds: [itemId] })
    assert.equal(approved.statusCode, 200, approved.body)
    assert.equal(approved.json().agenda[0].state, 'approved')

    // After the agenda is approved an item is a 临时动议 (第十五条（五）): the presider's consent
    // is a step like the others, which only the presider records.
    const adHoc = await director.post(`/api/meetings/${meetingId}/items`, {
      title: '关于县政府机关食堂改造的议题',
    })
    assert.equal(adHoc.statusCode, 201, adHoc.body)
    const adHocId = adHoc.json().item.id
    const consent = adHoc
      .json()
      .gate.conditions.find((c: { code: string }) => c.code === 'presiderConsent')
    assert.deepEqual(consent?.recordedBy, ['presider'], adHoc.body)
    assert.ok(adHoc.json().gate.reasons.some((r: { code: string }) => r.code === 'adHocMotion'))
    const notPresider = await (
      await as('ml-executiveDeputy')
    ).post(`/api/meetings/${meetingId}/items/${adHocId}/steps`, { code: 'presiderConsent' })
    assert.equal(notPresider.statusCode, 403, notPresider.body)
    assert.match(notPresider.json().error.message, /会议主持人（县长 扎西次仁）/)
    const consented = await (
      await as('ml-principal')
    ).post(`/api/meetings/${meetingId}/items/${adHocId}/steps`, { code: 'presiderConsent' })
    assert.equal(consented.statusCode, 200, consented.body)
    assert.ok(
      !consented.json().gate.reasons.some((r: { code: string }) => r.code === 'adHocMotion'),
      consented.body,
    )

    server.clock = new Date('2026-03-12T00:30:00Z')
    const desk = await as('ml-secretariat')
    const members = ['县长', '常务副县长', '副县长（城建、乡镇）', '县政府办公室主任']
    const opened = await desk.post(`/api/meetings/${meetingId}/open`, {
      presentPostIds: await Promise.all(members.map(post)),
    })
    assert.equal(opened.statusCode, 200, opened.body)
    const decided = await desk.post(`/api/meetings/${meetingId}/items/${itemId}/decide`, {
      decision: 'adopted',
      text: '同意调整县政府机关办公用房',
    })
    assert.equal(decided.statusCode, 200, decided.body)
    assert.equal(decided.json().item.state, 'decided')
    assert.equal(decided.json().item.decision, 'adopted')
  })
})
