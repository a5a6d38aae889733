// What an attachment (附件) may be: the accepted file types, the size cap, and the checks a file
// passes before it is stored. Pure: bytes and names in, a verdict out; no I/O, no clock.
import { InvalidInputError } from '../errors.ts'
import { inspectArchive } from './archive-limits.ts'

/**
 * The largest attachment accepted: 20 MB. A scanned multi-page 公文 attachment (PDF at 300 dpi)
 * fits comfortably; bigger files belong on a file share, not in the document record. The file is
 * stored in the database and held in memory whole while it is uploaded or downloaded, so the cap
 * also bounds the memory one request can take.
 */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

/** The longest file name kept, in characters (the extension is kept when a name is shortened). */
export const MAX_ATTACHMENT_NAME_LENGTH = 120

export interface AttachmentType {
  /** The media type stored and answered on download. */
  mediaType: string
  label: string
  /** Lower-case, with the dot; the first is added to a name that has none. */
  extensions: readonly string[]
  /** Whether the bytes are of this type (magic numbers; for text, the absence of binary bytes). */
  matches: (bytes: Uint8Array) => boolean
  /** A ZIP package: inflated as a stream within the limits of `archive-limits.ts` (zip bombs). */
  zipPackage?: true
}

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte)

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0))

/** Whether the bytes contain an ASCII string (a ZIP stores its entry names uncompressed). */
function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = ascii(text)
  const first = needle[0]
  const last = bytes.length - needle.length
  for (let start = bytes.indexOf(first as number); start !== -1 && start <= last;) {
    if (needle.every((byte, offset) => bytes[start + offset] === byte)) return true
    start = bytes.indexOf(first as number, start + 1)
  }
  return false
}

const ZIP = [0x50, 0x4b, 0x03, 0x04] // PK\x03\x04: DOCX, XLSX and OFD are ZIP packages
const zipWith = (entry: string) => (bytes: Uint8Array) =>
  startsWith(bytes, ZIP) && containsAscii(bytes, entry)

const u16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)

/**
 * Whether a ZIP package has an entry of exactly this name at its root: a local file header
 * (PK\x03\x04, name at 30, its length at 26) or a central directory record (PK\x01\x02, name at
 * 46, its length at 28) names it — not merely a file of that name in a folder.
 */
function zipHasRootEntry(bytes: Uint8Array, entry: string): boolean {
  if (!startsWith(bytes, ZIP)) return false
  const name = ascii(entry)
  const named = (header: number, nameAt: number, lengthAt: number, signature: number[]) =>
    header >= 0 &&
    signature.every((byte, offset) => bytes[header + offset] === byte) &&
    u16(bytes, header + lengthAt) === name.length &&
    name.every((byte, offset) => bytes[header + nameAt + offset] === byte)
  for (
    let at = bytes.indexOf(name[0] as number);
    at !== -1;
    at = bytes.indexOf(name[0] as number, at + 1)
  )
    if (
      named(at - 30, 30, 26, [0x50, 0x4b, 0x03, 0x04]) ||
      named(at - 46, 46, 28, [0x50, 0x4b, 0x01, 0x02])
    )
      return true
  return false
}

/**
 * Plain text: no control bytes but tab, line feed, form feed and carriage return. Holds for UTF-8
 * and for GB 18030 (whose multi-byte sequences use bytes of 0x81 and above), the two encodings
 * a 公文 text file comes in.
 */
function isPlainText(bytes: Uint8Array): boolean {
  for (const byte of bytes)
    if ((byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte)) || byte === 0x7f) return false
  return true
}

export const ATTACHMENT_TYPES: readonly AttachmentType[] = [
  {
    mediaType: 'application/pdf',
    label: 'PDF',
    extensions: ['.pdf'],
    matches: (bytes) => startsWith(bytes, ascii('%PDF-')),
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档（DOCX）',
    extensions: ['.docx'],
    matches: zipWith('word/'),
    zipPackage: true,
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel 表格（XLSX）',
    extensions: ['.xlsx'],
    matches: zipWith('xl/'),
    zipPackage: true,
  },
  {
    // GB/T 33190-2016 版式文档: a ZIP package whose entry file is OFD.xml.
    mediaType: 'application/ofd',
    label: 'OFD 版式文档',
    extensions: ['.ofd'],
    matches: (bytes) => zipHasRootEntry(bytes, 'OFD.xml'),
    zipPackage: true,
  },
  {
    mediaType: 'image/jpeg',
    label: 'JPEG 图片',
    extensions: ['.jpg', '.jpeg'],
    matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]),
  },
  {
    mediaType: 'image/png',
    label: 'PNG 图片',
    extensions: ['.png'],
    matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    mediaType: 'text/plain',
    label: '纯文本',
    extensions: ['.txt'],
    matches: isPlainText,
  },
]

/** Other names clients use for the accepted types. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'application/vnd.ofd': 'application/ofd',
}

/** Types a client declares when it does not know: the file name's extension decides then. */
const UNDECLARED = new Set(['', 'application/octet-stream', 'binary/octet-stream'])

export const ACCEPTED_ATTACHMENTS = ATTACHMENT_TYPES.map((type) => type.label).join('、')

/** The extension of a name as the type check reads it (letters only, so "v1.2" has none). */
function extensionOf(name: string): string | null {
  const match = /\.([a-z]{1,5})$/i.exec(name)
  return match ? `.${(match[1] as string).toLowerCase()}` : null
}

// Control characters (C0, DEL, C1) and the bidirectional overrides that can disguise an
// extension ("报告\u202Efdp.exe" displays as "报告exe.pdf").
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
// Separators and characters Windows refuses in file names.
const RESERVED_CHARACTERS = /[/\\:*?"<>|]/g

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment
 * only (some browsers send "C:\\fakepath\\…"), no control or direction characters, no
 * characters Windows refuses, no leading or trailing dots or spaces, at most
 * {@link MAX_ATTACHMENT_NAME_LENGTH} characters with the extension kept. Empty → "附件".
 */
export function sanitiseFileName(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[/\\]/).at(-1) ?? ''
  let name = lastSegment
    .replace(UNSAFE_CHARACTERS, '')
    .replace(RESERVED_CHARACTERS, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const characters = [...name]
  if (characters.length > MAX_ATTACHMENT_NAME_LENGTH) {
    const extension = extensionOf(name) ?? ''
    name = characters.slice(0, MAX_ATTACHMENT_NAME_LENGTH - extension.length).join('') + extension
  }
  return name || '附件'
}

export interface CheckedAttachment {
  name: string
  mediaType: string
  sizeBytes: number
}

/**
 * Accepts a file or refuses it with a code and a Chinese message saying what is wrong. The
 * declared type (or, when the client declared none, the name's extension) must be an accepted
 * type, the name's extension must belong to it, and the bytes must be what the type says; a ZIP
 * package (DOCX, XLSX, OFD) must stay within the inflation limits (`ARCHIVE_TOO_LARGE`…).
 */
export function checkAttachment(
  file: { fileName: string; declaredType: string; bytes: Uint8Array },
  maxBytes: number = MAX_ATTACHMENT_BYTES,
): CheckedAttachment {
  const { bytes } = file
  if (bytes.length === 0) throw new InvalidInputError('ATTACHMENT_EMPTY', '上传的文件是空的')
  if (bytes.length > maxBytes)
    throw new InvalidInputError(
      'ATTACHMENT_TOO_LARGE',
      `附件不能超过 ${formatBytes(maxBytes)}（此文件 ${formatBytes(bytes.length)}）`,
    )
  let name = sanitiseFileName(file.fileName)
  const extension = extensionOf(name)
  const declared = file.declaredType.split(';')[0]?.trim().toLowerCase() ?? ''
  const mediaType = ALIASES[declared] ?? declared
  const type = UNDECLARED.has(mediaType)
    ? ATTACHMENT_TYPES.find((candidate) => extension && candidate.extensions.includes(extension))
    : ATTACHMENT_TYPES.find((candidate) => candidate.mediaType === mediaType)
  if (!type)
    throw new InvalidInputError(
      'ATTACHMENT_TYPE_NOT_ALLOWED',
      `不接受此类文件（${UNDECLARED.has(mediaType) ? (extension ?? '未知类型') : declared}）；附件可以是：${ACCEPTED_ATTACHMENTS}`,
    )
  if (extension && !type.extensions.includes(extension))
    throw new InvalidInputError(
      'ATTACHMENT_TYPE_MISMATCH',
      `文件名的扩展名"${extension}"与文件类型（${type.label}）不符`,
    )
  if (!type.matches(bytes))
    throw new InvalidInputError(
      'ATTACHMENT_TYPE_MISMATCH',
      `文件内容不是${type.label}：文件类型与内容不符，可能是改了扩展名或文件已损坏`,
    )
  if (type.zipPackage) inspectArchive(bytes)
  if (!extension) name = sanitiseFileName(name + type.extensions[0])
  return { name, mediaType: type.mediaType, sizeBytes: bytes.length }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`
  return `${bytes} 字节`
}

/** The types a scanned or electronic original of a received document (来文) comes in. */
export const SCANNED_ORIGINAL_TYPES: readonly string[] = ['application/pdf', 'application/ofd']

/**
 * A received document's original (扫描件 or 电子公文): checked as any attachment, then refused
 * unless it is PDF or OFD — the layout formats an original keeps its 版式 in.
 */
export function checkScannedOriginal(
  file: { fileName: string; declaredType: string; bytes: Uint8Array },
  maxBytes: number = MAX_ATTACHMENT_BYTES,
): CheckedAttachment {
  const checked = checkAttachment(file, maxBytes)
  if (!SCANNED_ORIGINAL_TYPES.includes(checked.mediaType))
    throw new InvalidInputError(
      'SCAN_TYPE_NOT_ALLOWED',
      `来文原件只接受 PDF 或 OFD 版式文件（"${checked.name}"是${ATTACHMENT_TYPES.find((type) => type.mediaType === checked.mediaType)?.label ?? checked.mediaType}）`,
    )
  return checked
}
