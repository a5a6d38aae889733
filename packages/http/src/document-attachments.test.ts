import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import { MAX_ATTACHMENT_BYTES } from '@zhengling/app'
import { useDemoServer } from './test-support/use-demo-server.ts'
import { signInForFiles } from './test-support/upload.ts'

// 附件 of 钟山区 documents through the API: uploaded as multipart by the drafting post or a post
// with a task, listed in the document view, downloaded as stored by anyone who may see the
// document; every malformed upload refused with a code and a Chinese message, nothing stored.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const day = (n: number) => new Date(MONDAY.getTime() + n * 86_400_000)

const server = useDemoServer({ startsAt: MONDAY })

const as = (username: string) => signInForFiles(server.app, username)

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72])
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

async function draft(secrecy: string, title: string) {
  const drafted = await (
    await as('zs-departmentHead-9')
  ).post('/api/documents/outgoing', {
    prefix: '钟府发',
    kind: '通知',
    title,
    body: '各有关单位：现将有关事项通知如下。',
    mainRecipients: ['各乡（镇、街道）'],
    secrecy,
  })
  assert.equal(drafted.statusCode, 201, drafted.body)
  return drafted.json().document.id as string
}

/** What the database holds for the document: attachment rows and 'attach' events. */
async function stored(documentId: string) {
  const attachments = await server.handle.db
    .selectFrom('document_attachments')
    .select(['id', 'name'])
    .where('document_id', '=', documentId)
    .execute()
  const events = await server.handle.db
    .selectFrom('document_events')
    .select('id')
    .where('document_id', '=', documentId)
    .where('action', '=', 'attach')
    .execute()
  const audits = await server.handle.db
    .selectFrom('audit_records')
    .select('id')
    .where('subject', '=', documentId)
    .where('action', '=', 'document.attach')
    .execute()
  return { attachments: attachments.length, events: events.length, audits: audits.length }
}

function assertRefused(
  response: {
    statusCode: number
    body: string
    json: () => { error: { code: string; message: string } }
  },
  status: number,
  code: string,
) {
  assert.equal(response.statusCode, status, response.body)
  assert.equal(response.json().error.code, code)
  assert.match(response.json().error.message, /[\u4e00-\u9fff]/, 'a Chinese message')
}

describe('document attachments', () => {
  it('uploads a file, lists it in the document view, and downloads the same bytes', async () => {
    server.clock = MONDAY
    const id = await draft('内部', '关于报送2026年防汛预案的通知')
    const drafter = await as('zs-departmentHead-9')
    const uploaded = await drafter.upload(`/api/documents/${id}/attachments`, [
      { fileName: '防汛预案（送审稿）.pdf', type: 'application/pdf', content: PDF },
    ])
    assert.equal(uploaded.statusCode, 201, uploaded.body)
    const attachment = uploaded.json().attachment
    assert.equal(attachment.name, '防汛预案（送审稿）.pdf')
    assert.equal(attachment.mediaType, 'application/pdf')
    assert.equal(attachment.sizeBytes, PDF.length)
    assert.equal(attachment.sha256, sha256(PDF))
    assert.match(attachment.uploader, /（/)

    const view = (await drafter.get(`/api/documents/${id}`)).json()
    assert.deepEqual(
      view.attachments.map((a: { id: string; name: string }) => [a.id, a.name]),
      [[attachment.id, '防汛预案（送审稿）.pdf']],
    )
    assert.equal(view.events.at(-1).action, 'attach')
    assert.equal(view.events.at(-1).details.sha256, sha256(PDF))

    const download = await drafter.get(`/api/documents/${id}/attachments/${attachment.id}`)
    assert.equal(download.statusCode, 200)
    assert.deepEqual(new Uint8Array(download.rawPayload), PDF)
    assert.match(String(download.headers['content-type']), /^application\/pdf/)
    assert.equal(download.headers['x-content-type-options'], 'nosniff')
    assert.ok(
      String(download.headers['content-disposition']).includes(
        `filename*=UTF-8''${encodeURIComponent('防汛预案（送审稿）.pdf')}`,
      ),
      String(download.headers['content-disposition']),
    )
    assert.deepEqual(await stored(id), { attachments: 1, events: 1, audits: 1 })

    // The post with the next 核稿 task may attach too: the desk of the office director.
    await drafter.post(`/api/documents/${id}/review`, { opinion: '同意' })
    const director = await as('zs-officeDirector')
    const byReviewer = await director.upload(`/api/documents/${id}/attachments`, [
      { fileName: '测算表.png', type: 'image/png', content: PNG },
    ])
    assert.equal(byReviewer.statusCode, 201, byReviewer.body)
    assert.deepEqual(await stored(id), { attachments: 2, events: 2, audits: 2 })
  })

  it('refuses malformed uploads with a code and a Chinese message, storing nothing', async () => {
    server.clock = MONDAY
    const id = await draft('内部', '关于开展汛前安全检查的通知')
    const drafter = await as('zs-departmentHead-9')
    const url = `/api/documents/${id}/attachments`

    // A ".pdf" whose bytes are a PNG image.
    assertRefused(
      await drafter.upload(url, [{ fileName: '请示.pdf', type: 'application/pdf', content: PNG }]),
      422,
      'ATTACHMENT_TYPE_MISMATCH',
    )
    // PNG bytes declared as PNG but named ".pdf".
    assertRefused(
      await drafter.upload(url, [{ fileName: '请示.pdf', type: 'image/png', content: PNG }]),
      422,
      'ATTACHMENT_TYPE_MISMATCH',
    )
    assertRefused(
      await drafter.upload(url, [
        {
          fileName: 'setup.exe',
          type: 'application/x-msdownload',
          content: new Uint8Array([0x4d, 0x5a, 0x90, 0]),
        },
      ]),
      415,
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    )
    assertRefused(
      await drafter.upload(url, [
        { fileName: '空.pdf', type: 'application/pdf', content: new Uint8Array() },
      ]),
      422,
      'ATTACHMENT_EMPTY',
    )
    // One byte over the real cap: the stream is cut at the cap, nothing reaches the database.
    const oversized = new Uint8Array(MAX_ATTACHMENT_BYTES + 1)
    oversized.set(PDF)
    assertRefused(
      await drafter.upload(url, [
        { fileName: '大.pdf', type: 'application/pdf', content: oversized },
      ]),
      413,
      'ATTACHMENT_TOO_LARGE',
    )
    assertRefused(
      await drafter.post(url, { name: 'a.pdf', content: 'JVBERi0=' }),
      415,
      'ATTACHMENT_NOT_MULTIPART',
    )
    assertRefused(
      await drafter.raw(url, 'application/octet-stream', Buffer.from(PDF)),
      415,
      'ATTACHMENT_NOT_MULTIPART',
    )
    assertRefused(
      await drafter.upload(url, [
        { fileName: 'a.pdf', type: 'application/pdf', content: PDF },
        { fileName: 'b.pdf', type: 'application/pdf', content: PDF },
      ]),
      400,
      'ATTACHMENT_ONE_FILE',
    )
    assertRefused(await drafter.upload(url, [], { note: '无文件' }), 400, 'ATTACHMENT_MISSING')
    assertRefused(
      await drafter.raw(url, 'multipart/form-data; boundary=xyz', 'not a multipart body'),
      400,
      'ATTACHMENT_MALFORMED',
    )
    assert.deepEqual(await stored(id), { attachments: 0, events: 0, audits: 0 })

    // A control character, a path and a direction override in the name are removed.
    const cleaned = await drafter.upload(url, [
      { fileName: '..\\材料/报\u0007告\u202E.pdf', type: 'application/pdf', content: PDF },
    ])
    assert.equal(cleaned.statusCode, 201, cleaned.body)
    assert.equal(cleaned.json().attachment.name, '报告.pdf')
  })

  it('answers 404 to someone who may not see the document, 403 to a reader without a task', async () => {
    server.clock = MONDAY
    const internal = await draft('内部', '关于调整区级储备粮规模的通知')
    const drafter = await as('zs-departmentHead-9')
    const file = { fileName: '附表.pdf', type: 'application/pdf', content: PDF }
    const attachment = (
      await drafter.upload(`/api/documents/${internal}/attachments`, [file])
    ).json().attachment
    // The head is not yet in the draft's 知悉范围: for him neither it nor its files exist.
    const head = await as('zs-principal')
    assertRefused(
      await head.upload(`/api/documents/${internal}/attachments`, [file]),
      404,
      'DOCUMENT_NOT_FOUND',
    )
    assertRefused(
      await head.get(`/api/documents/${internal}/attachments/${attachment.id}`),
      404,
      'DOCUMENT_NOT_FOUND',
    )
    // An attachment id of another document is not found through this one.
    const other = await draft('内部', '关于另一事项的通知')
    assertRefused(
      await drafter.get(`/api/documents/${other}/attachments/${attachment.id}`),
      404,
      'ATTACHMENT_NOT_FOUND',
    )

    // A 公开 draft is readable across the jurisdiction; reading it is no right to add to it.
    const open = await draft('公开', '关于公布区级政务服务事项清单的通知')
    const openFile = (await drafter.upload(`/api/documents/${open}/attachments`, [file])).json()
      .attachment
    const deputy = await as('zs-deputy-2')
    assertRefused(
      await deputy.upload(`/api/documents/${open}/attachments`, [file]),
      403,
      'NOT_PERMITTED_TO_ATTACH',
    )
    const read = await deputy.get(`/api/documents/${open}/attachments/${openFile.id}`)
    assert.equal(read.statusCode, 200)
    assert.deepEqual(new Uint8Array(read.rawPayload), PDF)
    assert.deepEqual(await stored(internal), { attachments: 1, events: 1, audits: 1 })
    assert.deepEqual(await stored(open), { attachments: 1, events: 1, audits: 1 })
  })

  it('refuses attachments once signed and after archiving; the database guards them too', async () => {
    server.clock = MONDAY
    const id = await draft('公开', '关于做好春季森林防火工作的通知')
    const drafter = await as('zs-departmentHead-9')
    const file = { fileName: '责任分工.pdf', type: 'application/pdf', content: PDF }
    assert.equal((await drafter.upload(`/api/documents/${id}/attachments`, [file])).statusCode, 201)
    for (const username of ['zs-departmentHead-9', 'zs-officeDirector', 'zs-executiveDeputy'])
      assert.equal(
        (await (await as(username)).post(`/api/documents/${id}/review`, { opinion: '同意' }))
          .statusCode,
        200,
      )
    server.clock = day(4)
    const signed = await (await as('zs-principal')).post(`/api/documents/${id}/sign`)
    assert.equal(signed.statusCode, 200, signed.body)
    // Signed in again: the idle session of Monday has expired by Friday.
    const drafterFriday = await as('zs-departmentHead-9')
    assertRefused(
      await drafterFriday.upload(`/api/documents/${id}/attachments`, [file]),
      403,
      'WRONG_STATE',
    )

    const desk = await as('zs-secretariat')
    assert.equal((await desk.post(`/api/documents/${id}/number`)).statusCode, 200)
    assert.equal(
      (await desk.post(`/api/documents/${id}/issue`, { disclosure: 'active' })).statusCode,
      200,
    )
    const archived = await desk.post(`/api/documents/${id}/archive`)
    assert.equal(archived.json().document.state, 'archived', archived.body)
    // Neither the drafter nor the desk (which just held the document's tasks) may add to it.
    assertRefused(
      await drafterFriday.upload(`/api/documents/${id}/attachments`, [file]),
      403,
      'WRONG_STATE',
    )
    assertRefused(await desk.upload(`/api/documents/${id}/attachments`, [file]), 403, 'WRONG_STATE')
    assert.deepEqual(await stored(id), { attachments: 1, events: 1, audits: 1 })

    // The record is still there to read.
    const [only] = (await drafterFriday.get(`/api/documents/${id}`)).json().attachments
    assert.equal(
      (await drafterFriday.get(`/api/documents/${id}/attachments/${only.id}`)).statusCode,
      200,
    )
    // Down to the database: no new file, no change, no removal for an archived document.
    await assert.rejects(
      server.handle.db
        .insertInto('document_attachments')
        .values({
          id: '00000000-0000-4000-8000-000000000001',
          document_id: id,
          name: 'x.pdf',
          media_type: 'application/pdf',
          size_bytes: PDF.length,
          sha256: sha256(PDF),
          content: PDF,
          uploaded_at: server.clock.toISOString(),
          uploaded_by_person_id: null,
          uploaded_by_post_id: null,
        })
        .execute(),
      /archived/,
    )
    await assert.rejects(
      server.handle.db
        .updateTable('document_attachments')
        .set({ name: '改.pdf' })
        .where('id', '=', only.id)
        .execute(),
      /cannot change/,
    )
    await assert.rejects(
      server.handle.db.deleteFrom('document_attachments').where('id', '=', only.id).execute(),
      /archived/,
    )
  })
})
