import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { strFromU8, unzipSync } from 'fflate'
import { type DatabaseHandle, seedDemoJurisdiction } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import type { FastifyInstance } from 'fastify'
import { buildTestServer, TEST_PASSWORDS } from './test-support/build-test-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'

// The office's 收发文登记簿 of 钟山区: a 请示 walked to 办结, a 报告 registered just after
// midnight Beijing time, an outgoing 钟府发 signed by the head and issued, and documents the desk
// may not see (a 秘密 one above its clearance, a draft outside its 知悉范围).
const MONDAY = new Date('2026-03-02T01:00:00Z') // 09:00 Monday in Asia/Shanghai
// 01:30 Tuesday in Asia/Shanghai, still Monday in UTC: the register counts Beijing days.
const TUESDAY_EARLY = new Date('2026-03-02T17:30:00Z')
const day = (n: number) => new Date(MONDAY.getTime() + n * 86_400_000)
let clock = MONDAY
let handle: DatabaseHandle
let app: FastifyInstance

const REQUEST = {
  kind: '请示',
  title: '关于申请拨付荷城街道老旧小区改造资金的请示',
  body: '区人民政府：为推进老旧小区改造，申请拨付专项资金。妥否，请批示。',
  senderReference: '荷街呈〔2026〕3号',
  secrecy: '内部',
  urgency: 'urgent',
  mainRecipients: ['区人民政府'],
  signatories: ['孙丽'],
}
const REPORT = {
  ...REQUEST,
  kind: '报告',
  title: '关于荷城街道防汛物资储备情况的报告',
  body: '今年汛期前已储备编织袋五千条。',
  senderReference: '荷街报〔2026〕7号',
  urgency: 'normal',
}
const NOTICE_TITLE = '关于做好2026年财政预算执行工作的通知'
const ids = { request: '', report: '', notice: '', draft: '', secret: '' }

const as = (username: string) => signInAs(app, username)
const departmentId = (name: string) => departmentIdOf(handle.db, name)

type Row = Record<string, unknown> & { id: string }
async function register(who: Awaited<ReturnType<typeof as>>, query: Record<string, string>) {
  const response = await who.get(`/api/documents/register?${new URLSearchParams(query)}`)
  assert.equal(response.statusCode, 200, response.body)
  return response.json() as { direction: string; total: number; rows: Row[] }
}
const idsOf = (page: { rows: Row[] }) => page.rows.map((row) => row.id)

before(async () => {
  handle = await openTestDatabase()
  await seedDemoJurisdiction(handle.db, { now: () => MONDAY, passwords: TEST_PASSWORDS })
  app = await buildTestServer(handle, () => clock)

  // Monday: a 请示 from 荷城街道, taken all the way to 办结.
  clock = MONDAY
  const township = await as('zs-townshipHead')
  const desk = await as('zs-secretariat')
  ids.request = (await township.post('/api/documents/incoming', REQUEST)).json().document.id
  await desk.post(`/api/documents/${ids.request}/register`, {})
  await desk.post(`/api/documents/${ids.request}/screen`, { findings: {} })
  const finance = await departmentId('区财政局')
  const street = await departmentId('荷城街道')
  await (
    await as('zs-officeDirector')
  ).post(`/api/documents/${ids.request}/propose`, {
    opinion: '拟请城建、财政分管领导审批',
    concernedDepartmentIds: [finance],
  })
  await (await as('zs-deputy-3')).post(`/api/documents/${ids.request}/instruct`, { text: '同意' })
  await (
    await as('zs-executiveDeputy')
  ).post(`/api/documents/${ids.request}/instruct`, { circleRead: true })
  const referred = await desk.post(`/api/documents/${ids.request}/refer`, {
    departmentIds: [finance, street],
  })
  assert.equal(referred.json().document.state, 'referred', referred.body)
  await (
    await as('zs-departmentHead-9')
  ).post(`/api/documents/${ids.request}/complete`, { result: '资金已安排。' })
  const closed = await township.post(`/api/documents/${ids.request}/complete`, {
    result: '已组织实施。',
  })
  assert.equal(closed.json().document.state, 'closed', closed.body)

  // Monday: a 钟府发 notice drafted by 区财政局, reviewed, signed by the head, numbered, issued.
  const bureau = await as('zs-departmentHead-9')
  const drafted = await bureau.post('/api/documents/outgoing', {
    prefix: '钟府发',
    kind: '通知',
    title: NOTICE_TITLE,
    body: '各乡（镇、街道）、区直各部门：现就做好预算执行工作通知如下。',
    direction: 'downward',
    mainRecipients: ['各乡（镇、街道）', '区直各部门'],
    secrecy: '公开',
  })
  assert.equal(drafted.statusCode, 201, drafted.body)
  ids.notice = drafted.json().document.id
  for (const reviewer of ['zs-departmentHead-9', 'zs-officeDirector', 'zs-executiveDeputy'])
    await (await as(reviewer)).post(`/api/documents/${ids.notice}/review`, { opinion: '同意' })
  const signed = await (await as('zs-principal')).post(`/api/documents/${ids.notice}/sign`)
  assert.equal(signed.json().document.state, 'signed', signed.body)
  await desk.post(`/api/documents/${ids.notice}/number`)
  const issued = await desk.post(`/api/documents/${ids.notice}/issue`, { disclosure: 'active' })
  assert.equal(issued.json().document.state, 'issued', issued.body)

  // An 内部 draft of 区教育局: its 知悉范围 is the bureau and its reviewer, not the desk.
  const education = await as('zs-departmentHead-10')
  const draft = await education.post('/api/documents/outgoing', {
    prefix: '钟府发',
    kind: '通知',
    title: '关于开展春季学校安全检查的通知',
    body: '各中小学：……',
    direction: 'downward',
    mainRecipients: ['各中小学'],
    secrecy: '内部',
  })
  assert.equal(draft.statusCode, 201, draft.body)
  ids.draft = draft.json().document.id

  // Tuesday 01:30 in Beijing: a 报告 arrives and is registered, then stays registered.
  // (Sessions lapse when idle: sign in again whenever the clock moves.)
  clock = TUESDAY_EARLY
  const township2 = await as('zs-townshipHead')
  ids.report = (await township2.post('/api/documents/incoming', REPORT)).json().document.id
  const registered = await (
    await as('zs-secretariat')
  ).post(`/api/documents/${ids.report}/register`, {})
  assert.equal(registered.statusCode, 200, registered.body)
  // Not yet 签收: not in the register.
  await township2.post('/api/documents/incoming', { ...REPORT, title: '关于荷城街道未签收的报告' })

  // A 秘密 document, registered while the desk held 秘密 clearance; the clearance is then lowered.
  clock = day(1)
  const security = await as('securityAdmin')
  const clearance = async (who: Awaited<ReturnType<typeof as>>, level: string) => {
    const set = await security.put(`/api/admin/people/${who.me.person.id}/clearance`, {
      clearance: level,
    })
    assert.equal(set.statusCode, 200, set.body)
  }
  await clearance(await as('zs-townshipHead'), '秘密')
  await clearance(await as('zs-secretariat'), '秘密')
  const secret = await (
    await as('zs-townshipHead')
  ).post('/api/documents/incoming', {
    ...REPORT,
    title: '关于荷城街道维稳工作情况的报告',
    secrecy: '秘密',
  })
  assert.equal(secret.statusCode, 201, secret.body)
  ids.secret = secret.json().document.id
  const secretDesk = await as('zs-secretariat')
  assert.equal((await secretDesk.post(`/api/documents/${ids.secret}/register`, {})).statusCode, 200)
  assert.ok(idsOf(await register(secretDesk, { direction: 'incoming' })).includes(ids.secret))
  await clearance(secretDesk, '内部')
})
after(async () => {
  await app.close()
  await handle.close()
})

describe('the register (收发文登记簿)', () => {
  it('lists incoming documents for the desk with the register columns, newest first', async () => {
    const desk = await as('zs-secretariat')
    const page = await register(desk, { direction: 'incoming' })
    assert.equal(page.direction, 'incoming')
    // The 秘密 one is above the desk's clearance now, the unsigned one not yet received.
    assert.deepEqual(idsOf(page), [ids.report, ids.request])
    assert.equal(page.total, 2)
    const [report, request] = page.rows as [Row, Row]
    // 当前办理: the closed request waits only on the desk's 归档.
    const { holders, ...columns } = request as Row & { holders: { kind: string }[] }
    assert.deepEqual(
      holders.map((h) => h.kind),
      ['archive'],
    )
    assert.deepEqual(columns, {
      id: ids.request,
      // The first registered this year, in 钟山's format (its roster's setting).
      receiptNumber: '钟府收〔2026〕1号',
      receivedOn: '2026-03-02',
      sender: '荷城街道',
      senderReference: '荷街呈〔2026〕3号',
      title: REQUEST.title,
      kind: '请示',
      secrecy: 'internal',
      urgency: 'urgent',
      dueDate: '2026-03-05',
      handlingUnits: ['区财政局', '荷城街道'],
      state: 'closed',
      closedOn: '2026-03-02',
    })
    // Registered at 01:30 Beijing time on Tuesday: its 收文日期 is Tuesday's.
    assert.equal(report.receivedOn, '2026-03-03')
    assert.equal(report.receiptNumber, '钟府收〔2026〕2号')
    assert.equal(report.state, 'registered')
    assert.deepEqual(report.handlingUnits, [])
  })

  it('lists outgoing documents with number, drafting unit, signer and dates', async () => {
    const desk = await as('zs-secretariat')
    const page = await register(desk, { direction: 'outgoing' })
    // The 内部 draft of 区教育局 is outside the desk's 知悉范围.
    assert.ok(!idsOf(page).includes(ids.draft))
    assert.deepEqual(idsOf(page), [ids.notice])
    const { holders, ...columns } = page.rows[0] as Row & { holders: unknown[] }
    // Issued and not yet archived: the desk holds it for 归档.
    assert.equal(holders.length, 1)
    assert.deepEqual(columns, {
      id: ids.notice,
      documentNumber: '钟府发〔2026〕1号',
      title: NOTICE_TITLE,
      kind: '通知',
      draftingUnit: '区财政局',
      draftedOn: '2026-03-02',
      signer: '王建国',
      signedOn: '2026-03-02',
      issuedOn: '2026-03-02',
      disclosure: 'active',
      secrecy: 'public',
      state: 'issued',
    })
    // The office director keeps the register too; the education draft has not reached him.
    const director = await as('zs-officeDirector')
    assert.deepEqual(idsOf(await register(director, { direction: 'outgoing' })), [ids.notice])
  })

  it('filters by Beijing dates, state and words', async () => {
    const desk = await as('zs-secretariat')
    const incoming = (query: Record<string, string>) =>
      register(desk, { direction: 'incoming', ...query }).then(idsOf)
    assert.deepEqual(await incoming({ from: '2026-03-03' }), [ids.report])
    assert.deepEqual(await incoming({ to: '2026-03-02' }), [ids.request])
    assert.deepEqual(await incoming({ from: '2026-03-02', to: '2026-03-03' }), [
      ids.report,
      ids.request,
    ])
    assert.deepEqual(await incoming({ from: '2026-03-04' }), [])
    assert.deepEqual(await incoming({ state: 'closed' }), [ids.request])
    assert.deepEqual(await incoming({ state: 'registered' }), [ids.report])
    assert.deepEqual(await incoming({ q: '防汛物资' }), [ids.report])
    assert.deepEqual(await incoming({ q: '荷街呈' }), [ids.request])
    assert.deepEqual(await incoming({ q: '老旧小区', state: 'registered' }), [])
    const paged = await register(desk, { direction: 'incoming', limit: '1', offset: '1' })
    assert.deepEqual(idsOf(paged), [ids.request])
    assert.equal(paged.total, 2)
    const reversed = await desk.get(
      '/api/documents/register?direction=incoming&from=2026-03-05&to=2026-03-01',
    )
    assert.equal(reversed.statusCode, 422)
    assert.equal(reversed.json().error.code, 'INVALID_DATE_RANGE')
    assert.equal((await desk.get('/api/documents/register?from=3月2日')).statusCode, 400)
  })

  it('refuses a department head with 403 and the article saying who keeps it', async () => {
    const bureau = await as('zs-departmentHead-9')
    for (const path of ['/api/documents/register', '/api/documents/register.xlsx']) {
      const refused = await bureau.get(path)
      assert.equal(refused.statusCode, 403, refused.body)
      assert.equal(refused.json().error.code, 'NOT_RESPONSIBLE')
      assert.match(refused.json().error.message, /区财政局局长/)
      assert.ok(
        refused.json().error.citations.some((c: { article: string }) => c.article === '第五条'),
      )
    }
    const access = (await bureau.get('/api/documents/register/access')).json()
    assert.equal(access.allowed, false)
    assert.equal(
      (await (await as('zs-deputyOfficeDirector')).get('/api/documents/register/access')).json()
        .allowed,
      true,
    )
    assert.equal(
      (await (await as('zs-secretariat')).get('/api/documents/register/access')).json().allowed,
      true,
    )
    // Administrators read no documents at all (三员分立).
    assert.equal((await (await as('auditAdmin')).get('/api/documents/register')).statusCode, 403)
  })

  it('exports the register as an Excel workbook, and audits the export', async () => {
    clock = day(1)
    const desk = await as('zs-secretariat')
    const file = await desk.get('/api/documents/register.xlsx?direction=incoming&q=老旧小区')
    assert.equal(file.statusCode, 200, file.body)
    assert.match(String(file.headers['content-type']), /spreadsheetml\.sheet/)
    assert.match(
      String(file.headers['content-disposition']),
      new RegExp(`filename\\*=UTF-8''${encodeURIComponent('收文登记簿-2026-03-03.xlsx')}`),
    )
    const parts = unzipSync(new Uint8Array(file.rawPayload))
    const text = (name: string) => strFromU8(parts[name] as Uint8Array)
    assert.match(text('xl/workbook.xml'), /<sheet [^>]*name="收文登记簿"/)
    const strings = text('xl/sharedStrings.xml')
    for (const header of [
      '收文编号',
      '收文日期',
      '来文单位',
      '来文文号',
      '办理时限',
      '承办单位',
      '办结日期',
    ])
      assert.ok(strings.includes(header), header)
    assert.ok(strings.includes(REQUEST.title))
    assert.ok(!strings.includes(REPORT.title))
    // The header row is frozen.
    assert.match(text('xl/worksheets/sheet1.xml'), /<pane [^>]*ySplit="1"[^>]*state="frozen"/)

    const outgoing = await desk.get('/api/documents/register.xlsx?direction=outgoing')
    assert.equal(outgoing.statusCode, 200)
    assert.match(
      strFromU8(unzipSync(new Uint8Array(outgoing.rawPayload))['xl/workbook.xml'] as Uint8Array),
      /name="发文登记簿"/,
    )

    const audited = await handle.db
      .selectFrom('audit_records')
      .select(['action', 'details', 'actor_post_id'])
      .where('action', '=', 'document.exportRegister')
      .orderBy('id')
      .execute()
    assert.equal(audited.length, 2)
    assert.equal(audited[0]?.actor_post_id, desk.me.currentPostId)
    assert.deepEqual((audited[0]?.details as { filter: unknown }).filter, {
      direction: 'incoming',
      from: null,
      to: null,
      state: null,
      q: '老旧小区',
    })
    assert.equal((audited[0]?.details as { rows: number }).rows, 1)
    const verified = await (await as('auditAdmin')).get('/api/audit/chains/zhongshan/verification')
    assert.equal(verified.json().intact, true)
  })
})
