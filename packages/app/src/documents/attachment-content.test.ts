import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  checkAttachment,
  checkScannedOriginal,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_NAME_LENGTH,
  sanitiseFileName,
} from './attachment-content.ts'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)),
  )
const PDF = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n')
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR')
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')
/** A ZIP package's first local file header (30 bytes, the name's length at 26), then the name. */
const zip = (entry: string) =>
  bytes(
    [0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    [entry.length, 0, 0, 0],
    entry,
    [0, 0, 0],
  )
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const refused = (file: Parameters<typeof checkAttachment>[0], code: string, maxBytes?: number) =>
  assert.throws(
    () => checkAttachment(file, maxBytes),
    (error: { code?: string; message?: string }) => {
      assert.equal(error.code, code)
      assert.match(error.message ?? '', /[\u4e00-\u9fff]/, 'the message is in Chinese')
      return true
    },
  )

describe('attachment content checks', () => {
  it('accepts each allowed type when declared type, extension and magic bytes agree', () => {
    const cases: [string, string, Uint8Array][] = [
      ['请示.pdf', 'application/pdf', PDF],
      ['方案.docx', DOCX_TYPE, zip('word/document.xml')],
      ['预算表.xlsx', XLSX_TYPE, zip('xl/workbook.xml')],
      ['电子公文.ofd', 'application/ofd', zip('OFD.xml')],
      ['现场.JPG', 'image/jpeg', JPEG],
      ['示意图.png', 'image/png', PNG],
      ['说明.txt', 'text/plain; charset=utf-8', new Uint8Array(Buffer.from('第一条\r\n\t内容'))],
    ]
    for (const [fileName, declaredType, content] of cases) {
      const checked = checkAttachment({ fileName, declaredType, bytes: content })
      assert.equal(checked.name, fileName)
      assert.equal(checked.mediaType, declaredType.split(';')[0])
      assert.equal(checked.sizeBytes, content.length)
    }
  })

  it('reads the extension when the client declares no type, and canonicalises aliases', () => {
    const ofd = checkAttachment({
      fileName: '电子公文.ofd',
      declaredType: 'application/octet-stream',
      bytes: zip('OFD.xml'),
    })
    assert.equal(ofd.mediaType, 'application/ofd')
    assert.equal(
      checkAttachment({ fileName: 'a.jpeg', declaredType: 'image/jpg', bytes: JPEG }).mediaType,
      'image/jpeg',
    )
  })

  it('adds the type’s extension to a name without one', () => {
    assert.equal(
      checkAttachment({ fileName: '会议纪要v1.2', declaredType: 'application/pdf', bytes: PDF })
        .name,
      '会议纪要v1.2.pdf',
    )
    assert.equal(
      checkAttachment({ fileName: '', declaredType: 'image/png', bytes: PNG }).name,
      '附件.png',
    )
  })

  it('refuses a file whose bytes are not what its type says', () => {
    refused(
      { fileName: '请示.pdf', declaredType: 'application/pdf', bytes: PNG },
      'ATTACHMENT_TYPE_MISMATCH',
    )
    refused(
      { fileName: 'x.png', declaredType: 'image/png', bytes: JPEG },
      'ATTACHMENT_TYPE_MISMATCH',
    )
    // A spreadsheet passed off as a Word document: both are ZIP packages, their entries differ.
    refused(
      { fileName: '表.docx', declaredType: DOCX_TYPE, bytes: zip('xl/workbook.xml') },
      'ATTACHMENT_TYPE_MISMATCH',
    )
    refused(
      { fileName: 'a.txt', declaredType: 'text/plain', bytes: PNG },
      'ATTACHMENT_TYPE_MISMATCH',
    )
  })

  it('refuses a name whose extension belongs to another type', () => {
    refused(
      { fileName: '请示.pdf', declaredType: 'image/png', bytes: PNG },
      'ATTACHMENT_TYPE_MISMATCH',
    )
    refused(
      { fileName: '请示.exe', declaredType: 'application/pdf', bytes: PDF },
      'ATTACHMENT_TYPE_MISMATCH',
    )
  })

  it('refuses types not on the list, declared or guessed', () => {
    refused(
      { fileName: 'setup.exe', declaredType: 'application/x-msdownload', bytes: bytes('MZ') },
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    )
    refused(
      { fileName: 'page.html', declaredType: 'text/html', bytes: bytes('<html>') },
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    )
    refused(
      { fileName: 'blob', declaredType: 'application/octet-stream', bytes: PDF },
      'ATTACHMENT_TYPE_NOT_ALLOWED',
    )
  })

  it('refuses an empty file and one over the cap', () => {
    refused(
      { fileName: 'a.pdf', declaredType: 'application/pdf', bytes: new Uint8Array() },
      'ATTACHMENT_EMPTY',
    )
    refused(
      { fileName: 'a.pdf', declaredType: 'application/pdf', bytes: PDF },
      'ATTACHMENT_TOO_LARGE',
      8,
    )
    assert.equal(MAX_ATTACHMENT_BYTES, 20 * 1024 * 1024)
  })
})

describe('file names', () => {
  it('keeps only the last path segment', () => {
    assert.equal(sanitiseFileName('C:\\fakepath\\请示.pdf'), '请示.pdf')
    assert.equal(sanitiseFileName('../../etc/passwd'), 'passwd')
  })

  it('drops control and direction characters and replaces reserved ones', () => {
    assert.equal(sanitiseFileName('报\u0000告\n.pdf'), '报告.pdf')
    assert.equal(sanitiseFileName('报告\u202Efdp.exe'), '报告fdp.exe')
    assert.equal(sanitiseFileName('a:b*c?"d"<e>|f.pdf'), 'a_b_c__d__e__f.pdf')
    assert.equal(sanitiseFileName(' ..隐藏.pdf. '), '隐藏.pdf')
    assert.equal(sanitiseFileName('..'), '附件')
  })

  it('caps the length and keeps the extension', () => {
    const name = sanitiseFileName(`${'长'.repeat(300)}.docx`)
    assert.equal([...name].length, MAX_ATTACHMENT_NAME_LENGTH)
    assert.ok(name.endsWith('长.docx'))
  })

  it('takes an OFD only when OFD.xml is at the package root (GB/T 33190), not in a folder', () => {
    refused(
      { fileName: '电子公文.ofd', declaredType: 'application/ofd', bytes: zip('Doc_0/OFD.xml') },
      'ATTACHMENT_TYPE_MISMATCH',
    )
    refused(
      {
        fileName: '电子公文.ofd',
        declaredType: 'application/ofd',
        bytes: zip('word/document.xml'),
      },
      'ATTACHMENT_TYPE_MISMATCH',
    )
  })

  it("takes a received document's original only as PDF or OFD, in Chinese otherwise", () => {
    for (const [fileName, declaredType, content] of [
      ['来文.pdf', 'application/pdf', PDF],
      ['来文.ofd', 'application/ofd', zip('OFD.xml')],
      ['来文.ofd', '', zip('OFD.xml')],
    ] as const)
      assert.ok(
        ['application/pdf', 'application/ofd'].includes(
          checkScannedOriginal({ fileName, declaredType, bytes: content }).mediaType,
        ),
      )
    const scanRefused = (file: Parameters<typeof checkAttachment>[0], code: string) =>
      assert.throws(
        () => checkScannedOriginal(file),
        (error: { code?: string; message?: string }) => {
          assert.equal(error.code, code)
          assert.match(error.message ?? '', /[\u4e00-\u9fff]/)
          return true
        },
      )
    scanRefused(
      { fileName: '来文.png', declaredType: 'image/png', bytes: PNG },
      'SCAN_TYPE_NOT_ALLOWED',
    )
    scanRefused(
      { fileName: '来文.docx', declaredType: DOCX_TYPE, bytes: zip('word/document.xml') },
      'SCAN_TYPE_NOT_ALLOWED',
    )
    // A program renamed to .pdf: its bytes are not a PDF.
    scanRefused(
      {
        fileName: '来文.pdf',
        declaredType: 'application/pdf',
        bytes: bytes('MZ', [0x90, 0, 3, 0]),
      },
      'ATTACHMENT_TYPE_MISMATCH',
    )
  })
})
