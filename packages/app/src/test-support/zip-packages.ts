// ZIP packages built byte by byte for tests of the inflation limits: honest or lying sizes,
// stored or deflated entries, and bombs of any inflated size that stay small in memory (one
// DEFLATE block of zeros, ended by a sync flush so it is byte-aligned, repeated).
import { constants, crc32, deflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  /** The entry's content, deflated (or stored when `stored`). */
  content?: Uint8Array
  /** Instead of content: this many zero bytes, deflated (a multiple of 1 MiB). */
  zeros?: number
  stored?: boolean
  /** The uncompressed size written in the headers; the true size unless set (a lie). */
  declaredSize?: number
}

const MIB = 1024 * 1024
let zeroBlock: Buffer | undefined
/** 1 MiB of zeros as one non-final DEFLATE block, byte-aligned by a sync flush (~1 KB). */
const zerosBlock = () =>
  (zeroBlock ??= deflateRawSync(Buffer.alloc(MIB), {
    level: 9,
    finishFlush: constants.Z_SYNC_FLUSH,
  }))
/** An empty final block with fixed codes: BFINAL=1, BTYPE=01, end of block. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00])

function entryData(entry: ZipEntry): { data: Buffer; size: number; crc: number } {
  if (entry.zeros !== undefined) {
    const blocks = entry.zeros / MIB
    if (!Number.isInteger(blocks)) throw new Error('zeros must be a multiple of 1 MiB')
    const zero = Buffer.alloc(MIB)
    let crc = 0
    for (let index = 0; index < blocks; index += 1) crc = crc32(zero, crc)
    const data = Buffer.concat([...Array.from({ length: blocks }, zerosBlock), FINAL_BLOCK])
    return { data, size: entry.zeros, crc }
  }
  const content = Buffer.from(entry.content ?? new Uint8Array())
  return {
    data: entry.stored ? content : deflateRawSync(content),
    size: content.length,
    crc: crc32(content),
  }
}

/** A ZIP package of the entries: local headers, data, central directory, end record. */
export function zipPackage(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const { data, size, crc } = entryData(entry)
    const name = Buffer.from(entry.name, 'utf8')
    const method = entry.stored && entry.zeros === undefined ? 0 : 8
    const declared = entry.declaredSize ?? size
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // names in UTF-8
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(0x21, 12) // 1980-01-01
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(declared, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(0x21, 14)
    central.writeUInt32LE(crc >>> 0, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(declared, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    centrals.push(central, name)
    offset += local.length + name.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, directory, end]))
}

/** The smallest DOCX the attachment checks accept, with a body of the given text. */
export function docxPackage(text = '正文', extra: readonly ZipEntry[] = []): Uint8Array {
  const utf8 = (value: string) => new Uint8Array(Buffer.from(value, 'utf8'))
  return zipPackage([
    {
      name: '[Content_Types].xml',
      content: utf8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
    },
    {
      name: 'word/document.xml',
      content: utf8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
      ),
    },
    ...extra,
  ])
}
