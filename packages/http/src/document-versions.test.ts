import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'

// 正文版本 of 钟山区 documents: version 1 at creation, one more per revision while an outgoing
// draft is under review, by the drafting post or the post whose 核稿 is due; search follows the
// new words; after 签发 the text is fixed.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const day = (n: number) => new Date(MONDAY.getTime() + n * 86_400_000)

const server = useDemoServer({ startsAt: MONDAY })

const as = (username: string) => signInAs(server.app, username)
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const FIRST = '各乡（镇、街道）：为办好荷花节，现就有关事项通知如下。'
const SECOND = '各乡（镇、街道）：为做好湿地保护，现就有关事项通知如下。'

describe('document body versions', () => {
  it('keeps version 1 from drafting, adds version 2 on revision, and search follows', async () => {
    server.clock = MONDAY
    const drafter = await as('zs-departmentHead-9')
    const drafted = await drafter.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: '关于举办荷花节的通知',
      body: FIRST,
      mainRecipients: ['各乡（镇、街道）'],
      secrecy: '内部',
    })
    assert.equal(drafted.statusCode, 201, drafted.body)
    const id = drafted.json().document.id

    const initial = await drafter.get(`/api/documents/${id}/versions`)
    assert.equal(initial.statusCode, 200, initial.body)
    assert.equal(initial.json().length, 1)
    assert.deepEqual(
      {
        version: initial.json()[0].version,
        title: initial.json()[0].title,
        body: initial.json()[0].body,
        sha256: initial.json()[0].sha256,
      },
      { version: 1, title: '关于举办荷花节的通知', body: FIRST, sha256: sha256(FIRST) },
    )
    assert.match(initial.json()[0].savedBy, /（/)

    const revised = await drafter.post(`/api/documents/${id}/body`, {
      title: '关于加强湿地保护的通知',
      body: SECOND,
    })
    assert.equal(revised.statusCode, 200, revised.body)
    assert.equal(revised.json().version.version, 2)
    assert.equal(revised.json().version.sha256, sha256(SECOND))

    const view = (await drafter.get(`/api/documents/${id}`)).json()
    assert.equal(view.document.title, '关于加强湿地保护的通知')
    assert.equal(view.document.body, SECOND)
    const event = view.events.at(-1)
    assert.equal(event.action, 'revise')
    assert.equal(event.details.version, 2)
    assert.equal(event.details.previousTitle, '关于举办荷花节的通知')
    const audit = await server.handle.db
      .selectFrom('audit_records')
      .select(['details'])
      .where('subject', '=', id)
      .where('action', '=', 'document.revise')
      .executeTakeFirstOrThrow()
    assert.equal(audit.details.sha256, sha256(SECOND))

    const versions = (await drafter.get(`/api/documents/${id}/versions`)).json()
    assert.deepEqual(
      versions.map((v: { version: number; body: string }) => [v.version, v.body]),
      [
        [1, FIRST],
        [2, SECOND],
      ],
    )
    // The index follows the text: the new words find it, the words revised away do not.
    const found = await drafter.get(`/api/documents?q=${encodeURIComponent('湿地保护')}`)
    assert.ok(
      found.json().some((d: { id: string }) => d.id === id),
      found.body,
    )
    const gone = await drafter.get(`/api/documents?q=${encodeURIComponent('荷花节')}`)
    assert.ok(!gone.json().some((d: { id: string }) => d.id === id), gone.body)

    const unchanged = await drafter.post(`/api/documents/${id}/body`, { body: SECOND })
    assert.equal(unchanged.statusCode, 422)
    assert.equal(unchanged.json().error.code, 'BODY_UNCHANGED')
  })

  it('lets the post whose 核稿 is due revise; others cannot, and after 签发 no one can', async () => {
    server.clock = MONDAY
    const drafter = await as('zs-departmentHead-9')
    const drafted = await drafter.post('/api/documents/outgoing', {
      prefix: '钟府发',
      kind: '通知',
      title: '关于做好农村人居环境整治的通知',
      body: '各有关单位：第一稿。',
      mainRecipients: ['各乡（镇、街道）'],
      secrecy: '内部',
    })
    const id = drafted.json().document.id
    // Not yet in the office director's 知悉范围: the draft and its versions do not exist for him.
    const director = await as('zs-officeDirector')
    assert.equal((await director.get(`/api/documents/${id}/versions`)).statusCode, 404)
    const early = await director.post(`/api/documents/${id}/body`, { body: '越权修改' })
    assert.equal(early.statusCode, 404)
    assert.equal(early.json().error.code, 'DOCUMENT_NOT_FOUND')

    await drafter.post(`/api/documents/${id}/review`, { opinion: '同意' })
    // The office director's 核稿 is due: he may revise.
    const byReviewer = await director.post(`/api/documents/${id}/body`, {
      body: '各有关单位：第二稿（办公室核改）。',
    })
    assert.equal(byReviewer.statusCode, 200, byReviewer.body)
    assert.equal(byReviewer.json().version.version, 2)
    assert.match(byReviewer.json().version.savedBy, /办公室主任|主任/)
    await director.post(`/api/documents/${id}/review`, { opinion: '同意' })
    // His step done, he may still read the draft but no longer change it.
    const after = await director.post(`/api/documents/${id}/body`, { body: '再改' })
    assert.equal(after.statusCode, 403, after.body)
    assert.equal(after.json().error.code, 'NOT_PERMITTED_TO_REVISE')

    await (await as('zs-executiveDeputy')).post(`/api/documents/${id}/review`, { opinion: '同意' })
    // Awaiting signature: the drafter may still correct the text.
    const third = await drafter.post(`/api/documents/${id}/body`, { body: '各有关单位：第三稿。' })
    assert.equal(third.statusCode, 200, third.body)
    assert.equal(third.json().version.version, 3)

    server.clock = day(4)
    const signed = await (await as('zs-principal')).post(`/api/documents/${id}/sign`)
    assert.equal(signed.statusCode, 200, signed.body)
    const fixed = await (
      await as('zs-departmentHead-9')
    ).post(`/api/documents/${id}/body`, { body: '签发后再改' })
    assert.equal(fixed.statusCode, 403, fixed.body)
    assert.equal(fixed.json().error.code, 'WRONG_STATE')
    const versions = (
      await (await as('zs-departmentHead-9')).get(`/api/documents/${id}/versions`)
    ).json()
    assert.deepEqual(
      versions.map((v: { version: number }) => v.version),
      [1, 2, 3],
    )
    assert.equal(signed.json().document.body, '各有关单位：第三稿。')

    // Saved versions are history: the database refuses to change or remove them.
    await assert.rejects(
      server.handle.db
        .updateTable('document_body_versions')
        .set({ body: '篡改' })
        .where('document_id', '=', id)
        .execute(),
      /append-only/,
    )
    await assert.rejects(
      server.handle.db.deleteFrom('document_body_versions').where('document_id', '=', id).execute(),
      /append-only/,
    )
  })

  it('keeps version 1 of an incoming document, whose text cannot be revised', async () => {
    server.clock = MONDAY
    const township = await as('zs-townshipHead')
    const submitted = await township.post('/api/documents/incoming', {
      kind: '请示',
      title: '关于申请修缮村级文化活动室的请示',
      body: '区人民政府：申请修缮资金。妥否，请批示。',
      secrecy: '内部',
      mainRecipients: ['区人民政府'],
    })
    assert.equal(submitted.statusCode, 201, submitted.body)
    const id = submitted.json().document.id
    const versions = (await township.get(`/api/documents/${id}/versions`)).json()
    assert.deepEqual(
      versions.map((v: { version: number; sha256: string }) => [v.version, v.sha256]),
      [[1, sha256('区人民政府：申请修缮资金。妥否，请批示。')]],
    )
    const revise = await township.post(`/api/documents/${id}/body`, { body: '改' })
    assert.equal(revise.statusCode, 403)
    assert.equal(revise.json().error.code, 'NOT_REVISABLE')
    // The head does not see it yet: its versions are not found either.
    assert.equal(
      (await (await as('zs-principal')).get(`/api/documents/${id}/versions`)).statusCode,
      404,
    )
  })
})
