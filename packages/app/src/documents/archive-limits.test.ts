import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { docxPackage, zipPackage, type ZipEntry } from '../test-support/zip-packages.ts'
import {
  ARCHIVE_LIMITS,
  inspectArchive,
  MAX_ARCHIVE_ENTRIES,
  MAX_INFLATE_RATIO,
} from './archive-limits.ts'
import { checkAttachment } from './attachment-content.ts'

const MIB = 1024 * 1024
const GIB = 1024 * MIB
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))

const refusedWith = (code: string, detail?: RegExp) => (error: unknown) => {
  const { code: actual, message } = error as { code?: string; message?: string }
  assert.equal(actual, code, message)
  assert.match(message ?? '', /[\u4e00-\u9fff]/, 'the message is in Chinese')
  if (detail) assert.match(message ?? '', detail)
  return true
}

/** A package of the given type whose first entry marks it as that type, plus the bomb. */
const TYPES: { fileName: string; declaredType: string; first: ZipEntry }[] = [
  {
    fileName: '方案.docx',
    declaredType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    first: { name: 'word/document.xml', content: utf8('<w:document/>') },
  },
  {
    fileName: '预算表.xlsx',
    declaredType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    first: { name: 'xl/workbook.xml', content: utf8('<workbook/>') },
  },
  {
    fileName: '电子公文.ofd',
    declaredType: 'application/ofd',
    first: { name: 'OFD.xml', content: utf8('<ofd:OFD/>') },
  },
]

describe('ZIP packages are inflated as a stream within limits (zip bombs)', () => {
  it('refuses a 1 MB DOCX, XLSX or OFD that inflates to 1 GiB under headers that lie about it, stopping at the ratio', () => {
    for (const { fileName, declaredType, first } of TYPES) {
      const bytes = zipPackage([
        first,
        { name: 'Doc_0/Res/data.xml', zeros: GIB, declaredSize: 4096 },
      ])
      assert.ok(bytes.length < 1.1 * MIB, `the bomb is about 1 MB (${bytes.length})`)
      assert.throws(
        () => checkAttachment({ fileName, declaredType, bytes }),
        // Refused by the count of bytes inflated so far (100 times the file), not after 1 GiB.
        refusedWith('ARCHIVE_TOO_LARGE', new RegExp(`${MAX_INFLATE_RATIO} 倍`)),
      )
    }
  })

  it('refuses a package whose central directory declares 1 GiB without inflating anything', () => {
    const bytes = zipPackage([TYPES[0]!.first, { name: 'word/media/a.bin', zeros: GIB }])
    const started = process.hrtime.bigint()
    assert.throws(() => inspectArchive(bytes), refusedWith('ARCHIVE_TOO_LARGE', /目录声明/))
    // Nothing was inflated: far quicker than inflating the first 100 MB (a generous bound).
    assert.ok(process.hrtime.bigint() - started < 2_000_000_000n)
  })

  it('refuses a bomb stored inside a package (nested): the outer ratio is 1, the inner one 1000', () => {
    const inner = zipPackage([{ name: 'xl/worksheets/sheet1.xml', zeros: GIB, declaredSize: 100 }])
    const outer = docxPackage('正文', [
      { name: 'word/embeddings/Microsoft_Excel_Worksheet.xlsx', content: inner, stored: true },
    ])
    assert.throws(
      () =>
        checkAttachment({
          fileName: '方案.docx',
          declaredType: TYPES[0]!.declaredType,
          bytes: outer,
        }),
      refusedWith('ARCHIVE_TOO_LARGE'),
    )
    // The same inner package deflated once more (outer ratio also low) is caught the same way.
    const deflated = docxPackage('正文', [{ name: 'word/embeddings/a.xlsx', content: inner }])
    assert.throws(() => inspectArchive(deflated), refusedWith('ARCHIVE_TOO_LARGE'))
  })

  it('refuses packages nested deeper than the limit, and accepts them up to it', () => {
    const nest = (levels: number): Uint8Array =>
      levels === 1
        ? docxPackage('最里层')
        : zipPackage([{ name: `level${levels}.zip`, content: nest(levels - 1), stored: true }])
    assert.equal(inspectArchive(nest(ARCHIVE_LIMITS.maxDepth)).depth, ARCHIVE_LIMITS.maxDepth)
    assert.throws(
      () => inspectArchive(nest(ARCHIVE_LIMITS.maxDepth + 1)),
      refusedWith('ARCHIVE_TOO_DEEP'),
    )
  })

  it('caps the entry count, as the central directory declares it and as entries are read', () => {
    const many = (count: number) =>
      zipPackage([
        TYPES[0]!.first,
        ...Array.from({ length: count - 1 }, (_, index) => ({
          name: `word/p${index}.xml`,
          content: new Uint8Array(),
          stored: true,
        })),
      ])
    assert.equal(inspectArchive(many(MAX_ARCHIVE_ENTRIES)).entries, MAX_ARCHIVE_ENTRIES)
    assert.throws(
      () => inspectArchive(many(MAX_ARCHIVE_ENTRIES + 1)),
      refusedWith('ARCHIVE_TOO_MANY_ENTRIES'),
    )
    // Without its central directory (cut off), the entries are counted as they are read.
    const package_ = Buffer.from(
      zipPackage(
        Array.from({ length: 6 }, (_, index) => ({ name: `p${index}.xml`, content: utf8('<p/>') })),
      ),
    )
    const headless = package_.subarray(0, package_.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])))
    assert.ok(headless.length > 0 && headless.length < package_.length)
    assert.throws(
      () => inspectArchive(headless, { ...ARCHIVE_LIMITS, maxEntries: 5 }),
      refusedWith('ARCHIVE_TOO_MANY_ENTRIES'),
    )
  })

  it('caps the inflated total even at a modest ratio, counting every entry', () => {
    const limits = { ...ARCHIVE_LIMITS, maxInflatedBytes: 8 * MIB, maxRatio: Infinity }
    const split = zipPackage([
      { name: 'a.xml', zeros: 5 * MIB, declaredSize: 10 },
      { name: 'b.xml', zeros: 5 * MIB, declaredSize: 10 },
    ])
    assert.throws(() => inspectArchive(split, limits), refusedWith('ARCHIVE_TOO_LARGE', /8 MB/))
    assert.equal(
      inspectArchive(split, { ...limits, maxInflatedBytes: 10 * MIB }).inflatedBytes,
      10 * MIB,
    )
  })

  it('lets a small, highly compressible package through below the ratio grace', () => {
    const sparse = zipPackage([
      TYPES[1]!.first,
      { name: 'xl/worksheets/sheet1.xml', zeros: 4 * MIB },
    ])
    assert.ok((4 * MIB) / sparse.length > MAX_INFLATE_RATIO, 'the ratio alone is over the limit')
    assert.equal(inspectArchive(sparse).inflatedBytes, 4 * MIB + '<workbook/>'.length)
  })

  it('accepts a normal DOCX, one with an embedded workbook, and bytes that are not a ZIP', () => {
    const docx = docxPackage('关于做好2026年春节期间值班工作的通知'.repeat(200))
    const checked = checkAttachment({
      fileName: '通知.docx',
      declaredType: TYPES[0]!.declaredType,
      bytes: docx,
    })
    assert.equal(checked.sizeBytes, docx.length)
    const workbook = zipPackage([{ name: 'xl/workbook.xml', content: utf8('<workbook/>') }])
    const embedded = docxPackage('见附表', [{ name: 'word/embeddings/表.xlsx', content: workbook }])
    assert.deepEqual(
      { entries: inspectArchive(embedded).entries, depth: inspectArchive(embedded).depth },
      { entries: 4, depth: 2 },
    )
    assert.deepEqual(inspectArchive(utf8('%PDF-1.7')), { inflatedBytes: 0, entries: 0, depth: 0 })
  })

  it('stops counting where a package breaks (what cannot be inflated cannot inflate)', () => {
    const docx = docxPackage('正文')
    const truncated = docx.subarray(0, 60)
    assert.ok(inspectArchive(truncated).inflatedBytes <= 305)
    const corrupt = Uint8Array.from(docx)
    corrupt.fill(0xff, 80, 120)
    assert.doesNotThrow(() => inspectArchive(corrupt))
  })
})
