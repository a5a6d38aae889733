import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { describe, it } from 'node:test'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'

// A leader's acts on documents in 钟山区: 常用批示语 of his own, the 文件处理笺 of an incoming
// 请示 and the 发文稿纸 of a 钟府发, 签发 and 归档 with an opinion, and 圈阅 of several documents.
const MONDAY = new Date('2026-03-02T01:00:00Z') // 09:00 in Asia/Shanghai

const server = useDemoServer({ startsAt: MONDAY })

const as = (username: string) => signInAs(server.app, username)
type Client = Awaited<ReturnType<typeof as>>
const departmentId = (name: string) => departmentIdOf(server.handle.db, name)
const postOf = (who: Client) => who.me.posts[0].postId as string

const PHRASES = '/api/me/instruction-phrases'

async function auditActions(subject: string) {
  const rows = await server.handle.db
    .selectFrom('audit_records')
    .select(['action', 'details'])
    .where('subject', '=', subject)
    .orderBy('id')
    .execute()
  return rows
}

/** A 报告 from 荷城街道 registered by the desk and circulated to the given posts. */
async function circulatedReport(title: string, postIds: string[]): Promise<string> {
  const submitted = await (
    await as('zs-townshipHead')
  ).post('/api/documents/incoming', {
    kind: '报告',
    title,
    body: '现将有关情况报告如下。',
    secrecy: '内部',
    mainRecipients: ['区人民政府'],
  })
  assert.equal(submitted.statusCode, 201, submitted.body)
  const id = submitted.json().document.id as string
  const desk = await as('zs-secretariat')
  assert.equal((await desk.post(`/api/documents/${id}/register`, {})).statusCode, 200)
  if (postIds.length > 0) {
    const circulated = await desk.post(`/api/documents/${id}/circulate`, { postIds })
    assert.equal(circulated.statusCode, 200, circulated.body)
  }
  return id
}

describe('常用批示语', () => {
  it('offers defaults, keeps each person’s own list, and audits the change', async () => {
    const principal = await as('zs-principal')
    const first = (await principal.get(PHRASES)).json()
    assert.equal(first.defaults, true)
    assert.ok(first.phrases.includes('同意。'))
    assert.ok(first.phrases.includes('阅。'))
    assert.ok(first.phrases.some((p: string) => p.startsWith('请某某')))

    // Add one, drop one, reorder: the list is saved as given, trimmed.
    const saved = await principal.put(PHRASES, {
      phrases: ['  请区财政局牵头办理。 ', '同意。', '阅。'],
    })
    assert.equal(saved.statusCode, 200, saved.body)
    assert.deepEqual(saved.json(), {
      phrases: ['请区财政局牵头办理。', '同意。', '阅。'],
      defaults: false,
    })
    assert.deepEqual((await (await as('zs-principal')).get(PHRASES)).json().phrases, [
      '请区财政局牵头办理。',
      '同意。',
      '阅。',
    ])

    // Another leader sees only his own (still the defaults); his list leaves the head's alone.
    const deputy = await as('zs-deputy-2')
    assert.equal((await deputy.get(PHRASES)).json().defaults, true)
    await deputy.put(PHRASES, { phrases: ['请区教育局阅处。'] })
    assert.deepEqual((await deputy.get(PHRASES)).json().phrases, ['请区教育局阅处。'])
    assert.deepEqual((await principal.get(PHRASES)).json().phrases, [
      '请区财政局牵头办理。',
      '同意。',
      '阅。',
    ])
    // Removing every phrase leaves an empty list, not the defaults.
    assert.deepEqual((await deputy.put(PHRASES, { phrases: [] })).json(), {
      phrases: [],
      defaults: false,
    })

    const audited = await auditActions('zs-principal')
    const change = audited.find((row) => row.action === 'person.saveInstructionPhrases')
    assert.ok(change, 'the change is in the audit trail')
    assert.deepEqual((change.details as { added: string[] }).added, ['请区财政局牵头办理。'])
  })

  it('refuses empty, too long, duplicated and control-character phrases in Chinese', async () => {
    const principal = await as('zs-principal')
    const before = (await principal.get(PHRASES)).json()
    const cases: [string[], string, RegExp][] = [
      [['同意。', '   '], 'PHRASE_EMPTY', /第 2 条常用批示语为空/],
      [['批'.repeat(101)], 'PHRASE_TOO_LONG', /不能超过 100 字/],
      [['同意。', '同意。'], 'PHRASE_DUPLICATE', /重复/],
      [Array.from({ length: 31 }, (_, i) => `常用语${i}`), 'PHRASES_TOO_MANY', /最多保存 30 条/],
    ]
    for (const [phrases, code, message] of cases) {
      const refused = await principal.put(PHRASES, { phrases })
      assert.equal(refused.statusCode, 422, `${code}: ${refused.body}`)
      assert.equal(refused.json().error.code, code)
      assert.match(refused.json().error.message, message)
    }
    // Control and bidirectional characters: refused (at the edge or by the use case), in Chinese.
    for (const bad of ['同意\u202E。', '同意\u0007', '同意\n阅']) {
      const refused = await principal.put(PHRASES, { phrases: [bad] })
      assert.ok([400, 422].includes(refused.statusCode), refused.body)
      assert.match(refused.json().error.code, /^(INVALID_INPUT|PHRASE_INVALID_CHARACTERS)$/)
      assert.match(refused.json().error.message, /控制字符|控制符/)
    }
    // Nothing was written.
    assert.deepEqual((await principal.get(PHRASES)).json(), before)
    // An administrator keeps no phrases.
    const admin = await as('systemAdmin')
    assert.equal((await admin.get(PHRASES)).statusCode, 403)
  })
})

describe('文件处理笺 of an incoming 请示', () => {
  it('shows the particulars, 拟办意见, 领导批示 and 办理结果 with who and when', async () => {
    server.clock = MONDAY
    const township = await as('zs-townshipHead')
    const submitted = await township.post('/api/documents/incoming', {
      kind: '请示',
      title: '关于申请拨付荷城街道背街小巷整治资金的请示',
      body: '妥否，请批示。',
      senderReference: '荷街呈〔2026〕5号',
      secrecy: '内部',
      urgency: 'urgent',
      mainRecipients: ['区人民政府'],
      signatories: ['孙丽'],
    })
    const id = submitted.json().document.id as string
    const desk = await as('zs-secretariat')
    await desk.post(`/api/documents/${id}/register`, {})
    await desk.post(`/api/documents/${id}/screen`, { findings: {} })
    const proposed = await (
      await as('zs-officeDirector')
    ).post(`/api/documents/${id}/propose`, { opinion: '拟请城建分管领导阅示。' })
    assert.equal(proposed.statusCode, 200, proposed.body)
    // On the document page the 批示 box has the 拟办意见 beside it: the view carries it.
    const instructed = await (
      await as('zs-deputy-3')
    ).post(`/api/documents/${id}/instruct`, { text: '同意。请荷城街道抓紧实施。' })
    assert.equal(instructed.json().document.state, 'instructed', instructed.body)
    await desk.post(`/api/documents/${id}/refer`, {
      departmentIds: [await departmentId('荷城街道')],
      note: '请按批示办理',
    })
    const done = await township.post(`/api/documents/${id}/complete`, {
      result: '整治已完成。',
    })
    assert.equal(done.json().document.state, 'closed', done.body)

    const sheet = await (await as('zs-deputy-3')).get(`/api/documents/${id}/handling-sheet`)
    assert.equal(sheet.statusCode, 200, sheet.body)
    const body = sheet.json()
    assert.equal(body.heading, '六盘水市钟山区人民政府办公室文件处理笺')
    const field = (key: string) =>
      body.fields.find((f: { key: string }) => f.key === key)?.value as string
    assert.equal(field('sender'), '荷城街道')
    assert.equal(field('senderReference'), '荷街呈〔2026〕5号')
    assert.equal(field('title'), '关于申请拨付荷城街道背街小巷整治资金的请示')
    assert.equal(field('secrecy'), '内部')
    assert.equal(field('urgency'), '加急')
    assert.equal(field('receivedOn'), '2026-03-02')
    assert.ok(body.fields.some((f: { key: string }) => f.key === 'receiptNumber'))
    const box = (key: string) =>
      body.boxes.find((b: { key: string }) => b.key === key)?.entries as {
        text: string
        by: string
        on: string
      }[]
    assert.deepEqual(box('proposal'), [
      {
        text: '拟请城建分管领导阅示。（呈副区长（城建）批示）',
        by: '杨帆（区人民政府办公室主任）',
        on: '2026-03-02',
      },
    ])
    assert.deepEqual(box('instruction'), [
      { text: '同意。请荷城街道抓紧实施。', by: '刘晓燕（副区长（城建））', on: '2026-03-02' },
    ])
    assert.match(box('referral')[0]?.text ?? '', /^荷城街道（主办）；办理期限：.*；请按批示办理$/)
    assert.equal(box('result')[0]?.text, '整治已完成。')

    // Someone outside the 知悉范围 gets no sheet.
    assert.equal(
      (await (await as('zs-deputy-4')).get(`/api/documents/${id}/handling-sheet`)).statusCode,
      404,
    )
  })
})

describe('签发 and 归档 with an opinion', () => {
  it('records the opinions on the events and the 发文稿纸, and refuses bad ones', async () => {
    server.clock = MONDAY
    const bureau = await as('zs-departmentHead-9')
    const drafted = await bureau.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: '关于做好2026年春季森林防火工作的通知',
      body: '各乡（镇、街道）：现就春季森林防火工作通知如下。',
      direction: 'downward',
      mainRecipients: ['各乡（镇、街道）'],
      secrecy: '公开',
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const id = drafted.json().document.id as string
    for (const username of ['zs-departmentHead-9', 'zs-officeDirector', 'zs-executiveDeputy']) {
      const reviewed = await (
        await as(username)
      ).post(`/api/documents/${id}/review`, { opinion: '同意' })
      assert.equal(reviewed.statusCode, 200, `${username}: ${reviewed.body}`)
    }
    const principal = await as('zs-principal')
    const tooLong = await principal.post(`/api/documents/${id}/sign`, { opinion: '同'.repeat(501) })
    assert.equal(tooLong.statusCode, 422, tooLong.body)
    assert.equal(tooLong.json().error.code, 'OPINION_TOO_LONG')
    assert.match(tooLong.json().error.message, /签发意见不能超过 500 字/)
    const bidi = await principal.post(`/api/documents/${id}/sign`, { opinion: '同意\u202E印发' })
    assert.ok([400, 422].includes(bidi.statusCode), bidi.body)
    assert.match(bidi.json().error.message, /控制字符|控制符/)
    // Refused means not signed.
    assert.equal(
      (await principal.get(`/api/documents/${id}`)).json().document.state,
      'awaitingSignature',
    )

    const signed = await principal.post(`/api/documents/${id}/sign`, { opinion: ' 同意印发 ' })
    assert.equal(signed.statusCode, 200, signed.body)
    assert.equal(signed.json().events.at(-1).opinion, '同意印发')

    const desk = await as('zs-secretariat')
    await desk.post(`/api/documents/${id}/number`)
    await desk.post(`/api/documents/${id}/issue`, { disclosure: 'active' })
    const badArchive = await desk.post(`/api/documents/${id}/archive`, {
      opinion: '存'.repeat(501),
    })
    assert.equal(badArchive.statusCode, 422)
    assert.equal(badArchive.json().error.code, 'OPINION_TOO_LONG')
    assert.match(badArchive.json().error.message, /归档意见/)
    const archived = await desk.post(`/api/documents/${id}/archive`, { opinion: '存档备查。' })
    assert.equal(archived.json().document.state, 'archived', archived.body)
    assert.equal(archived.json().events.at(-1).opinion, '存档备查。')

    const sheet = (await desk.get(`/api/documents/${id}/handling-sheet`)).json()
    assert.equal(sheet.heading, '六盘水市钟山区人民政府发文稿纸')
    const box = (key: string) =>
      sheet.boxes.find((b: { key: string }) => b.key === key)?.entries as {
        text: string
        by: string
      }[]
    assert.deepEqual(
      box('signature').map((e) => [e.text, e.by]),
      [['同意印发', '王建国（区长）']],
    )
    assert.equal(box('review').length, 3)
    assert.deepEqual(
      box('archive').map((e) => e.text),
      ['存档备查。'],
    )
    assert.equal(
      sheet.fields.find((f: { key: string }) => f.key === 'documentNumber').value,
      '钟府发〔2026〕1号',
    )

    // Audited with the opinion's act.
    const actions = (await auditActions(id)).map((row) => row.action)
    assert.ok(actions.includes('document.sign') && actions.includes('document.archive'))
  })
})

describe('圈阅 of several documents at once', () => {
  it('marks each circulated document read, and names each one refused', async () => {
    server.clock = MONDAY
    const education = await as('zs-deputy-2')
    const urban = await as('zs-deputy-3')
    const titles = [
      '关于荷城街道一季度安全生产情况的报告',
      '关于荷城街道义务教育入学情况的报告',
      '关于荷城街道农村饮水安全情况的报告',
    ]
    const circulated: string[] = []
    for (const title of titles)
      circulated.push(await circulatedReport(title, [postOf(education), postOf(urban)]))
    // One he may not see (not circulated to him), one he sees but has already read.
    const hidden = await circulatedReport('关于荷城街道信访工作情况的报告', [postOf(urban)])
    const alreadyRead = await circulatedReport('关于荷城街道防汛准备情况的报告', [
      postOf(education),
    ])
    assert.equal(
      (await education.post(`/api/documents/${alreadyRead}/acknowledge`)).statusCode,
      200,
    )
    const unknown = randomUUID()

    const result = await education.post('/api/inbox/acknowledge', {
      documentIds: [...circulated, hidden, alreadyRead, unknown],
    })
    assert.equal(result.statusCode, 200, result.body)
    const { read, refused } = result.json()
    assert.deepEqual(
      read.map((r: { title: string }) => r.title),
      titles,
    )
    assert.deepEqual(
      refused.map((r: { documentId: string; title: string | null; code: string }) => [
        r.documentId,
        r.title,
        r.code,
      ]),
      [
        [hidden, null, 'DOCUMENT_NOT_FOUND'],
        [alreadyRead, '关于荷城街道防汛准备情况的报告', 'NOTHING_TO_ACKNOWLEDGE'],
        [unknown, null, 'DOCUMENT_NOT_FOUND'],
      ],
    )
    assert.ok(refused.every((r: { message: string }) => /[\u4e00-\u9fff]/.test(r.message)))

    // His 待阅 are gone; the other deputy's remain; the office sees his read receipts.
    const inbox = (await education.get('/api/inbox')).json() as { document: { id: string } }[]
    assert.ok(circulated.every((id) => !inbox.some((entry) => entry.document.id === id)))
    const urbanInbox = (await urban.get('/api/inbox')).json() as { document: { id: string } }[]
    assert.ok(circulated.every((id) => urbanInbox.some((entry) => entry.document.id === id)))
    for (const id of circulated) {
      const receipts = (
        await (await as('zs-secretariat')).get(`/api/documents/${id}/circulation`)
      ).json().receipts as { postId: string; readBy: string | null }[]
      assert.equal(
        receipts.find((r) => r.postId === postOf(education))?.readBy,
        '张志强（副区长（教育））',
      )
      // Each document's act is audited on its own.
      const audited = (await auditActions(id)).filter(
        (row) => row.action === 'document.acknowledge',
      )
      assert.equal(audited.length, 1)
      assert.equal((audited[0]?.details as { batch?: boolean }).batch, true)
    }

    // Nothing chosen, or too many: refused in Chinese.
    const none = await education.post('/api/inbox/acknowledge', { documentIds: [] })
    assert.equal(none.statusCode, 400)
    assert.match(none.json().error.message, /请至少选择一份待阅公文/)
  })
})
