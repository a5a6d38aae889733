import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sm3Hasher } from '@zhengling/app'
import { strFromU8, unzipSync } from 'fflate'
import { runSupervisionScan } from '@zhengling/db'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { signInForFiles } from './test-support/upload.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))

// 木里县's meetings and follow-up (第十五条, 第十七条至第二十条, 第八十一条): items need the deputy's
// proposal and the office's review of materials, a major decision needs its legality review, the
// standing meeting needs more than half of its members, minutes are due in 5 working days, and
// decisions are followed up within a month, leader instructions within 15 days.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'muli' })
const as = (username: string) => signInAs(server.app, username)
const unit = (name: string) => departmentIdOf(server.handle.db, name)
const post = (title: string) => postIdOf(server.handle.db, title)
const rules = () => createRulesPort(testLibrary())
/** What the 木里 rulebook answers, so the test checks the flow against the rule, not a copy of it. */
function ruled<T>(decision: string, input: Record<string, unknown>): T {
  const answer = rules().decide('muli', decision, input)
  assert.ok(answer.ok, JSON.stringify(answer))
  return answer.result.outcome as T
}

describe('meetings and supervision in 木里县', () => {
  it('holds a standing meeting and follows its decisions up within the rule’s month', async () => {
    server.clock = MONDAY
    let office = await as('ml-secretariat')
    const scheduled = await office.post('/api/meetings', {
      meetingType: 'standing',
      startsAt: '2026-03-12T09:00:00+08:00',
      location: '县政府常务会议室',
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    const meetingId = scheduled.json().meeting.id
    assert.equal(
      scheduled.json().participants.filter((p: { role: string }) => p.role === 'member').length,
      6,
    )

    const finance = await as('ml-departmentHead-finance')
    const major = await finance.post(`/api/meetings/${meetingId}/items`, {
      title: '关于县城集中供热项目的议题',
      characteristics: ['majorDecision'],
      completed: [
        { code: 'publicParticipation' },
        { code: 'expertReview' },
        { code: 'riskAssessment' },
      ],
    })
    assert.equal(major.statusCode, 201, major.body)
    const reasons = major.json().gate.reasons.map((r: { code: string }) => r.code)
    // 第二十条 makes 合法性审查 a required step of a major decision; 第十五条/第十七条 want the
    // deputy's proposal and the office's review of the materials.
    assert.ok(reasons.includes('legalityReview'), major.body)
    assert.ok(reasons.includes('deputyProposal'))
    assert.ok(reasons.includes('materialsReviewedByOffice'))
    assert.ok(
      major.json().gate.citations.some((c: { article: string }) => c.article === '第二十条'),
    )

    const education = await as('ml-departmentHead-education')
    const schools = await education.post(`/api/meetings/${meetingId}/items`, {
      title: '关于乔瓦镇中心校扩建的议题',
    })
    const housing = await as('ml-departmentHead-housing')
    const roads = await housing.post(`/api/meetings/${meetingId}/items`, {
      title: '关于县城老旧小区改造的议题',
    })
    const itemIds = [major.json().item.id, schools.json().item.id, roads.json().item.id]
    // 第十七条: the unit prepares the materials; checked like any attachment, readable with the item.
    const financeFiles = await signInForFiles(server.app, 'ml-departmentHead-finance')
    const materialsUrl = `/api/meetings/${meetingId}/items/${itemIds[0]}/materials`
    const wrongType = await financeFiles.upload(materialsUrl, [
      {
        fileName: '方案.pdf',
        type: 'application/pdf',
        content: new Uint8Array(Buffer.from('不是PDF')),
      },
    ])
    assert.equal(wrongType.statusCode, 422, wrongType.body)
    assert.equal(wrongType.json().error.code, 'ATTACHMENT_TYPE_MISMATCH')
    const uploaded = await financeFiles.upload(materialsUrl, [
      { fileName: '集中供热项目方案.pdf', type: 'application/pdf', content: PDF },
    ])
    assert.equal(uploaded.statusCode, 201, uploaded.body)
    const otherUnit = await signInForFiles(server.app, 'ml-departmentHead-education')
    const notTheirs = await otherUnit.upload(materialsUrl, [
      { fileName: 'x.pdf', type: 'application/pdf', content: PDF },
    ])
    assert.equal(notTheirs.statusCode, 403)
    const materialUrl = `${materialsUrl}/${uploaded.json().id}`
    const read = await (await as('ml-executiveDeputy')).get(materialUrl)
    assert.equal(read.statusCode, 200)
    assert.deepEqual(new Uint8Array(read.rawPayload), PDF)
    assert.equal((await (await as('ml-townshipHead-wachang')).get(materialUrl)).statusCode, 404)
    const withMaterials = (await office.get(`/api/meetings/${meetingId}`)).json()
    const majorItem = withMaterials.agenda.find((i: { id: string }) => i.id === itemIds[0])
    assert.deepEqual(
      majorItem.materials.map((m: { name: string }) => m.name),
      ['集中供热项目方案.pdf'],
    )

    // A township neither taking part nor concerned sees the meeting, not its items or their history.
    const outsider = (
      await (await as('ml-townshipHead-wachang')).get(`/api/meetings/${meetingId}`)
    ).json()
    assert.equal(outsider.agenda.length, 0)
    assert.ok(
      outsider.events.every((e: { agendaItemId: string | null }) => e.agendaItemId === null),
    )
    assert.ok(outsider.events.length > 0)

    // The deputies overseeing each unit propose their items; the office reviews the materials.
    const proposers: [string, string][] = [
      ['ml-executiveDeputy', itemIds[0] as string],
      ['ml-deputy-2', itemIds[1] as string],
      ['ml-deputy-3', itemIds[2] as string],
    ]
    for (const [deputy, itemId] of proposers) {
      const proposed = await (
        await as(deputy)
      ).post(`/api/meetings/${meetingId}/items/${itemId}/steps`, { code: 'deputyProposal' })
      assert.equal(proposed.statusCode, 200, `${deputy}: ${proposed.body}`)
      const reviewed = await office.post(`/api/meetings/${meetingId}/items/${itemId}/steps`, {
        code: 'materialsReviewedByOffice',
      })
      assert.equal(reviewed.statusCode, 200, reviewed.body)
    }
    // A deputy who does not oversee the unit may not propose its item.
    const wrongDeputy = await (
      await as('ml-deputy-2')
    ).post(`/api/meetings/${meetingId}/items/${itemIds[2]}/steps`, {
      code: 'deputyProposal',
    })
    assert.equal(wrongDeputy.statusCode, 409, wrongDeputy.body) // already recorded by the right deputy

    const head = await as('ml-principal')
    const blocked = await head.post(`/api/meetings/${meetingId}/agenda/approve`, { itemIds })
    assert.equal(blocked.statusCode, 422, blocked.body)
    assert.equal(blocked.json().error.code, 'AGENDA_ITEM_BLOCKED')
    assert.ok(
      blocked.json().error.citations.some((c: { article: string }) => c.article === '第二十条'),
    )
    const legal = await as('ml-legalOfficeHead')
    const review = await legal.post(`/api/meetings/${meetingId}/items/${itemIds[0]}/steps`, {
      code: 'legalityReview',
    })
    assert.equal(review.json().gate.admitted, false, 'the head’s approval is still to come')
    // Approving is the head's 审批同意 (第十五条): the gate passes with it.
    const approved = await head.post(`/api/meetings/${meetingId}/agenda/approve`, { itemIds })
    assert.equal(approved.statusCode, 200, approved.body)

    // A department head asks leave of the convener (第十九条); the presider grants it.
    const leave = await education.post(`/api/meetings/${meetingId}/leave`, {
      reason: '赴州教育局汇报',
    })
    assert.equal(leave.statusCode, 200, leave.body)
    assert.equal(
      (
        await head.post(`/api/meetings/${meetingId}/leave/${await post('县教育局局长')}/decide`, {
          approve: true,
        })
      ).statusCode,
      200,
    )

    server.clock = new Date('2026-03-12T00:30:00Z')
    office = await as('ml-secretariat')
    const members = ['县长', '常务副县长', '副县长（城建、乡镇）', '县政府办公室主任']
    const opened = await office.post(`/api/meetings/${meetingId}/open`, {
      presentPostIds: await Promise.all(members.map(post)),
    })
    assert.equal(opened.statusCode, 200, opened.body)
    assert.equal(
      opened.json().quorum.minimum,
      ruled<{ minimum: number }>('meeting-quorum', { meeting: 'standing', members: 6, present: 4 })
        .minimum,
    )

    const decided = await office.post(`/api/meetings/${meetingId}/items/${itemIds[0]}/decide`, {
      decision: 'adopted',
      text: '同意实施县城集中供热项目',
      tasks: [
        {
          title: '启动集中供热项目前期工作',
          leadDepartmentId: await unit('县财政局'),
          coDepartmentIds: [await unit('县住房和城乡建设局')],
        },
      ],
    })
    assert.equal(decided.statusCode, 200, decided.body)
    // 第八十一条: 会议议定事项要求在会后一个月内反馈.
    const byRule = ruled<{ due: string }>('supervision-due', {
      source: 'meetingDecision',
      assignedOn: '2026-03-12',
    })
    assert.equal(decided.json().supervision[0].dueDate, byRule.due)
    assert.ok(byRule.due >= '2026-04-12')
    // A date later than the rule allows is refused with the article.
    const tooLate = await office.post(`/api/meetings/${meetingId}/items/${itemIds[1]}/decide`, {
      decision: 'adopted',
      text: '同意扩建',
      tasks: [
        { title: '完成扩建方案', leadDepartmentId: await unit('县教育局'), dueDate: '2026-12-31' },
      ],
    })
    assert.equal(tooLate.statusCode, 422, tooLate.body)
    assert.equal(tooLate.json().error.code, 'DUE_AFTER_RULE')
    assert.ok(
      tooLate.json().error.citations.some((c: { article: string }) => c.article === '第八十一条'),
    )
    for (const itemId of itemIds.slice(1))
      await office.post(`/api/meetings/${meetingId}/items/${itemId}/decide`, {
        decision: 'deferred',
        text: '暂缓',
      })

    const closed = await office.post(`/api/meetings/${meetingId}/close`)
    assert.equal(closed.statusCode, 200, closed.body)
    // 第十八条: 5个工作日内完成纪要的起草、送签和印发.
    const minutesRule = ruled<{ due: string }>('minutes-due', {
      meeting: 'standing',
      meetingDate: '2026-03-12',
    })
    assert.equal(closed.json().meeting.minutesDue, minutesRule.due)
    const minutes = await office.post(`/api/meetings/${meetingId}/minutes`)
    assert.equal(minutes.statusCode, 201, minutes.body)
    assert.equal(minutes.json().dueDate, minutesRule.due)
    // The rule names no signer ("送签"): the minutes go to the meeting's presider, the head.
    const document = (await office.get(`/api/documents/${minutes.json().documentId}`)).json()
      .document
    assert.deepEqual(document.plan.signer, ['principal'])
    assert.equal(document.plan.minutes.onLeave.length, 1)
    // No 核稿 step: the minutes wait for the presider's 签发 at once, and he may sign them.
    assert.equal(document.state, 'awaitingSignature')
    assert.doesNotMatch(document.body, /关于关于/)
    const signed = await (await as('ml-principal')).post(`/api/documents/${document.id}/sign`)
    assert.equal(signed.json().document?.state, 'signed', signed.body)
    // The DOCX has the 纪要 layout of GB/T 9704 10.3: 纪要标志, 出席/请假 lists, no seal line.
    const docx = await office.get(`/api/documents/${document.id}/docx`)
    assert.equal(docx.statusCode, 200)
    const xml = strFromU8(
      unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array,
    )
    // The text without its runs (the 出席 label is a run of its own, in 黑体).
    const text = xml.replace(/<[^>]+>/g, '')
    assert.match(text, /木里藏族自治县人民政府常务会议纪要/)
    assert.match(text, /出席：县长/)
    assert.match(text, /请假：县教育局局长/)
  })

  it('puts a leader’s instruction in the ledger for 15 days, reminds, escalates and circulates it', async () => {
    server.clock = MONDAY
    const township = await as('ml-townshipHead-qiaowa')
    const submitted = await township.post('/api/documents/incoming', {
      kind: '请示',
      title: '关于乔瓦镇饮水工程维修资金的请示',
      body: '县人民政府：请拨付维修资金。妥否，请批示。',
      secrecy: '内部',
      mainRecipients: ['县人民政府'],
      signatories: ['降央多吉'],
    })
    assert.equal(submitted.statusCode, 201, submitted.body)
    const id = submitted.json().document.id
    const desk = await as('ml-secretariat')
    const registered = await desk.post(`/api/documents/${id}/register`, {})
    assert.equal(registered.statusCode, 200, registered.body)
    const screened = await desk.post(`/api/documents/${id}/screen`, { findings: {} })
    assert.equal(screened.json().document?.state, 'accepted', screened.body)
    // 第四十六条: the office's deputy director gives the handling opinion (拟办).
    const proposed = await (
      await as('ml-deputyOfficeDirector')
    ).post(`/api/documents/${id}/propose`, {
      opinion: '拟请分管副县长阅示',
    })
    assert.equal(proposed.statusCode, 200, proposed.body)
    const instructed = await (
      await as('ml-deputy-3')
    ).post(`/api/documents/${id}/instruct`, {
      text: '请县财政局会同乔瓦镇研究办理',
    })
    assert.equal(instructed.json().document?.state, 'instructed', instructed.body)
    const referred = await desk.post(`/api/documents/${id}/refer`, {
      departmentIds: [await unit('县财政局'), await unit('乔瓦镇')],
    })
    assert.equal(referred.statusCode, 200, referred.body)
    const itemId = referred.json().events.at(-1).details.supervisionItemId
    assert.ok(itemId, 'the instruction entered the ledger')

    const supervision = await as('ml-supervisionOffice')
    const item = (await supervision.get(`/api/supervision/items/${itemId}`)).json()
    const byRule = ruled<{ due: string }>('supervision-due', {
      source: 'leaderInstruction',
      assignedOn: '2026-03-02',
    })
    assert.equal(item.item.dueDate, byRule.due)
    assert.equal(item.item.leadDepartmentName, '县财政局')
    assert.ok(item.citations.some((c: { article: string }) => c.article === '第八十一条'))

    // Reminded before the due date, escalated after it, named in the circular.
    const deps = { hasher: sm3Hasher, now: () => server.clock, rules: rules() }
    server.clock = new Date(`${item.item.dueDate}T01:00:00Z`)
    const remindedOnDueDay = await runSupervisionScan(server.handle.db, deps, 100)
    assert.equal(remindedOnDueDay.reminded + remindedOnDueDay.escalated >= 1, true)
    server.clock = new Date(Date.parse(`${item.item.dueDate}T01:00:00Z`) + 2 * 86_400_000)
    assert.equal((await runSupervisionScan(server.handle.db, deps, 100)).escalated, 1)
    const officeNow = await as('ml-supervisionOffice')
    const circular = await officeNow.post('/api/supervision/circulars', {
      from: '2026-03-01',
      to: '2026-03-31',
    })
    assert.equal(circular.statusCode, 201, circular.body)
    const finance = circular
      .json()
      .lines.find((line: { departmentName: string }) => line.departmentName === '县财政局')
    assert.equal(finance.overdue, 1)
    const history = (await officeNow.get(`/api/supervision/items/${itemId}`)).json()
    const actions = history.events.map((e: { action: string }) => e.action)
    assert.ok(
      actions.includes('remind') && actions.includes('overdue') && actions.includes('circulated'),
      actions.join(),
    )

    // Only the supervision office circulates.
    const notOffice = await (
      await as('ml-departmentHead-finance')
    ).post('/api/supervision/circulars', {
      from: '2026-03-01',
      to: '2026-03-31',
    })
    assert.equal(notOffice.statusCode, 403)
  })
})
