import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { strFromU8, unzipSync } from 'fflate'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { departmentIdOf, signInAs } from './test-support/sign-in-as.ts'

// An outgoing 钟府发 下行文 of 钟山区 drafted by a bureau, crossing two units' 会签 (one reply
// overdue), reviewed along 第三十二条's chain, signed by exactly the head, numbered and archived.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const day = (n: number) => new Date(MONDAY.getTime() + n * 86_400_000)

const server = useDemoServer({ startsAt: MONDAY })

const as = (username: string) => signInAs(server.app, username)
const departmentId = (name: string) => departmentIdOf(server.handle.db, name)

describe('outgoing documents in 钟山区', () => {
  it('reviews along the chain, settles an overdue 会签, is signed by the head and numbered', async () => {
    server.clock = MONDAY
    const bureau = await as('zs-departmentHead-9')
    const drafted = await bureau.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: '关于做好2026年财政预算执行工作的通知',
      body: '各乡（镇、街道）、区直各部门：现就做好预算执行工作通知如下。',
      direction: 'downward',
      mainRecipients: ['各乡（镇、街道）', '区直各部门'],
      secrecy: '公开',
      countersignDepartmentIds: [await departmentId('区教育局'), await departmentId('荷城街道')],
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const id = drafted.json().document.id
    // The plan is fixed and shown before anyone signs: 第三十二条, signed by 区长.
    assert.deepEqual(drafted.json().document.plan.signer, ['principal'])
    assert.ok(drafted.json().citations.some((c: { article: string }) => c.article === '第三十二条'))

    // 会签: the education bureau agrees at once; 荷城街道 never answers.
    const education = await as('zs-departmentHead-10')
    assert.equal(
      (await education.post(`/api/documents/${id}/countersign`, { agree: true })).statusCode,
      200,
    )

    // 核稿: the drafting bureau's head, the office director, the deputy overseeing the bureau.
    const steps: [string, string][] = [
      ['zs-departmentHead-9', 'reviewing'],
      ['zs-officeDirector', 'reviewing'],
      ['zs-executiveDeputy', 'awaitingSignature'],
    ]
    for (const [username, state] of steps) {
      const reviewed = await (
        await as(username)
      ).post(`/api/documents/${id}/review`, { opinion: '同意' })
      assert.equal(reviewed.json().document.state, state, `${username}: ${reviewed.body}`)
    }
    // Out of turn: the office director has already reviewed.
    const twice = await (
      await as('zs-officeDirector')
    ).post(`/api/documents/${id}/review`, {
      opinion: '再审',
    })
    assert.equal(twice.statusCode, 403)
    assert.equal(twice.json().error.code, 'WRONG_STATE')

    // The executive deputy in his own post may not sign a 钟府发 document.
    const wrongSigner = await (await as('zs-executiveDeputy')).post(`/api/documents/${id}/sign`)
    assert.equal(wrongSigner.statusCode, 422)
    assert.equal(wrongSigner.json().error.code, 'SIGNER_NOT_AUTHORISED')
    assert.ok(
      wrongSigner
        .json()
        .error.citations.some((c: { article: string }) => c.article === '第三十二条'),
    )

    // Tuesday: 荷城街道's reply (3 working days, 第二十九条) is not yet due; signing waits.
    server.clock = day(1)
    const early = await (await as('zs-principal')).post(`/api/documents/${id}/sign`)
    assert.equal(early.statusCode, 422)
    assert.equal(early.json().error.code, 'COUNTERSIGN_PENDING')
    assert.match(early.json().error.message, /2026-03-05/)

    // Friday: the reply is overdue and deemed no objection; the head signs.
    server.clock = day(4)
    const signed = await (
      await as('zs-principal')
    ).post(`/api/documents/${id}/sign`, { opinion: '签发' })
    assert.equal(signed.statusCode, 200, signed.body)
    assert.equal(signed.json().document.state, 'signed')
    assert.deepEqual(signed.json().events.at(-1).details.deemedNoObjection, [
      await departmentId('荷城街道'),
    ])
    assert.ok(
      signed
        .json()
        .citations.some((c: { ruleId: string }) => c.ruleId === 'zhongshan.countersign.reply'),
    )

    const desk = await as('zs-secretariat')
    const numbered = await desk.post(`/api/documents/${id}/number`)
    assert.equal(numbered.json().document.documentNumber, '钟府发〔2026〕1号', numbered.body)
    const withheld = await desk.post(`/api/documents/${id}/issue`, { disclosure: 'withheld' })
    assert.equal(withheld.statusCode, 422)
    const issued = await desk.post(`/api/documents/${id}/issue`, { disclosure: 'active' })
    assert.equal(issued.json().document.state, 'issued', issued.body)
    // The final document, laid out per GB/T 9704, with its number in the 版头.
    const docx = await desk.get(`/api/documents/${id}/docx`)
    assert.equal(docx.statusCode, 200)
    assert.match(String(docx.headers['content-type']), /wordprocessingml/)
    const xml = strFromU8(
      unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml'] as Uint8Array,
    )
    assert.ok(xml.includes('钟府发〔2026〕1号') && xml.includes('此件公开发布'))
    // A 公开 document is readable across the jurisdiction; administrators read no documents.
    assert.equal((await (await as('zs-deputy-2')).get(`/api/documents/${id}/docx`)).statusCode, 200)
    assert.equal((await (await as('systemAdmin')).get(`/api/documents/${id}/docx`)).statusCode, 403)

    const archived = await desk.post(`/api/documents/${id}/archive`)
    assert.equal(archived.json().document.state, 'archived', archived.body)

    // Archived means immutable, down to the database.
    await assert.rejects(
      server.handle.db.updateTable('documents').set({ title: '改' }).where('id', '=', id).execute(),
      /archived/,
    )
    const afterArchive = await desk.post(`/api/documents/${id}/archive`)
    assert.equal(afterArchive.statusCode, 403)
  })

  it('acting for the head, the executive deputy signs in the head’s post', async () => {
    server.clock = MONDAY
    const bureau = await as('zs-departmentHead-9')
    const drafted = await bureau.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: '关于开展安全生产大检查的通知',
      body: '各有关单位：……',
      mainRecipients: ['各乡（镇、街道）'],
      secrecy: '公开',
    })
    const id = drafted.json().document.id
    for (const username of ['zs-departmentHead-9', 'zs-officeDirector', 'zs-executiveDeputy'])
      await (await as(username)).post(`/api/documents/${id}/review`, { opinion: '同意' })
    // The head is away this week (第六条): the executive deputy switches to the head's post.
    const executive = await as('zs-executiveDeputy')
    const head = executive.me.posts.find((p: { title: string }) => p.title === '区长')
    assert.ok(head, 'the acting assignment gives the executive deputy the head’s post this week')
    assert.equal(
      (await executive.put('/api/session/post', { postId: head.postId })).statusCode,
      200,
    )
    const signed = await executive.post(`/api/documents/${id}/sign`)
    assert.equal(signed.statusCode, 200, signed.body)
    // The history says the act was done acting, with the article (issue 15).
    assert.equal(signed.json().events.at(-1).actor, '李红梅（常务副区长，代行区长职责 — 第六条）')
  })

  it('lists the jurisdiction’s numbering prefixes with the article naming them', async () => {
    server.clock = MONDAY
    const prefixes = await (await as('zs-departmentHead-9')).get('/api/documents/prefixes')
    assert.equal(prefixes.statusCode, 200, prefixes.body)
    const fa = prefixes.json().find((p: { prefix: string }) => p.prefix === '钟府发')
    assert.deepEqual(fa, {
      prefix: '钟府发',
      issuer: 'government',
      label: '区人民政府重要公文',
      article: '第三十二条',
    })
    assert.ok(prefixes.json().some((p: { issuer: string }) => p.issuer === 'office'))
  })

  it('refuses an unknown prefix and a 文种 the regulations do not know', async () => {
    server.clock = MONDAY
    const bureau = await as('zs-departmentHead-9')
    const base = { kind: '通知', title: '测试', mainRecipients: ['各单位'], secrecy: '公开' }
    const prefix = await bureau.post('/api/documents/outgoing', { ...base, prefix: '钟府乱发' })
    assert.equal(prefix.statusCode, 422)
    assert.equal(prefix.json().error.code, 'UNKNOWN_PREFIX')
    const kind = await bureau.post('/api/documents/outgoing', {
      ...base,
      prefix: '钟府发',
      kind: '请示报告',
    })
    assert.equal(kind.json().error.code, 'UNKNOWN_DOCUMENT_KIND')
  })
})
