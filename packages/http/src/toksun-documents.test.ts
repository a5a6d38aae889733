import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'

// 托克逊县's rules route documents differently from 钟山区's: the office director endorses
// (六十五), 会签 answers in 7 working days (六十二), and a 下行文 crossing portfolios is reviewed by
// the deputies concerned and signed by the executive deputy (六十四). Its prefixes are settings.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const day = (n: number) => new Date(MONDAY.getTime() + n * 86_400_000)

const server = useDemoServer({ startsAt: MONDAY, jurisdiction: 'toksun' })

const as = (username: string) => signInAs(server.app, username)
const departmentId = (name: string) => departmentIdOf(server.handle.db, name)
const cites = (citations: { article: string }[], article: string) =>
  citations.some((citation) => citation.article === article)

describe('documents in 托克逊县', () => {
  it('walks a township’s 请示 through the office director to the deputy and closes it', async () => {
    server.clock = MONDAY
    const township = await as('tks-townshipHead')
    const submitted = await township.post('/api/documents/incoming', {
      kind: '请示',
      title: '关于申请托克逊镇农村饮水工程配套资金的请示',
      body: '县人民政府：为保障农村饮水安全，申请配套资金。妥否，请批示。',
      secrecy: '内部',
      mainRecipients: ['县人民政府'],
      signatories: ['买买提江·艾力'],
    })
    assert.equal(submitted.statusCode, 201, submitted.body)
    const id = submitted.json().document.id

    const desk = await as('tks-secretariat')
    const registered = await desk.post(`/api/documents/${id}/register`, {})
    assert.equal(registered.statusCode, 200, registered.body)
    // The county's rules set no processing limit for incoming documents: none is invented.
    assert.equal(registered.json().document.dueDate, null)
    const screened = await desk.post(`/api/documents/${id}/screen`, { findings: {} })
    assert.equal(screened.json().document.state, 'accepted', screened.body)

    // 六十五: the office director endorses (拟办); the desk may not.
    const notDirector = await desk.post(`/api/documents/${id}/propose`, { opinion: '拟呈' })
    assert.equal(notDirector.statusCode, 422)
    assert.ok(cites(notDirector.json().error.citations, '六十五'), notDirector.body)
    const proposed = await (
      await as('tks-officeDirector')
    ).post(`/api/documents/${id}/propose`, { opinion: '拟请分管副县长审批' })
    assert.equal(proposed.statusCode, 200, proposed.body)
    // 托克逊镇 is in the portfolio of the deputy for education and townships (六十三).
    assert.deepEqual(proposed.json().events.at(-1).details.routedTo, ['副县长（教育、乡镇）'])
    assert.ok(cites(proposed.json().citations, '六十三'))

    // 圈阅 on a 请示 means agreement with the proposed handling (六十五).
    const instructed = await (
      await as('tks-deputy-2')
    ).post(`/api/documents/${id}/instruct`, { circleRead: true })
    assert.equal(instructed.json().document.state, 'instructed', instructed.body)

    const referred = await desk.post(`/api/documents/${id}/refer`, {
      departmentIds: [await departmentId('托克逊镇')],
    })
    assert.equal(referred.json().document.state, 'referred', referred.body)
    const closed = await township.post(`/api/documents/${id}/complete`, { result: '已落实。' })
    assert.equal(closed.json().document.state, 'closed', closed.body)
  })

  it('a 下行文 crossing portfolios: deputies review, one 会签 overdue, the executive deputy signs', async () => {
    server.clock = MONDAY
    const housing = await as('tks-departmentHead-housing')
    const prefixes = (await housing.get('/api/documents/prefixes')).json()
    assert.deepEqual(
      prefixes.find((p: { prefix: string }) => p.prefix === '托政发'),
      { prefix: '托政发', issuer: 'government', label: '县人民政府发文', article: null },
    )
    const drafted = await housing.post('/api/documents/outgoing', {
      prefix: '托政发',
      kind: '通知',
      title: '关于开展城乡校舍安全排查整治的通知',
      body: '各乡镇人民政府，县直各部门：现就校舍安全排查整治通知如下。',
      direction: 'downward',
      mainRecipients: ['各乡镇人民政府', '县直各部门'],
      secrecy: '公开',
      countersignDepartmentIds: [await departmentId('县教育局'), await departmentId('托克逊镇')],
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const id = drafted.json().document.id
    const plan = drafted.json().document.plan
    assert.deepEqual(plan.reviewChain, ['portfolioDeputy', 'involvedDeputy'])
    assert.deepEqual(plan.signer, ['executiveDeputy'])
    assert.ok(cites(drafted.json().citations, '六十四'))

    assert.equal(
      (
        await (
          await as('tks-departmentHead-education')
        ).post(`/api/documents/${id}/countersign`, { agree: true })
      ).statusCode,
      200,
    )
    // 审定 by the deputy overseeing 住建 (分管), then 会签 by the deputy the work crosses (有关).
    const first = await (
      await as('tks-deputy-3')
    ).post(`/api/documents/${id}/review`, {
      opinion: '同意',
    })
    assert.equal(first.json().document.state, 'reviewing', first.body)
    assert.deepEqual(first.json().events.at(-1).details.next, ['副县长（教育、乡镇）'])
    const second = await (
      await as('tks-deputy-2')
    ).post(`/api/documents/${id}/review`, {
      opinion: '同意',
    })
    assert.equal(second.json().document.state, 'awaitingSignature', second.body)

    const wrong = await (await as('tks-principal')).post(`/api/documents/${id}/sign`)
    assert.equal(wrong.json().error.code, 'SIGNER_NOT_AUTHORISED', wrong.body)
    assert.ok(cites(wrong.json().error.citations, '六十四'))

    // 托克逊镇 has 7 working days (六十二): from Monday 2 March to Wednesday 11 March.
    server.clock = day(9)
    const early = await (await as('tks-executiveDeputy')).post(`/api/documents/${id}/sign`)
    assert.equal(early.json().error.code, 'COUNTERSIGN_PENDING', early.body)
    assert.match(early.json().error.message, /2026-03-11/)
    server.clock = day(10)
    const signed = await (await as('tks-executiveDeputy')).post(`/api/documents/${id}/sign`)
    assert.equal(signed.statusCode, 200, signed.body)
    assert.deepEqual(signed.json().events.at(-1).details.deemedNoObjection, [
      await departmentId('托克逊镇'),
    ])
    const numbered = await (await as('tks-secretariat')).post(`/api/documents/${id}/number`)
    assert.equal(numbered.json().document.documentNumber, '托政发〔2026〕1号', numbered.body)
  })

  it('two 有关副县长: each of them countersigns before the executive deputy signs (六十四)', async () => {
    server.clock = MONDAY
    // 县财政局 is the executive deputy's; 县教育局 and 县住建局 are two other deputies' portfolios.
    const drafted = await (
      await as('tks-departmentHead-finance')
    ).post('/api/documents/outgoing', {
      prefix: '托政发',
      kind: '通知',
      title: '关于下达2026年校舍维修改造资金的通知',
      body: '各乡镇人民政府，县直各部门：现将校舍维修改造资金下达如下。',
      direction: 'downward',
      mainRecipients: ['各乡镇人民政府', '县直各部门'],
      secrecy: '公开',
      countersignDepartmentIds: [
        await departmentId('县教育局'),
        await departmentId('县住房和城乡建设局'),
      ],
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const { id, plan } = drafted.json().document
    // The executive deputy's 审定 goes into his signing; the 会签 step asks both deputies.
    const step = plan.steps[0]
    assert.equal(step.all, true, JSON.stringify(plan.steps))
    assert.equal(step.postIds.length, 2)
    assert.match(step.label, /有关副县长（每位）/)

    const education = await (
      await as('tks-deputy-2')
    ).post(`/api/documents/${id}/review`, { opinion: '同意' })
    assert.equal(education.statusCode, 200, education.body)
    assert.equal(education.json().document.state, 'reviewing', 'one of two is not the step')
    assert.deepEqual(education.json().events.at(-1).details.awaiting, ['副县长（城建、法治）'])
    const again = await (
      await as('tks-deputy-2')
    ).post(`/api/documents/${id}/review`, { opinion: '同意' })
    assert.equal(again.statusCode, 403, again.body)
    const early = await (await as('tks-executiveDeputy')).post(`/api/documents/${id}/sign`)
    assert.equal(early.statusCode, 403, early.body)

    const housing = await (
      await as('tks-deputy-3')
    ).post(`/api/documents/${id}/review`, { opinion: '同意' })
    assert.equal(housing.statusCode, 200, housing.body)
    assert.equal(housing.json().document.state, 'awaitingSignature')
  })

  it('work within one portfolio: the deputy overseeing it reviews, the executive deputy signs', async () => {
    server.clock = MONDAY
    const drafted = await (
      await as('tks-departmentHead-education')
    ).post('/api/documents/outgoing', {
      prefix: '托政发',
      kind: '通知',
      title: '关于做好2026年秋季学期开学工作的通知',
      mainRecipients: ['各乡镇人民政府'],
      secrecy: '公开',
      countersignDepartmentIds: [await departmentId('托克逊镇')],
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    assert.deepEqual(drafted.json().document.plan.reviewChain, ['portfolioDeputy'])
    assert.deepEqual(drafted.json().document.plan.signer, ['executiveDeputy'])
  })

  it('a policy document is drafted and signed off with its 政策解读 (三十七)', async () => {
    server.clock = MONDAY
    const education = await as('tks-departmentHead-education')
    const draft = {
      prefix: '托政发',
      kind: '意见',
      title: '关于促进学前教育普惠发展的实施意见',
      body: '各乡镇人民政府，县直各部门：……',
      mainRecipients: ['各乡镇人民政府', '县直各部门'],
      secrecy: '公开',
      policyDocument: true,
    }
    const bare = await education.post('/api/documents/outgoing', draft)
    assert.equal(bare.statusCode, 422)
    assert.equal(bare.json().error.code, 'POLICY_INTERPRETATION_MISSING')
    assert.ok(cites(bare.json().error.citations, '三十七'))
    // 同步组织: the drafting procedure of 三十七 is what the draft fails, not the signing one.
    assert.match(bare.json().error.message, /同步组织/)

    const drafted = await education.post('/api/documents/outgoing', {
      ...draft,
      interpretation: '一、出台背景……二、主要内容……三、政策亮点……',
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const id = drafted.json().document.id
    const steps = drafted.json().document.plan.policy.steps.map((s: { code: string }) => s.code)
    assert.deepEqual(steps, ['interpretationPlan', 'interpretationMaterials'])
    await (await as('tks-deputy-2')).post(`/api/documents/${id}/review`, { opinion: '同意' })

    const executive = await as('tks-executiveDeputy')
    const alone = await executive.post(`/api/documents/${id}/sign`, {
      policySteps: ['interpretationPlan'],
    })
    assert.equal(alone.statusCode, 422)
    assert.equal(alone.json().error.code, 'POLICY_INTERPRETATION_NOT_SIGNED')
    assert.match(alone.json().error.message, /解读材料同步审签/)
    const together = await executive.post(`/api/documents/${id}/sign`, { policySteps: steps })
    assert.equal(together.statusCode, 200, together.body)
    assert.deepEqual(together.json().events.at(-1).details.policyStepsSignedOff, steps)
    assert.ok(cites(together.json().citations, '三十七'))
  })
})
