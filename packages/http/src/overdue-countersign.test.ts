import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { openTaskHolders } from './test-support/task-holders.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// A 会签 unit that never replies: each county's rule says how the document still reaches its
// signer. 延津 三十: the 综合股 reminds first and sets the date, a second silence is 视为无不同意见;
// 二连浩特 五十一: the late unit explains in writing (书面说明), or else the 办公厅 circulates it
// (通报). Also the signer's 退回修改 at 签发.

const MONDAY = new Date('2026-03-02T01:00:00Z')
const day = (n: number) => new Date(MONDAY.getTime() + n * 86_400_000)

interface Citation {
  article: string
  ruleId: string
}
interface Event {
  action: string
  opinion: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}
const cites = (citations: Citation[], article: string) =>
  citations.some((citation) => citation.article === article)

/** 主送: names of outside organs, or a roster group (延津: 县政府各部门) chosen as the form does. */
function draftPayload(
  prefix: string,
  recipients: (string | { group: string })[],
  countersign: string[],
) {
  return {
    prefix,
    kind: '通知',
    title: '关于做好2026年春季学校安全工作的通知',
    body: '现就做好春季学校安全工作通知如下。',
    direction: 'downward',
    mainRecipients: recipients,
    secrecy: '公开',
    countersignDepartmentIds: countersign,
  }
}

describe('an overdue 会签 in 延津县 (三十: 综合股提醒督促，再次未反馈视为无不同意见)', () => {
  const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'yanjin' })
  const as = (username: string) => signInAs(server.app, username)
  const unit = (name: string) => departmentIdOf(server.handle.db, name)

  it('refuses signing until the 综合股 reminded, then signs once the reminder’s date passed', async () => {
    server.clock = MONDAY
    const health = await unit('县卫生健康委员会')
    const drafter = await as('yj-departmentHead-education')
    const drafted = await drafter.post(
      '/api/documents/outgoing',
      draftPayload('延政', [{ group: '县政府各部门' }], [health]),
    )
    assert.equal(drafted.statusCode, 201, drafted.body)
    const { id } = drafted.json().document

    // Tuesday of the next week: the 5 working days (due 3月9日) have passed without a reply.
    server.clock = day(8)
    const signer = await as('yj-deputy-2')
    const refused = await signer.post(`/api/documents/${id}/sign`)
    assert.equal(refused.statusCode, 422, refused.body)
    assert.equal(refused.json().error.code, 'COUNTERSIGN_REMINDER_DUE')
    assert.match(refused.json().error.message, /县卫生健康委员会/)
    assert.match(refused.json().error.message, /提醒督促/)
    assert.ok(cites(refused.json().error.citations, '三十'), refused.body)

    // The 综合股 sees the request and is offered the 催办; the drafter is not.
    const office = await as('yj-secretariat')
    const seen = (await office.get(`/api/documents/${id}`)).json()
    assert.deepEqual(
      seen.countersigns.map((c: { awaiting: string; may: object }) => [c.awaiting, c.may]),
      [['reminder', { remind: true, explain: false, circulate: false }]],
    )
    const byDrafter = await (
      await as('yj-departmentHead-education')
    ).post(`/api/documents/${id}/countersign-remind`, {
      departmentId: health,
      dueDate: '2026-03-12',
    })
    assert.equal(byDrafter.statusCode, 422, byDrafter.body)
    assert.equal(byDrafter.json().error.code, 'NOT_RESPONSIBLE')

    // The article gives no period after the reminder: the 综合股 must set the date.
    const undated = await office.post(`/api/documents/${id}/countersign-remind`, {
      departmentId: health,
    })
    assert.equal(undated.statusCode, 422, undated.body)
    assert.equal(undated.json().error.code, 'REMINDER_DUE_DATE_REQUIRED')

    const reminded = await office.post(`/api/documents/${id}/countersign-remind`, {
      departmentId: health,
      dueDate: '2026-03-12',
    })
    assert.equal(reminded.statusCode, 200, reminded.body)
    const remind = reminded
      .json()
      .events.find((event: Event) => event.action === 'countersignRemind')
    assert.equal(remind.details.reminderDueDate, '2026-03-12')
    assert.ok(remind.ruleIds.includes('yanjin.countersign.reply'), JSON.stringify(remind))
    const again = await office.post(`/api/documents/${id}/countersign-remind`, {
      departmentId: health,
      dueDate: '2026-03-13',
    })
    assert.equal(again.statusCode, 403, again.body)
    assert.equal(again.json().error.code, 'ALREADY_REMINDED')

    // Within the reminder's date the unit may still reply: signing waits.
    server.clock = day(10)
    const waiting = await (await as('yj-deputy-2')).post(`/api/documents/${id}/sign`)
    assert.equal(waiting.statusCode, 422, waiting.body)
    assert.equal(waiting.json().error.code, 'COUNTERSIGN_PENDING')
    assert.match(waiting.json().error.message, /2026-03-12/)

    // Silent again after the reminder: 视为无不同意见, and the signer signs citing 三十.
    server.clock = day(11)
    const signed = await (await as('yj-deputy-2')).post(`/api/documents/${id}/sign`)
    assert.equal(signed.statusCode, 200, signed.body)
    assert.equal(signed.json().document.state, 'signed')
    const sign = signed.json().events.find((event: Event) => event.action === 'sign')
    assert.deepEqual(sign.details.deemedNoObjection, [health])
    assert.ok(sign.ruleIds.includes('yanjin.countersign.reply'), JSON.stringify(sign))

    const audited = await server.handle.db
      .selectFrom('audit_records')
      .select(['action', 'rule_ids'])
      .where('action', '=', 'document.countersignRemind')
      .execute()
    assert.equal(audited.length, 1)
    assert.ok(audited[0]?.rule_ids.includes('yanjin.countersign.reply'))
  })

  it('lets the signer return the draft with an opinion (退回修改 at 签发)', async () => {
    server.clock = MONDAY
    const drafter = await as('yj-departmentHead-education')
    const drafted = await drafter.post(
      '/api/documents/outgoing',
      draftPayload('延政', [{ group: '县政府各部门' }], []),
    )
    assert.equal(drafted.statusCode, 201, drafted.body)
    const { id } = drafted.json().document
    assert.equal(drafted.json().document.state, 'awaitingSignature')

    const signer = await as('yj-deputy-2')
    assert.equal((await signer.get(`/api/documents/${id}`)).json().may.returnForRevision, true)
    const empty = await signer.post(`/api/documents/${id}/return-for-revision`, { opinion: ' ' })
    assert.equal(empty.statusCode, 422, empty.body)
    assert.equal(empty.json().error.code, 'OPINION_EMPTY')
    const returned = await signer.post(`/api/documents/${id}/return-for-revision`, {
      opinion: '第二条的时限与县教育局的安排不一致，请核实后再报',
    })
    assert.equal(returned.statusCode, 200, returned.body)
    assert.equal(returned.json().document.state, 'returnedForRevision')
    const event = returned
      .json()
      .events.find((candidate: Event) => candidate.action === 'returnForRevision')
    assert.equal(event.details.step, 'sign')
    assert.match(event.opinion, /请核实后再报/)
    assert.ok(event.ruleIds.length > 0, 'the return cites the sign-off rule')
    assert.deepEqual(
      (await openTaskHolders(server.handle.db, id)).map((task) => task.kind),
      ['redraft'],
    )

    // Sent again, the draft waits for its signer once more.
    const resubmitted = await drafter.post(`/api/documents/${id}/resubmit`, {})
    assert.equal(resubmitted.statusCode, 200, resubmitted.body)
    const holders = await openTaskHolders(server.handle.db, id)
    assert.ok(
      holders.some((task) => task.kind === 'sign' && task.usernames.includes('yj-deputy-2')),
      JSON.stringify(holders),
    )
  })
})

describe('an overdue 会签 in 二连浩特市 (五十一: 书面说明情况和理由，否则办公厅通报)', () => {
  const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'erlianhaote' })
  const as = (username: string) => signInAs(server.app, username)
  const unit = (name: string) => departmentIdOf(server.handle.db, name)

  /** A 二政发 draft with 乌兰街道's 会签, reviewed along 五十 by whoever holds each step. */
  async function draftAndReview(): Promise<{ id: string; wulan: string }> {
    server.clock = MONDAY
    const wulan = await unit('乌兰街道')
    const drafted = await (
      await as('el-departmentHead-housing')
    ).post('/api/documents/outgoing', draftPayload('二政发', ['市直各部门'], [wulan]))
    assert.equal(drafted.statusCode, 201, drafted.body)
    const { id } = drafted.json().document
    for (;;) {
      const review = (await openTaskHolders(server.handle.db, id)).find(
        (task) => task.kind === 'review',
      )
      if (!review) break
      const reviewed = await (
        await as(review.usernames[0] as string)
      ).post(`/api/documents/${id}/review`, { opinion: '同意' })
      assert.equal(reviewed.statusCode, 200, reviewed.body)
    }
    return { id, wulan }
  }

  const signerOf = async (id: string) => {
    const sign = (await openTaskHolders(server.handle.db, id)).find((task) => task.kind === 'sign')
    assert.ok(sign?.usernames[0], 'the sign task is held')
    return as(sign.usernames[0] as string)
  }

  it('refuses signing until the late unit explains in writing, then signs', async () => {
    const { id, wulan } = await draftAndReview()
    let street = await as('el-townshipHead-wulan')
    // Within the 5 working days there is nothing to explain.
    const early = await street.post(`/api/documents/${id}/countersign-explain`, {
      explanation: '尚在研究',
    })
    assert.equal(early.statusCode, 403, early.body)
    assert.equal(early.json().error.code, 'COUNTERSIGN_NOT_OVERDUE')

    server.clock = day(8)
    street = await as('el-townshipHead-wulan')
    const signer = await signerOf(id)
    const refused = await signer.post(`/api/documents/${id}/sign`)
    assert.equal(refused.statusCode, 422, refused.body)
    assert.equal(refused.json().error.code, 'COUNTERSIGN_EXPLANATION_DUE')
    assert.match(refused.json().error.message, /乌兰街道/)
    assert.match(refused.json().error.message, /书面说明/)
    assert.ok(cites(refused.json().error.citations, '五十一'), refused.body)

    const view = (await street.get(`/api/documents/${id}`)).json()
    assert.deepEqual(view.countersigns[0].may, { remind: false, explain: true, circulate: false })
    const blank = await street.post(`/api/documents/${id}/countersign-explain`, {
      explanation: '  ',
    })
    assert.equal(blank.statusCode, 422, blank.body)
    assert.equal(blank.json().error.code, 'EXPLANATION_EMPTY')
    const explained = await street.post(`/api/documents/${id}/countersign-explain`, {
      explanation: '街道负责同志外出学习，未能在5个工作日内研究提出意见',
    })
    assert.equal(explained.statusCode, 200, explained.body)
    const event = explained
      .json()
      .events.find((candidate: Event) => candidate.action === 'countersignExplain')
    assert.equal(event.details.departmentId, wulan)
    assert.ok(event.ruleIds.includes('erlianhaote.countersign.referred-consultation'))

    // Explained, the unit is not circulated.
    const circular = await (
      await as('el-secretariat')
    ).post(`/api/documents/${id}/countersign-circulate`, { departmentId: wulan })
    assert.equal(circular.statusCode, 403, circular.body)
    assert.equal(circular.json().error.code, 'ALREADY_EXPLAINED')

    const signed = await signer.post(`/api/documents/${id}/sign`)
    assert.equal(signed.statusCode, 200, signed.body)
    const sign = signed.json().events.find((candidate: Event) => candidate.action === 'sign')
    assert.deepEqual(sign.details.explainedLate, [wulan])
    assert.ok(sign.ruleIds.includes('erlianhaote.countersign.referred-consultation'))
  })

  it('refuses signing until the 办公厅 circulates a unit that did not explain, then signs', async () => {
    const { id, wulan } = await draftAndReview()
    let office = await as('el-secretariat')
    const early = await office.post(`/api/documents/${id}/countersign-circulate`, {
      departmentId: wulan,
    })
    assert.equal(early.statusCode, 403, early.body)
    assert.equal(early.json().error.code, 'COUNTERSIGN_NOT_OVERDUE')

    server.clock = day(8)
    office = await as('el-secretariat')
    const byDrafter = await (
      await as('el-departmentHead-housing')
    ).post(`/api/documents/${id}/countersign-circulate`, { departmentId: wulan })
    assert.equal(byDrafter.statusCode, 422, byDrafter.body)
    assert.equal(byDrafter.json().error.code, 'NOT_RESPONSIBLE')

    const view = (await office.get(`/api/documents/${id}`)).json()
    assert.deepEqual(view.countersigns[0].may, { remind: false, explain: false, circulate: true })
    const circulated = await office.post(`/api/documents/${id}/countersign-circulate`, {
      departmentId: wulan,
    })
    assert.equal(circulated.statusCode, 200, circulated.body)
    const event = circulated
      .json()
      .events.find((candidate: Event) => candidate.action === 'countersignCircular')
    assert.match(event.opinion, /乌兰街道/)
    assert.ok(event.ruleIds.includes('erlianhaote.countersign.referred-consultation'))

    const signed = await (await signerOf(id)).post(`/api/documents/${id}/sign`)
    assert.equal(signed.statusCode, 200, signed.body)
    const sign = signed.json().events.find((candidate: Event) => candidate.action === 'sign')
    assert.deepEqual(sign.details.circulatedLate, [wulan])

    const audited = await server.handle.db
      .selectFrom('audit_records')
      .select('action')
      .where('action', 'in', ['document.countersignExplain', 'document.countersignCircular'])
      .execute()
    assert.deepEqual([...new Set(audited.map((row) => row.action))].sort(), [
      'document.countersignCircular',
      'document.countersignExplain',
    ])
  })
})

describe('a 会签 in 木里县, whose rules set no reply period and no effect of silence', () => {
  const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'muli' })
  const as = (username: string) => signInAs(server.app, username)
  const unit = (name: string) => departmentIdOf(server.handle.db, name)

  it('the page says plainly there is no period and whom to ask, with the article; signing waits', async () => {
    server.clock = MONDAY
    const finance = await unit('县财政局')
    const drafter = await as('ml-departmentHead-education')
    const drafted = await drafter.post(
      '/api/documents/outgoing',
      draftPayload('木府发', ['各乡镇人民政府', '县级各部门'], [finance]),
    )
    assert.equal(drafted.statusCode, 201, drafted.body)
    const { id } = drafted.json().document

    // A month later the unit has still not replied: no date passes, nothing is deemed.
    server.clock = day(30)
    const seen = (
      await (await as('ml-departmentHead-education')).get(`/api/documents/${id}`)
    ).json()
    assert.equal(seen.countersigns.length, 1, JSON.stringify(seen.countersigns))
    const [standing] = seen.countersigns
    assert.equal(standing.noPeriod, true)
    assert.equal(standing.awaiting, null)
    assert.deepEqual(standing.may, { remind: false, explain: false, circulate: false })
    assert.match(standing.summary, /未规定会签回复时限/)
    assert.match(standing.summary, /回复前不能签发/)
    assert.match(standing.summary, /办公室/)
    assert.ok(cites(standing.citations, '第五条'), JSON.stringify(standing.citations))

    // The 核稿 done, the signer is refused with the same words and the article.
    for (;;) {
      const review = (await openTaskHolders(server.handle.db, id)).find(
        (task) => task.kind === 'review',
      )
      if (!review) break
      const reviewed = await (
        await as(review.usernames[0] as string)
      ).post(`/api/documents/${id}/review`, { opinion: '同意' })
      assert.equal(reviewed.statusCode, 200, reviewed.body)
    }
    const sign = (await openTaskHolders(server.handle.db, id)).find((task) => task.kind === 'sign')
    assert.ok(sign?.usernames[0], 'the sign task is held')
    const refused = await (await as(sign.usernames[0] as string)).post(`/api/documents/${id}/sign`)
    assert.equal(refused.statusCode, 422, refused.body)
    assert.equal(refused.json().error.code, 'COUNTERSIGN_PENDING')
    assert.match(refused.json().error.message, /县财政局会签尚未回复，不能签发/)
    assert.match(refused.json().error.message, /未规定会签回复时限/)
    assert.ok(cites(refused.json().error.citations, '第五条'), refused.body)
  })
})
