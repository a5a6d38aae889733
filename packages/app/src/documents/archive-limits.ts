// How far a ZIP package (DOCX, XLSX, OFD) may inflate before it is refused as a "zip bomb". Pure:
// the uploaded bytes are fed to a streaming inflater in small slices and the inflated bytes are
// counted and dropped, so the check stops at the limit instead of inflating everything first.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate'
import { InvalidInputError } from '../errors.ts'

/**
 * The most a package may inflate to, all entries (and packages inside it) together: 256 MiB. A
 * 20 MB XLSX of plain data inflates to about ten times its size; a package far beyond that is
 * not an office file a county files as an attachment.
 */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024

/**
 * The most a package may inflate relative to its own size (inflated ÷ uploaded). Office XML
 * compresses 5–20 times; a run of zeros, 1000 times. Applied once more than
 * {@link INFLATE_RATIO_GRACE_BYTES} have inflated, so a small file of repetitive XML passes.
 */
export const MAX_INFLATE_RATIO = 100

/** Inflated bytes below which the ratio is not applied (a tiny, highly compressible package). */
export const INFLATE_RATIO_GRACE_BYTES = 8 * 1024 * 1024

/** The most entries a package may hold (a DOCX has tens, a long OFD some thousands). */
export const MAX_ARCHIVE_ENTRIES = 10_000

/** How deep packages may sit inside packages (a workbook embedded in a DOCX is one level). */
export const MAX_ARCHIVE_DEPTH = 3

/**
 * The slice of input pushed to an inflater at a time. DEFLATE expands at most about 1032 times,
 * so one slice inflates to at most ~1 MiB before the count is looked at again.
 */
const SLICE_BYTES = 1024

export interface ArchiveLimits {
  maxInflatedBytes: number
  maxRatio: number
  ratioGraceBytes: number
  maxEntries: number
  maxDepth: number
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxInflatedBytes: MAX_INFLATED_BYTES,
  maxRatio: MAX_INFLATE_RATIO,
  ratioGraceBytes: INFLATE_RATIO_GRACE_BYTES,
  maxEntries: MAX_ARCHIVE_ENTRIES,
  maxDepth: MAX_ARCHIVE_DEPTH,
}

/** What the inspection saw (for tests and messages): bytes inflated, entries, deepest nesting. */
export interface ArchiveInspection {
  inflatedBytes: number
  entries: number
  depth: number
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const isZip = (bytes: Uint8Array) => ZIP_MAGIC.every((byte, index) => bytes[index] === byte)

/** Thrown inside the inflaters' callbacks to stop at once; turned into the refusal outside. */
class LimitReached extends Error {
  readonly refusal: InvalidInputError
  constructor(refusal: InvalidInputError) {
    super(refusal.message)
    this.refusal = refusal
  }
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/**
 * Inflates a ZIP package as a stream, counting and dropping what comes out, and refuses it
 * (`ARCHIVE_TOO_LARGE`, `ARCHIVE_TOO_MANY_ENTRIES`, `ARCHIVE_TOO_DEEP`) as soon as it inflates
 * past {@link MAX_INFLATED_BYTES}, past {@link MAX_INFLATE_RATIO} times its size, holds more than
 * {@link MAX_ARCHIVE_ENTRIES} entries (counted as read and as the central directory declares
 * them), or nests packages deeper than {@link MAX_ARCHIVE_DEPTH}. An entry that is itself a ZIP is
 * inflated in turn and counted too, so a bomb stored inside a package is caught. The sizes the
 * central directory declares are added up without inflating anything, which catches entries that
 * overlap (one compressed run read by many entries). A package the inflater cannot read further
 * (truncated, corrupt) stops being counted where it breaks: what cannot be inflated cannot
 * inflate. Bytes that are not a ZIP are not inspected.
 */
export function inspectArchive(
  bytes: Uint8Array,
  limits: ArchiveLimits = ARCHIVE_LIMITS,
): ArchiveInspection {
  const seen: ArchiveInspection = { inflatedBytes: 0, entries: 0, depth: 0 }
  if (!isZip(bytes)) return seen
  const tooLarge = (what: string) =>
    new LimitReached(
      new InvalidInputError(
        'ARCHIVE_TOO_LARGE',
        `文件解压后过大（${what}），可能是"压缩炸弹"，已拒绝；请检查文件后重新上传`,
      ),
    )
  const countEntries = (entries: number) => {
    if (entries > limits.maxEntries)
      throw new LimitReached(
        new InvalidInputError(
          'ARCHIVE_TOO_MANY_ENTRIES',
          `文件内含的条目过多（超过 ${limits.maxEntries} 个），已拒绝`,
        ),
      )
  }
  const countInflated = (length: number) => {
    seen.inflatedBytes += length
    if (seen.inflatedBytes > limits.maxInflatedBytes)
      throw tooLarge(`超过 ${mib(limits.maxInflatedBytes)}`)
    if (
      seen.inflatedBytes > limits.ratioGraceBytes &&
      seen.inflatedBytes > limits.maxRatio * bytes.length
    )
      throw tooLarge(`超过文件本身的 ${limits.maxRatio} 倍`)
  }

  /** A streaming reader of one package at a depth; `push` takes its bytes slice by slice. */
  const reader = (depth: number) => {
    seen.depth = Math.max(seen.depth, depth)
    if (depth > limits.maxDepth)
      throw new LimitReached(
        new InvalidInputError(
          'ARCHIVE_TOO_DEEP',
          `文件内压缩包嵌套过深（超过 ${limits.maxDepth} 层），已拒绝`,
        ),
      )
    let broken = false
    const unzip = new Unzip((file: UnzipFile) => {
      seen.entries += 1
      countEntries(seen.entries)
      let inner: ((chunk: Uint8Array, final: boolean) => void) | undefined
      let head = true
      file.ondata = (error, data, final) => {
        // fflate hands a throw from this callback back to it as an error: stop at the limit
        // then; any other error is a broken entry, which inflates no further.
        if (error) {
          if (error instanceof LimitReached) throw error
          return
        }
        countInflated(data.length)
        if (head && data.length > 0) {
          head = false
          if (isZip(data)) inner = reader(depth + 1)
        }
        inner?.(data, final)
      }
      try {
        file.start()
      } catch (error) {
        if (error instanceof LimitReached) throw error
        // A compression method other than stored or DEFLATE: nobody here inflates it.
      }
    })
    unzip.register(UnzipInflate)
    const push = (slice: Uint8Array, final: boolean) => {
      try {
        unzip.push(slice, final)
      } catch (error) {
        if (error instanceof LimitReached) throw error
        broken = true // the package is corrupt from here: stop reading it
      }
    }
    return (chunk: Uint8Array, final: boolean) => {
      if (chunk.length === 0 && final && !broken) push(chunk, true)
      for (let at = 0; at < chunk.length && !broken; at += SLICE_BYTES) {
        const end = Math.min(at + SLICE_BYTES, chunk.length)
        push(chunk.subarray(at, end), final && end === chunk.length)
      }
    }
  }

  try {
    const declared = centralDirectory(bytes)
    if (declared) {
      countEntries(declared.entries)
      if (declared.inflatedBytes > limits.maxInflatedBytes)
        throw tooLarge(`目录声明 ${mib(declared.inflatedBytes)}`)
    }
    reader(1)(bytes, true)
  } catch (error) {
    if (error instanceof LimitReached) throw error.refusal
    throw error
  }
  return seen
}

const u16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8)
const u32 = (bytes: Uint8Array, at: number) => u16(bytes, at) + u16(bytes, at + 2) * 0x10000

/**
 * The entry count and the sum of the uncompressed sizes the central directory declares, read
 * from the end-of-central-directory record (searched in the last 64 KiB + 22 bytes); undefined
 * when there is none. ZIP64 fields (0xFFFFFFFF) count as the limit themselves.
 */
function centralDirectory(
  bytes: Uint8Array,
): { entries: number; inflatedBytes: number } | undefined {
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 22 - 0xffff); end -= 1) {
    if (u32(bytes, end) !== 0x06054b50) continue
    const entries = u16(bytes, end + 10)
    const offset = u32(bytes, end + 16)
    let inflatedBytes = 0
    let at = offset
    for (let index = 0; index < entries && at + 46 <= bytes.length; index += 1) {
      if (u32(bytes, at) !== 0x02014b50) break
      inflatedBytes += u32(bytes, at + 24)
      at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32)
    }
    return { entries: entries === 0xffff ? Number.MAX_SAFE_INTEGER : entries, inflatedBytes }
  }
  return undefined
}
