import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { MAX_INFLATE_RATIO } from '@zhengling/app'
import { docxPackage, zipPackage } from '@zhengling/app/test-support'
import { postIdOf } from './test-support/post-id-of.ts'
import { departmentIdOf } from './test-support/sign-in-as.ts'
import { type FilePart, signInForFiles } from './test-support/upload.ts'
import { useDemoServer } from './test-support/use-demo-server.ts'

// Zip bombs (issue 13 part 4) on every upload path of 钟山区: a 1 MB DOCX/OFD that inflates to
// 1 GiB is refused with 413 ARCHIVE_TOO_LARGE and a Chinese message, as an attachment, as
// supervision evidence, as meeting material and as a received document's original — and nothing
// is written (no row, no audit record). A normal DOCX is taken on the same paths.
const MONDAY = new Date('2026-03-02T01:00:00Z')
const server = useDemoServer({ startsAt: MONDAY })
const as = (username: string) => signInForFiles(server.app, username)
const unit = (name: string) => departmentIdOf(server.handle.db, name)

const GIB = 1024 ** 3
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
/** 1 MB, 1 GiB inflated; the headers declare 4 KB, so only counting while inflating catches it. */
const BOMB_DOCX = docxPackage('正文', [
  { name: 'word/media/image1.png', zeros: GIB, declaredSize: 4096 },
])
/** An OFD (the received documents' format) with the same bomb nested in a stored package. */
const BOMB_OFD = zipPackage([
  { name: 'OFD.xml', content: new Uint8Array(Buffer.from('<ofd:OFD/>')) },
  {
    name: 'Doc_0/Res/attachment.zip',
    stored: true,
    content: zipPackage([{ name: 'data.xml', zeros: GIB, declaredSize: 100 }]),
  },
])
const NORMAL_DOCX = docxPackage('关于做好防汛工作的通知'.repeat(100))

/** Rows of the tables an upload writes to, and audit records. */
async function counts() {
  const db = server.handle.db
  const count = async (
    table:
      | 'documents'
      | 'document_attachments'
      | 'agenda_item_materials'
      | 'supervision_evidence'
      | 'audit_records',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  return {
    documents: await count('documents'),
    attachments: await count('document_attachments'),
    materials: await count('agenda_item_materials'),
    evidence: await count('supervision_evidence'),
    audits: await count('audit_records'),
  }
}

type Upload = (file: FilePart) => Promise<{ statusCode: number; body: string }>

/** The four upload paths, each set up by the post that may upload on it. */
async function uploadPaths(): Promise<Record<string, Upload>> {
  const drafter = await as('zs-departmentHead-9')
  const drafted = await drafter.post('/api/documents/outgoing', {
    prefix: '钟府发',
    kind: '通知',
    title: '关于报送2026年防汛预案的通知',
    body: '各有关单位：现将有关事项通知如下。',
    mainRecipients: ['各乡（镇、街道）'],
    secrecy: '内部',
  })
  assert.equal(drafted.statusCode, 201, drafted.body)
  const documentId = drafted.json().document.id

  // 赵敏 acts in her second post, 区人民政府督查室主任, to open a ledger item.
  const supervisionOffice = await as('zs-deputyOfficeDirector')
  const switched = await supervisionOffice.put('/api/session/post', {
    postId: await postIdOf(server.handle.db, '区人民政府督查室主任'),
  })
  assert.equal(switched.statusCode, 200, switched.body)
  const item = await supervisionOffice.post('/api/supervision/items', {
    source: 'workReport',
    title: '压减一般性支出',
    leadDepartmentId: await unit('区财政局'),
    dueDate: '2026-03-13',
  })
  assert.equal(item.statusCode, 201, item.body)
  const itemId = item.json().item.id

  const secretariat = await as('zs-secretariat')
  const meeting = await secretariat.post('/api/meetings', {
    meetingType: 'standing',
    startsAt: '2026-03-12T09:00:00+08:00',
    location: '区政府三楼会议室',
  })
  assert.equal(meeting.statusCode, 201, meeting.body)
  const meetingId = meeting.json().meeting.id
  const agendaItem = await drafter.post(`/api/meetings/${meetingId}/items`, {
    title: '关于调整2026年区级预算的议题',
  })
  assert.equal(agendaItem.statusCode, 201, agendaItem.body)
  const agendaItemId = agendaItem.json().item.id

  // The 来文 desk is whoever the rule lets register; the secretariat in 钟山区.
  assert.equal(
    (await secretariat.get('/api/documents/received/access')).json().allowed,
    true,
    'the secretariat registers received documents',
  )
  return {
    attachment: (file) => drafter.upload(`/api/documents/${documentId}/attachments`, [file]),
    evidence: (file) => drafter.upload(`/api/supervision/items/${itemId}/evidence`, [file]),
    material: (file) =>
      drafter.upload(`/api/meetings/${meetingId}/items/${agendaItemId}/materials`, [file]),
    receivedOriginal: (file) =>
      secretariat.upload('/api/documents/received', [{ ...file, field: 'scan' }], {
        receipt: JSON.stringify({
          externalSender: '省人民政府办公厅',
          senderReference: '省府办发〔2026〕8号',
          kind: '通知',
          title: '关于做好2026年春季森林草原防灭火工作的通知',
          secrecy: '内部',
          urgency: 'normal',
          copies: 1,
          receivedOn: '2026-03-02',
        }),
      }),
  }
}

describe('zip bombs on every upload path', () => {
  it('refuses a 1 MB package inflating to 1 GiB with 413 ARCHIVE_TOO_LARGE, writing nothing; takes a normal one', async () => {
    assert.ok(BOMB_DOCX.length < 1.1 * 1024 * 1024 && BOMB_OFD.length < 1.1 * 1024 * 1024)
    const paths = await uploadPaths()
    for (const [path, upload] of Object.entries(paths)) {
      // Received originals are PDF or OFD only; the bombs alternate between the lying DOCX and
      // the OFD with a bomb nested inside, so each kind meets two paths.
      const bombs: FilePart[] = [
        path === 'receivedOriginal' || path === 'evidence'
          ? { fileName: '来文.ofd', type: 'application/ofd', content: BOMB_OFD }
          : { fileName: '方案.docx', type: DOCX_TYPE, content: BOMB_DOCX },
      ]
      for (const bomb of bombs) {
        const before = await counts()
        const response = await upload(bomb)
        assert.equal(response.statusCode, 413, `${path} ${bomb.fileName}: ${response.body}`)
        const { error } = JSON.parse(response.body)
        assert.equal(error.code, 'ARCHIVE_TOO_LARGE', `${path} ${bomb.fileName}`)
        assert.match(error.message, /压缩炸弹/)
        assert.match(error.message, new RegExp(`${MAX_INFLATE_RATIO} 倍`))
        assert.deepEqual(await counts(), before, `${path}: nothing written for ${bomb.fileName}`)
      }
      if (path === 'receivedOriginal') continue
      const before = await counts()
      const accepted = await upload({
        fileName: '方案.docx',
        type: DOCX_TYPE,
        content: NORMAL_DOCX,
      })
      assert.equal(accepted.statusCode, 201, `${path}: ${accepted.body}`)
      assert.ok((await counts()).audits > before.audits, `${path}: the upload is audited`)
    }
  })
})
