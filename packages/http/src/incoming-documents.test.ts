import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'

// The incoming flow of 钟山区 through the API, each step decided by its rulebook:
// 报送 → 签收/登记 → 初审 → 拟办/呈批 → 批示 → 转办 → 办结/答复.
const MONDAY = new Date('2026-03-02T01:00:00Z') // 09:00 in Asia/Shanghai

const server = useDemoServer({ startsAt: MONDAY })

const as = (username: string) => signInAs(server.app, username)
const departmentId = (name: string) => departmentIdOf(server.handle.db, name)

const REQUEST = {
  kind: '请示',
  title: '关于申请拨付荷城街道老旧小区改造资金的请示',
  body: '区人民政府：为推进老旧小区改造，申请拨付专项资金。妥否，请批示。',
  senderReference: '荷街呈〔2026〕3号',
  secrecy: '内部',
  urgency: 'normal',
  mainRecipients: ['区人民政府'],
  signatories: ['孙丽'],
}

describe('incoming documents in 钟山区', () => {
  it('walks a 请示 from a township through instruction by two deputies to closure', async () => {
    const township = await as('zs-townshipHead')
    const submitted = await township.post('/api/documents/incoming', REQUEST)
    assert.equal(submitted.statusCode, 201, submitted.body)
    const id = submitted.json().document.id
    assert.equal(submitted.json().document.state, 'submitted')

    // Not yet in the head's 知悉范围: for him the document does not exist.
    assert.equal((await (await as('zs-principal')).get(`/api/documents/${id}`)).statusCode, 404)

    const desk = await as('zs-secretariat')
    const inbox = (await desk.get('/api/inbox')).json()
    const registerTask = inbox.find(
      (entry: { document: { id: string } }) => entry.document.id === id,
    )
    assert.equal(registerTask.workingDaysLeft, 0) // 签收 is due the day it arrives
    assert.ok(
      inbox.some(
        (entry: { task: { kind: string }; document: { id: string } }) =>
          entry.document.id === id && entry.task.kind === 'register',
      ),
    )

    const registered = await desk.post(`/api/documents/${id}/register`, {})
    assert.equal(registered.statusCode, 200, registered.body)
    // 第三十一条: 3 working days from receipt on Monday 2 March → Thursday 5 March.
    assert.equal(registered.json().document.dueDate, '2026-03-05')
    assert.equal(registered.json().workingDaysLeft, 3)
    assert.ok(
      registered
        .json()
        .citations.some(
          (c: { ruleId: string }) => c.ruleId === 'zhongshan.deadline.document-processing',
        ),
    )

    const screened = await desk.post(`/api/documents/${id}/screen`, { findings: {} })
    assert.equal(screened.json().document.state, 'accepted', screened.body)
    // Acceptance cites the 初审 articles of 收文, not the drafting or meeting rules also checked.
    const acceptRules: string[] = screened.json().events.at(-1).ruleIds
    assert.ok(acceptRules.includes('national.incoming.first-screening'))
    assert.ok(acceptRules.every((ruleId) => !/\.(drafting|meeting|normative)\./.test(ruleId)))

    const director = await as('zs-officeDirector')
    const finance = await departmentId('区财政局')
    const proposed = await director.post(`/api/documents/${id}/propose`, {
      opinion: '拟请城建、财政分管领导审批',
      concernedDepartmentIds: [finance],
    })
    assert.equal(proposed.statusCode, 200, proposed.body)
    const routed = proposed.json().events.at(-1).details.routedTo.toSorted()
    // 荷城街道 is overseen by the 城建 deputy, 区财政局 by the executive deputy: two deputies.
    assert.deepEqual(routed, ['副区长（城建）', '常务副区长'].toSorted())

    const urban = await as('zs-deputy-3')
    const first = await urban.post(`/api/documents/${id}/instruct`, {
      text: '同意，请区财政局统筹资金。',
    })
    assert.equal(first.json().document.state, 'proposed', first.body)
    const executive = await as('zs-executiveDeputy')
    const second = await executive.post(`/api/documents/${id}/instruct`, { circleRead: true })
    assert.equal(second.json().document.state, 'instructed', second.body)
    // The same leader cannot instruct twice.
    const again = await urban.post(`/api/documents/${id}/instruct`, { text: '再批' })
    assert.equal(again.statusCode, 403)

    // Only the desk the rulebook names refers it (《党政机关公文处理工作条例》第五条).
    const notDesk = await director.post(`/api/documents/${id}/refer`, { departmentIds: [finance] })
    assert.equal(notDesk.statusCode, 422)
    assert.equal(notDesk.json().error.code, 'NOT_RESPONSIBLE')
    assert.match(notDesk.json().error.citations[0].article, /第五条/)

    const township2 = await departmentId('荷城街道')
    const referred = await desk.post(`/api/documents/${id}/refer`, {
      departmentIds: [finance, township2],
    })
    assert.equal(referred.json().document.state, 'referred', referred.body)

    const bureau = await as('zs-departmentHead-9')
    const partly = await bureau.post(`/api/documents/${id}/complete`, { result: '资金已安排。' })
    assert.equal(partly.json().document.state, 'referred', partly.body)
    const done = await township.post(`/api/documents/${id}/complete`, { result: '已组织实施。' })
    assert.equal(done.json().document.state, 'closed', done.body)

    const view = done.json()
    assert.deepEqual(
      view.events.map((e: { action: string }) => e.action),
      [
        'submit',
        'register',
        'accept',
        'propose',
        'instruct',
        'circleRead',
        'refer',
        'complete',
        'close',
      ],
    )
    assert.equal(view.events[4].actor, '刘晓燕（副区长（城建））')
    assert.ok(view.tasks.some((t: { kind: string }) => t.kind === 'read'))
    // Every act is in the jurisdiction's audit chain, which still verifies.
    const verified = await (await as('auditAdmin')).get('/api/audit/chains/zhongshan/verification')
    assert.equal(verified.json().intact, true)
    const audited = await server.handle.db
      .selectFrom('audit_records')
      .select('action')
      .where('subject', '=', id)
      .execute()
    assert.equal(audited.length, 9)
  })

  it('finds documents by Chinese words, only those the searcher may see', async () => {
    const township = await as('zs-townshipHead')
    const submitted = await township.post('/api/documents/incoming', {
      ...REQUEST,
      title: '关于荷城街道防汛物资储备情况的报告',
      kind: '报告',
      body: '今年汛期前已储备编织袋五千条。',
    })
    const id = submitted.json().document.id
    const hits = async (who: Awaited<ReturnType<typeof as>>, q: string) =>
      (await who.get(`/api/documents?q=${encodeURIComponent(q)}`))
        .json()
        .map((d: { id: string }) => d.id)
    assert.ok((await hits(township, '防汛物资')).includes(id))
    assert.ok((await hits(township, '编织袋')).includes(id))
    assert.ok(!(await hits(township, '预算执行')).includes(id))
    // The 区教育局 head is outside this 内部 document's 知悉范围: no hit, not even the title.
    assert.deepEqual(await hits(await as('zs-departmentHead-10'), '防汛物资'), [])
    assert.equal((await township.get('/api/documents?q=')).statusCode, 400)
  })

  it('returns a 请示 with two main recipients, or with two matters, citing 第十五条', async () => {
    const township = await as('zs-townshipHead')
    const desk = await as('zs-secretariat')
    const twoRecipients = await township.post('/api/documents/incoming', {
      ...REQUEST,
      mainRecipients: ['区人民政府', '区财政局'],
    })
    const first = twoRecipients.json().document.id
    await desk.post(`/api/documents/${first}/register`, {})
    const returned = await desk.post(`/api/documents/${first}/screen`, { findings: {} })
    assert.equal(returned.json().document.state, 'returned')
    assert.ok(
      returned
        .json()
        .citations.some(
          (c: { ruleId: string }) => c.ruleId === 'national.incoming.single-main-recipient',
        ),
    )

    const twoMatters = await township.post('/api/documents/incoming', REQUEST)
    const second = twoMatters.json().document.id
    await desk.post(`/api/documents/${second}/register`, {})
    const screened = await desk.post(`/api/documents/${second}/screen`, {
      findings: { notOneMatterPerDocument: true },
    })
    assert.equal(screened.json().document.state, 'returned')
    assert.match(screened.json().events.at(-1).opinion, /一文一事/)
    // The unit gets it back to revise.
    const inbox = (await township.get('/api/inbox')).json()
    // 已阅 closes the return notice; a second time there is nothing left to acknowledge.
    assert.equal((await township.post(`/api/documents/${second}/acknowledge`, {})).statusCode, 200)
    assert.equal((await township.post(`/api/documents/${second}/acknowledge`, {})).statusCode, 403)
    assert.ok(
      inbox.some(
        (e: { task: { kind: string }; document: { id: string } }) =>
          e.document.id === second && e.task.kind === 'revise',
      ),
    )
  })

  it('lists the 初审 checklist from the rulebook and refuses a finding it does not know', async () => {
    const township = await as('zs-townshipHead')
    const desk = await as('zs-secretariat')
    const submitted = await township.post('/api/documents/incoming', {
      ...REQUEST,
      mainRecipients: ['区人民政府', '区发展和改革局'],
    })
    const id = submitted.json().document.id
    await desk.post(`/api/documents/${id}/register`, {})
    const listed = await desk.get(`/api/documents/${id}/screening`)
    assert.equal(listed.statusCode, 200, listed.body)
    type Condition = { code: string; foundOnRecord: boolean; citations: { article: string }[] }
    const conditions: Condition[] = listed.json()
    const byCode = new Map(conditions.map((c) => [c.code, c]))
    // The national articles and 钟山's own (第二十八条 一文一事…) are all asked about.
    assert.equal(byCode.get('multipleMainRecipients')?.foundOnRecord, true)
    assert.ok(byCode.get('multipleMainRecipients')?.citations.some((c) => c.article === '第十五条'))
    assert.equal(byCode.get('missingSeal')?.foundOnRecord, false)
    assert.equal(byCode.get('notOneMatterPerDocument')?.foundOnRecord, false)
    assert.equal(new Set(conditions.map((c) => c.code)).size, conditions.length)
    // Someone outside the 知悉范围 gets nothing.
    assert.equal(
      (await (await as('zs-departmentHead-10')).get(`/api/documents/${id}/screening`)).statusCode,
      404,
    )

    const misspelt = await desk.post(`/api/documents/${id}/screen`, {
      findings: { missingSael: true },
    })
    assert.equal(misspelt.statusCode, 422, misspelt.body)
    assert.equal(misspelt.json().error.code, 'UNKNOWN_FINDING')
    const still = await desk.get(`/api/documents/${id}`)
    assert.equal(still.json().document.state, 'registered')
  })

  it('screens a 规范性文件 on its content (第十八条) when the unit or the registrar says it is one', async () => {
    const township = await as('zs-townshipHead')
    const desk = await as('zs-secretariat')
    const codes = async (id: string) =>
      ((await desk.get(`/api/documents/${id}/screening`)).json() as { code: string }[]).map(
        (c) => c.code,
      )
    // Said by the unit at 报送: 初审 asks 第十八条's four questions besides the 请示's own.
    const said = await township.post('/api/documents/incoming', {
      ...REQUEST,
      title: '关于报请审定荷城街道农贸市场管理办法的请示',
      normativeDocument: true,
    })
    assert.equal(said.statusCode, 201, said.body)
    const first = said.json().document.id
    await desk.post(`/api/documents/${first}/register`, {})
    const listed = (await desk.get(`/api/documents/${first}/screening`)).json() as {
      code: string
      citations: { article: string }[]
    }[]
    const content = listed.find((c) => c.code === 'addsAdministrativePower')
    assert.ok(content, 'the 规范性文件 checklist is shown in 初审')
    assert.ok(content.citations.some((c) => c.article === '第十八条'))
    for (const code of [
      'reducesStatutoryDuty',
      'setsLicensingPenaltyOrCoercion',
      'impairsRightsWithoutBasis',
    ])
      assert.ok(
        listed.some((c) => c.code === code),
        code,
      )
    const returned = await desk.post(`/api/documents/${first}/screen`, {
      findings: { setsLicensingPenaltyOrCoercion: true },
    })
    assert.equal(returned.statusCode, 200, returned.body)
    assert.equal(returned.json().document.state, 'returned')
    assert.ok(
      returned
        .json()
        .citations.some(
          (c: { ruleId: string }) => c.ruleId === 'zhongshan.normative.content-limits',
        ),
    )

    // Not said by the unit, confirmed by the registrar at 登记: the same checklist; accepted
    // when nothing is found, citing 第十八条 among what it checked.
    const second = (await township.post('/api/documents/incoming', REQUEST)).json().document.id
    await desk.post(`/api/documents/${second}/register`, { normativeDocument: true })
    assert.ok((await codes(second)).includes('addsAdministrativePower'))
    const accepted = await desk.post(`/api/documents/${second}/screen`, { findings: {} })
    assert.equal(accepted.json().document.state, 'accepted', accepted.body)
    assert.ok(
      accepted
        .json()
        .citations.some(
          (c: { ruleId: string }) => c.ruleId === 'zhongshan.normative.content-limits',
        ),
    )

    // Said by the unit, corrected by the registrar: an ordinary 请示 is not asked about content.
    const third = (
      await township.post('/api/documents/incoming', { ...REQUEST, normativeDocument: true })
    ).json().document.id
    await desk.post(`/api/documents/${third}/register`, { normativeDocument: false })
    assert.ok(!(await codes(third)).includes('addsAdministrativePower'))
    const refused = await desk.post(`/api/documents/${third}/screen`, {
      findings: { addsAdministrativePower: true },
    })
    assert.equal(refused.statusCode, 422, refused.body)
    assert.equal(refused.json().error.code, 'UNKNOWN_FINDING')
  })

  it('returns a 请示 without 签发人, or without seal, citing 条例第九条', async () => {
    const township = await as('zs-townshipHead')
    const desk = await as('zs-secretariat')
    const cites第九条 = (view: { citations: { ruleId: string; article: string }[] }) =>
      view.citations.some(
        (c) => c.ruleId === 'national.incoming.signatory-and-seal' && c.article === '第九条',
      )
    // No 签发人 on an 上行文: the record shows it, so the desk need not tick anything.
    const unsigned = await township.post('/api/documents/incoming', {
      ...REQUEST,
      signatories: [],
    })
    const first = unsigned.json().document.id
    await desk.post(`/api/documents/${first}/register`, {})
    const returned = await desk.post(`/api/documents/${first}/screen`, { findings: {} })
    assert.equal(returned.json().document.state, 'returned', returned.body)
    assert.match(returned.json().events.at(-1).opinion, /签发人/)
    assert.ok(cites第九条(returned.json()))

    // No seal is what the desk sees on the document itself.
    const unsealed = await township.post('/api/documents/incoming', REQUEST)
    const second = unsealed.json().document.id
    await desk.post(`/api/documents/${second}/register`, {})
    const noSeal = await desk.post(`/api/documents/${second}/screen`, {
      findings: { missingSeal: true },
    })
    assert.equal(noSeal.json().document.state, 'returned', noSeal.body)
    assert.match(noSeal.json().events.at(-1).opinion, /印章/)
    assert.ok(cites第九条(noSeal.json()))
  })

  it('refuses 绝密, an unknown 文种 and malformed input before storing anything', async () => {
    const township = await as('zs-townshipHead')
    const count = async () =>
      Number(
        (
          await server.handle.db
            .selectFrom('documents')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const topSecret = await township.post('/api/documents/incoming', {
      ...REQUEST,
      secrecy: '绝密',
    })
    assert.equal(topSecret.statusCode, 422)
    assert.equal(topSecret.json().error.code, 'TOP_SECRET_REFUSED')
    const unknownKind = await township.post('/api/documents/incoming', {
      ...REQUEST,
      kind: '请示报告',
    })
    assert.equal(unknownKind.statusCode, 422)
    assert.equal(unknownKind.json().error.code, 'UNKNOWN_DOCUMENT_KIND')
    assert.match(unknownKind.json().error.citations[0].article, /第八条/)
    const malformed = await township.post('/api/documents/incoming', {
      ...REQUEST,
      mainRecipients: [],
    })
    assert.equal(malformed.statusCode, 400)
    assert.match(malformed.json().error.message, /主送机关/)
    assert.equal(await count(), before)
    // The head holds no unit: he cannot send a document to his own government.
    const head = await (await as('zs-principal')).post('/api/documents/incoming', REQUEST)
    assert.equal(head.statusCode, 403)
  })
})
