import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sm3Hasher } from '@zhengling/app'
import { runSupervisionScan } from '@zhengling/db'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { createRulesPort } from './rules-port.ts'
import { testLibrary } from './test-support/build-test-server.ts'
import { postIdOf } from './test-support/post-id-of.ts'

// A 钟山区 standing meeting (第四十条至第四十八条) from agenda to ledger: three items, one held
// back until the legal office reviews it (第四十四条); a deputy on leave; a bureau head refused
// leave without a substitute (第四十七条); opening refused without a quorum (过半数); decisions
// whose tasks enter the supervision ledger; minutes planned along 第四十八条's chain.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY })
const as = (username: string) => signInAs(server.app, username)
const unit = (name: string) => departmentIdOf(server.handle.db, name)
const post = (title: string) => postIdOf(server.handle.db, title)
const articles = (response: { json(): { error: { citations: { article: string }[] } } }) =>
  response.json().error.citations.map((c) => c.article)

describe('a standing meeting of 钟山区', () => {
  it('gates items, checks the quorum, records decisions and follows them up', async () => {
    server.clock = MONDAY
    let office = await as('zs-secretariat')
    const scheduled = await office.post('/api/meetings', {
      meetingType: 'standing',
      startsAt: '2026-03-12T09:00:00+08:00',
      location: '区政府三楼会议室',
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    const meeting = scheduled.json().meeting
    const members = scheduled
      .json()
      .participants.filter((p: { role: string }) => p.role === 'member')
    // 区长, 常务副区长, three 副区长, 办公室主任: 副区长 as a class includes 常务副区长.
    assert.equal(members.length, 6)
    assert.equal(scheduled.json().quorum.minimum, 4)

    // The notice: the meeting is on every member's list of their own meetings; a bureau with
    // no part in it sees it on the calendar only.
    const deputyMeetings = (await (await as('zs-deputy-2')).get('/api/meetings?mine=true')).json()
    assert.deepEqual(
      deputyMeetings.map((m: { id: string }) => m.id),
      [meeting.id],
    )
    const justice = await as('zs-legalOffice')
    assert.equal((await justice.get('/api/meetings?mine=true')).json().length, 0)
    assert.equal((await justice.get('/api/meetings')).json().length, 1)

    let finance = await as('zs-departmentHead-9')
    const blocked = await finance.post(`/api/meetings/${meeting.id}/items`, {
      title: '关于调整2026年区级预算的议题',
      characteristics: ['legalityReviewNeeded'],
      completed: [{ code: 'investigation' }, { code: 'feasibilityAssessment' }],
    })
    assert.equal(blocked.statusCode, 201, blocked.body)
    assert.equal(blocked.json().gate.admitted, false)
    assert.ok(
      blocked.json().gate.reasons.some((r: { code: string }) => r.code === 'legalityReview'),
    )
    assert.ok(
      blocked.json().gate.citations.some((c: { article: string }) => c.article === '第四十四条'),
    )
    // A unit may not certify its own legality review.
    const selfCertified = await finance.post(`/api/meetings/${meeting.id}/items`, {
      title: '自行填报合法性审查的议题',
      completed: [{ code: 'legalityReview' }],
    })
    assert.equal(selfCertified.statusCode, 403)

    const education = await as('zs-departmentHead-10')
    const schools = await education.post(`/api/meetings/${meeting.id}/items`, {
      title: '关于新建第三实验小学的议题',
      completed: [{ code: 'investigation' }, { code: 'feasibilityAssessment' }],
    })
    assert.equal(schools.json().gate.admitted, true, schools.body)
    const township = await as('zs-townshipHead')
    const roads = await township.post(`/api/meetings/${meeting.id}/items`, {
      title: '关于荷城街道背街小巷改造的议题',
      characteristics: ['involvesOtherUnits'],
      completed: [
        { code: 'investigation' },
        { code: 'feasibilityAssessment' },
        { code: 'consultation', note: '已征求区教育局意见' },
      ],
      involvedDepartmentIds: [await unit('区教育局')],
    })
    assert.equal(roads.json().gate.admitted, true, roads.body)
    const itemIds = [blocked.json().item.id, schools.json().item.id, roads.json().item.id]

    // The head approves the agenda; the blocked item holds everything back, with its article.
    const head = await as('zs-principal')
    const refused = await head.post(`/api/meetings/${meeting.id}/agenda/approve`, { itemIds })
    assert.equal(refused.statusCode, 422, refused.body)
    assert.equal(refused.json().error.code, 'AGENDA_ITEM_BLOCKED')
    assert.ok(articles(refused).includes('第四十四条'))
    // Only the head approves: the office director may not (第四十五条).
    const notHead = await (
      await as('zs-officeDirector')
    ).post(`/api/meetings/${meeting.id}/agenda/approve`, {
      itemIds: itemIds.slice(1),
    })
    assert.equal(notHead.statusCode, 422)
    assert.equal(notHead.json().error.code, 'NOT_AGENDA_APPROVER')

    const legal = await as('zs-legalOffice')
    // The legal office is no participant, yet reads every item: it reviews their legality.
    const legalView = (await legal.get(`/api/meetings/${meeting.id}`)).json()
    assert.equal(legalView.agenda.length, 3)

    const reviewed = await legal.post(`/api/meetings/${meeting.id}/items/${itemIds[0]}/steps`, {
      code: 'legalityReview',
      note: '经审查，调整方案符合预算法规定',
    })
    assert.equal(reviewed.statusCode, 200, reviewed.body)
    assert.equal(reviewed.json().gate.admitted, true)
    const approved = await head.post(`/api/meetings/${meeting.id}/agenda/approve`, { itemIds })
    assert.equal(approved.statusCode, 200, approved.body)
    assert.equal(approved.json().meeting.state, 'agendaApproved')
    const noticed = await office.post(`/api/meetings/${meeting.id}/notice`)
    assert.equal(noticed.statusCode, 200, noticed.body)
    assert.ok(noticed.json().notice.sentAt)
    assert.equal(noticed.json().may.sendNotice, false)
    assert.equal((await office.post(`/api/meetings/${meeting.id}/notice`)).statusCode, 409)

    // Dissent goes to the submitting unit before the meeting (第四十三条).
    const dissent = await education.post(
      `/api/meetings/${meeting.id}/items/${itemIds[2]}/dissents`,
      {
        text: '改造期间须保障学校周边交通安全',
      },
    )
    assert.equal(dissent.statusCode, 200, dissent.body)
    const raised = dissent.json().agenda.find((i: { id: string }) => i.id === itemIds[2])
      .dissents[0]
    // Not adopted: it goes on to the office and the convener decides (第四十三条).
    const answered = await township.post(
      `/api/meetings/${meeting.id}/dissents/${raised.id}/answer`,
      {
        adopted: false,
        text: '施工安排在暑期，已避开上学时段',
      },
    )
    assert.equal(answered.statusCode, 200, answered.body)
    const afterAnswer = answered.json().agenda.find((i: { id: string }) => i.id === itemIds[2])
    assert.equal(afterAnswer.dissents[0].response, 'notAdopted')
    // A unit outside the meeting may not raise dissent.
    const outsider = await (
      await as('zs-legalOffice')
    ).post(`/api/meetings/${meeting.id}/items/${itemIds[1]}/dissents`, {
      text: '不同意',
    })
    assert.equal(outsider.statusCode, 403, outsider.body)

    // Leave: a deputy asks the convener; a bureau head must name a substitute (第四十七条).
    const deputy = await as('zs-deputy-2')
    const leave = await deputy.post(`/api/meetings/${meeting.id}/leave`, { reason: '赴省参加培训' })
    assert.equal(leave.statusCode, 200, leave.body)
    const noSubstitute = await education.post(`/api/meetings/${meeting.id}/leave`, {
      reason: '外出招生',
    })
    assert.equal(noSubstitute.statusCode, 422, noSubstitute.body)
    assert.equal(noSubstitute.json().error.code, 'SUBSTITUTE_REQUIRED')
    assert.ok(articles(noSubstitute).includes('第四十七条'))
    const withSubstitute = await education.post(`/api/meetings/${meeting.id}/leave`, {
      reason: '外出招生',
      substitute: '区教育局副局长 何平',
    })
    assert.equal(withSubstitute.statusCode, 200, withSubstitute.body)
    const deputyPost = await post('副区长（教育）')
    assert.equal(
      (await head.post(`/api/meetings/${meeting.id}/leave/${deputyPost}/decide`, { approve: true }))
        .statusCode,
      200,
    )

    // Meeting day. Three members are not more than half of six; four are.
    server.clock = new Date('2026-03-12T00:30:00Z')
    office = await as('zs-secretariat') // sessions do not outlive ten days
    const three = [await post('区长'), await post('常务副区长'), await post('副区长（城建）')]
    const tooFew = await office.post(`/api/meetings/${meeting.id}/open`, { presentPostIds: three })
    assert.equal(tooFew.statusCode, 422, tooFew.body)
    assert.equal(tooFew.json().error.code, 'QUORUM_NOT_MET')
    assert.ok(articles(tooFew).includes('第四十条'))
    const opened = await office.post(`/api/meetings/${meeting.id}/open`, {
      presentPostIds: [...three, await post('区人民政府办公室主任')],
    })
    assert.equal(opened.statusCode, 200, opened.body)
    assert.equal(opened.json().quorum.present, 4)

    // Decisions: 钟山's rulebook sets no period for meeting decisions, so the meeting sets one.
    const noDue = await office.post(`/api/meetings/${meeting.id}/items/${itemIds[0]}/decide`, {
      decision: 'adopted',
      text: '原则同意调整方案',
      tasks: [{ title: '落实预算调整', leadDepartmentId: await unit('区财政局') }],
    })
    assert.equal(noDue.statusCode, 422, noDue.body)
    assert.equal(noDue.json().error.code, 'DUE_DATE_REQUIRED')
    const budget = await office.post(`/api/meetings/${meeting.id}/items/${itemIds[0]}/decide`, {
      decision: 'adopted',
      text: '原则同意调整方案，报区人大常委会审议',
      tasks: [
        {
          title: '落实2026年区级预算调整',
          leadDepartmentId: await unit('区财政局'),
          dueDate: '2026-03-31',
        },
      ],
    })
    assert.equal(budget.statusCode, 200, budget.body)
    assert.equal(budget.json().supervision[0].dueDate, '2026-03-31')
    await office.post(`/api/meetings/${meeting.id}/items/${itemIds[1]}/decide`, {
      decision: 'deferred',
      text: '选址进一步论证后再议',
    })
    const roadsDecision = await office.post(
      `/api/meetings/${meeting.id}/items/${itemIds[2]}/decide`,
      {
        decision: 'adoptedWithChanges',
        text: '同意改造方案，按会议意见完善施工期交通组织',
        tasks: [
          {
            title: '完成背街小巷改造一期',
            leadDepartmentId: await unit('荷城街道'),
            coDepartmentIds: [await unit('区住房和城乡建设局')],
            dueDate: '2026-06-30',
          },
        ],
      },
    )
    assert.equal(roadsDecision.statusCode, 200, roadsDecision.body)

    const followUps = (await office.get(`/api/meetings/${meeting.id}`)).json().followUps
    assert.deepEqual(
      followUps.map((f: { dueDate: string }) => f.dueDate),
      ['2026-03-31', '2026-06-30'],
    )
    const closed = await office.post(`/api/meetings/${meeting.id}/close`)
    assert.equal(closed.json().meeting.state, 'closed', closed.body)
    const minutes = await office.post(`/api/meetings/${meeting.id}/minutes`)
    assert.equal(minutes.statusCode, 201, minutes.body)
    const document = (await office.get(`/api/documents/${minutes.json().documentId}`)).json()
      .document
    assert.equal(document.kind, '纪要')
    // 第四十八条: 常务副区长和办公室主任审核后，由区长签发.
    assert.deepEqual(document.plan.reviewChain, ['executiveDeputy', 'officeDirector'])
    assert.deepEqual(document.plan.signer, ['principal'])
    assert.match(document.body, /背街小巷/)

    // The ledger: the finance bureau reports progress; the street office's item goes overdue.
    const ledger = (await office.get('/api/supervision/items')).json()
    assert.equal(ledger.total, 2)
    const budgetItem = budget.json().supervision[0].id
    finance = await as('zs-departmentHead-9')
    const reported = await finance.post(`/api/supervision/items/${budgetItem}/progress`, {
      text: '调整方案已报区人大常委会',
    })
    assert.equal(reported.statusCode, 200, reported.body)
    server.clock = new Date('2026-03-27T02:00:00Z') // three working days before 31 March
    const deps = {
      hasher: sm3Hasher,
      now: () => server.clock,
      rules: createRulesPort(testLibrary()),
    }
    assert.deepEqual(await runSupervisionScan(server.handle.db, deps, 100), {
      reminded: 1,
      escalated: 0,
    })
    assert.deepEqual(await runSupervisionScan(server.handle.db, deps, 100), {
      reminded: 0,
      escalated: 0,
    })
    server.clock = new Date('2026-04-01T02:00:00Z')
    assert.deepEqual(await runSupervisionScan(server.handle.db, deps, 100), {
      reminded: 0,
      escalated: 1,
    })
    finance = await as('zs-departmentHead-9')
    const history = (await finance.get(`/api/supervision/items/${budgetItem}`)).json()
    assert.deepEqual(
      history.events.map((e: { action: string }) => e.action),
      ['create', 'progress', 'remind', 'overdue'],
    )
    assert.equal(history.item.overdue, true)
  })
})
