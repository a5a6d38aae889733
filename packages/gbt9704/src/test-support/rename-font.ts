// For tests: an OpenType font under another family name, standing in for a licensed font (such as
// 仿宋_GB2312) a deployment drops into its fonts folder. Only the 'name' table is replaced (appended
// at the end, the table directory pointed at it); glyphs and the other tables stay as they are.

const utf16be = (text: string): Uint8Array => {
  const out = new Uint8Array(text.length * 2)
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8
    out[2 * i + 1] = text.charCodeAt(i) & 0xff
  }
  return out
}

/** A 'name' table (format 0) with Windows Unicode records: family, style, full and PostScript names. */
const nameTable = (family: { en: string; zh?: string }, postScript: string): Uint8Array => {
  const records: { language: number; id: number; text: string }[] = [
    { language: 0x409, id: 1, text: family.en },
    { language: 0x409, id: 2, text: 'Regular' },
    { language: 0x409, id: 4, text: family.en },
    { language: 0x409, id: 6, text: postScript },
    ...(family.zh === undefined
      ? []
      : [
          { language: 0x804, id: 1, text: family.zh },
          { language: 0x804, id: 4, text: family.zh },
        ]),
  ].sort((a, b) => a.language - b.language || a.id - b.id)
  const strings = records.map((record) => utf16be(record.text))
  const header = 6 + 12 * records.length
  const size = header + strings.reduce((sum, bytes) => sum + bytes.length, 0)
  const table = new Uint8Array(size)
  const view = new DataView(table.buffer)
  view.setUint16(0, 0)
  view.setUint16(2, records.length)
  view.setUint16(4, header)
  let offset = 0
  records.forEach((record, i) => {
    const at = 6 + 12 * i
    const bytes = strings[i] ?? new Uint8Array()
    view.setUint16(at, 3) // Windows
    view.setUint16(at + 2, 1) // Unicode BMP
    view.setUint16(at + 4, record.language)
    view.setUint16(at + 6, record.id)
    view.setUint16(at + 8, bytes.length)
    view.setUint16(at + 10, offset)
    table.set(bytes, header + offset)
    offset += bytes.length
  })
  return table
}

/** The font file (a single OpenType/TrueType font, not a collection) with new names. */
export const renameFont = (
  font: Uint8Array,
  family: { en: string; zh?: string },
  postScript: string,
): Uint8Array => {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const tables = view.getUint16(4)
  const table = nameTable(family, postScript)
  const start = Math.ceil(font.length / 4) * 4
  const out = new Uint8Array(start + Math.ceil(table.length / 4) * 4)
  out.set(font)
  out.set(table, start)
  const outView = new DataView(out.buffer)
  for (let i = 0; i < tables; i++) {
    const entry = 12 + 16 * i
    const tag = String.fromCharCode(...font.subarray(entry, entry + 4))
    if (tag !== 'name') continue
    outView.setUint32(entry + 8, start)
    outView.setUint32(entry + 12, table.length)
    return out
  }
  throw new Error('the font has no name table')
}
