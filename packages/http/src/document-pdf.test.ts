import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { type PdfConverter, sm3Hasher } from '@zhengling/app'
import { type DatabaseHandle } from '@zhengling/db'
import { openTestDatabase } from '@zhengling/db/test-support'
import { DEFAULT_FONTS, FREE_FACES, type FontRole } from '@zhengling/gbt9704'
import { pageText, pdfFonts } from '@zhengling/gbt9704/test-support'
import { loadLibrary, type RulebookLibrary } from '@zhengling/rulebooks'
import type { FastifyInstance } from 'fastify'
import { buildServer } from './build-server.ts'
import { findOnPath, libreOfficePdfConverter } from './pdf-converter.ts'
import { TEST_PASSWORDS } from './test-support/build-test-server.ts'
import { signInAs } from './test-support/sign-in-as.ts'
import { demoSeed } from './test-support/use-demo-server.ts'

// GET /api/documents/:id/pdf: the GB/T 9704 DOCX converted by the injected converter. Without
// LibreOffice the answer is 503 PDF_UNAVAILABLE, after the access check; with a converter that
// fails, the same. One case converts with the real LibreOffice when `soffice` is installed.
const MONDAY = new Date('2026-03-02T01:00:00Z')
let handle: DatabaseHandle
let library: RulebookLibrary
const servers: FastifyInstance[] = []

before(async () => {
  handle = await openTestDatabase({ seed: demoSeed(MONDAY) })
  library = loadLibrary()
})
after(async () => {
  for (const server of servers) await server.close()
  await handle.close()
})

async function serverWith(convertToPdf: PdfConverter | null) {
  const server = await buildServer({
    library,
    convertToPdf,
    sessions: {
      db: handle.db,
      passwords: TEST_PASSWORDS,
      hasher: sm3Hasher,
      now: () => MONDAY,
      secureCookies: true,
    },
  })
  servers.push(server)
  return server
}

async function draftIn(app: FastifyInstance) {
  const drafted = await (
    await signInAs(app, 'zs-departmentHead-9')
  ).post('/api/documents/outgoing', {
    prefix: '钟府发',
    kind: '通知',
    title: '关于做好2026年春季学期开学工作的通知',
    body: '各乡（镇、街道）：现就开学工作通知如下。\n一、做好校园安全检查。',
    mainRecipients: ['各乡（镇、街道）'],
    secrecy: '内部',
  })
  assert.equal(drafted.statusCode, 201, drafted.body)
  return drafted.json().document.id as string
}

describe('document PDF', () => {
  it('converts the DOCX with the injected converter', async () => {
    const received: Uint8Array[] = []
    const app = await serverWith(async (docx) => {
      received.push(docx)
      return new Uint8Array(Buffer.from('%PDF-1.7 converted'))
    })
    const id = await draftIn(app)
    const pdf = await (await signInAs(app, 'zs-departmentHead-9')).get(`/api/documents/${id}/pdf`)
    assert.equal(pdf.statusCode, 200, pdf.body)
    assert.match(String(pdf.headers['content-type']), /^application\/pdf/)
    assert.equal(pdf.body, '%PDF-1.7 converted')
    assert.ok(
      String(pdf.headers['content-disposition']).includes(
        encodeURIComponent('关于做好2026年春季学期开学工作的通知.pdf'),
      ),
      String(pdf.headers['content-disposition']),
    )
    // Every font was there: no notice.
    assert.equal(pdf.headers['x-font-notice'], undefined)
    // What the converter got is the DOCX (a ZIP package).
    assert.equal(received.length, 1)
    assert.deepEqual([...(received[0] as Uint8Array).slice(0, 4)], [0x50, 0x4b, 0x03, 0x04])
    // Someone who may not see the document gets no PDF of it, and no conversion runs.
    const head = await signInAs(app, 'zs-principal')
    assert.equal((await head.get(`/api/documents/${id}/pdf`)).statusCode, 404)
    assert.equal(received.length, 1)
  })

  it('says which fonts stood in for the GB/T 9704 ones', async () => {
    const converter = Object.assign(async () => new Uint8Array(Buffer.from('%PDF-1.7')), {
      fontSubstitutions: async () => [
        { role: 'fangSong' as const, requested: '仿宋_GB2312', substitute: 'FandolFang' },
        { role: 'xiaoBiaoSong' as const, requested: '方正小标宋简体', substitute: 'FandolSong' },
      ],
    })
    const app = await serverWith(converter)
    const id = await draftIn(app)
    const pdf = await (await signInAs(app, 'zs-departmentHead-9')).get(`/api/documents/${id}/pdf`)
    assert.equal(pdf.statusCode, 200, pdf.body)
    assert.equal(
      decodeURIComponent(String(pdf.headers['x-font-notice'])),
      '本PDF使用替代字体：仿宋_GB2312 → FandolFang、方正小标宋简体 → FandolSong',
    )
  })

  it('answers 503 PDF_UNAVAILABLE without LibreOffice, or when the conversion fails', async () => {
    const without = await serverWith(null)
    const id = await draftIn(without)
    const drafter = await signInAs(without, 'zs-departmentHead-9')
    const unavailable = await drafter.get(`/api/documents/${id}/pdf`)
    assert.equal(unavailable.statusCode, 503, unavailable.body)
    assert.equal(unavailable.json().error.code, 'PDF_UNAVAILABLE')
    assert.match(unavailable.json().error.message, /LibreOffice/)
    // The access check comes first: not found stays not found.
    const head = await signInAs(without, 'zs-principal')
    assert.equal((await head.get(`/api/documents/${id}/pdf`)).statusCode, 404)

    const failing = await serverWith(async () => {
      throw new Error('soffice crashed')
    })
    const failed = await (
      await signInAs(failing, 'zs-departmentHead-9')
    ).get(`/api/documents/${id}/pdf`)
    assert.equal(failed.statusCode, 503, failed.body)
    assert.equal(failed.json().error.code, 'PDF_UNAVAILABLE')
    assert.match(failed.json().error.message, /PDF 生成失败/)
  })

  it(
    'converts with the real LibreOffice when soffice is installed',
    { skip: findOnPath('soffice') ? false : 'soffice is not on the PATH', timeout: 300_000 },
    async () => {
      const app = await serverWith(libreOfficePdfConverter({ timeoutMs: 180_000 }))
      const id = await draftIn(app)
      const pdf = await (await signInAs(app, 'zs-departmentHead-9')).get(`/api/documents/${id}/pdf`)
      assert.equal(pdf.statusCode, 200, pdf.body)
      assert.equal(Buffer.from(pdf.rawPayload).subarray(0, 5).toString('latin1'), '%PDF-')
      // The GB/T 9704 fonts are not installed here: every role has its free SC face, and the
      // answer says so.
      const roles = Object.keys(DEFAULT_FONTS) as FontRole[]
      assert.equal(
        decodeURIComponent(String(pdf.headers['x-font-notice'])),
        `本PDF使用替代字体：${roles.map((role) => `${DEFAULT_FONTS[role]} → ${FREE_FACES[role][0]?.family}`).join('、')}`,
      )
      const dir = await mkdtemp(join(tmpdir(), 'document-pdf-'))
      try {
        const file = join(dir, 'document.pdf')
        await writeFile(file, pdf.rawPayload)
        const keep = process.env.ZHENGLING_KEEP_PDF
        if (keep) await writeFile(join(keep, 'zhongshan-outgoing.pdf'), pdf.rawPayload)
        // Only faces with Simplified Chinese glyphs: the 仿宋 body, the 小标宋 mark and title, the
        // 黑体 一级标题 and the 宋体 page number; no Japanese face, no DejaVu.
        const families = (await pdfFonts(file)).map((font) => font.name.replace(/-.*$/, ''))
        assert.deepEqual(
          [...new Set(families)].sort(),
          ['FandolFang', 'FandolHei', 'FandolSong'],
          families.join(', '),
        )
        const page1 = (await pageText(file, 1)).replace(/\s+/g, '')
        assert.match(page1, /六盘水市钟山区人民政府文件/)
        assert.match(page1, /关于做好2026年春季学期开学工作的通知/)
        assert.match(page1, /一、做好校园安全检查。/)
      } finally {
        await rm(dir, { recursive: true, force: true })
      }
    },
  )
})
