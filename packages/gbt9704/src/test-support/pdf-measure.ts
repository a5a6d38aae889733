// Measuring a PDF with poppler-utils (pdfinfo, pdftotext, pdftoppm): page sizes, text lines with
// their boxes, and where red ink is on a page. Lengths in millimetres from the page's top left.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'

const exec = promisify(execFile)
const PT_TO_MM = 25.4 / 72

/** The Debian package that provides pdfinfo, pdftotext and pdftoppm. */
export const POPPLER_DEBIAN_PACKAGE = 'poppler-utils'

/** Whether a command can be run (it's on the PATH). */
export const hasCommand = async (command: string): Promise<boolean> => {
  try {
    await exec('sh', ['-c', `command -v ${command}`])
    return true
  } catch {
    return false
  }
}

/** One font of a PDF as `pdffonts` lists it. */
export interface PdfFont {
  /** The font's name without the subset tag, e.g. 'FandolFang-Regular'. */
  name: string
  embedded: boolean
}

/** The fonts a PDF uses (`pdffonts`), one entry per name. */
export const pdfFonts = async (pdf: string): Promise<PdfFont[]> => {
  const { stdout } = await exec('pdffonts', [pdf])
  const fonts = new Map<string, PdfFont>()
  for (const line of stdout.split('\n').slice(2)) {
    const columns = line.trim().split(/\s+/)
    const name = (columns[0] ?? '').replace(/^[A-Z]{6}\+/, '')
    if (!name) continue
    // name type [type…] encoding emb sub uni id gen: emb is the fifth column from the end.
    fonts.set(name, { name, embedded: columns.at(-5) === 'yes' })
  }
  return [...fonts.values()]
}

/** The text of one page (1-based), in reading order (`pdftotext -layout`). */
export const pageText = async (pdf: string, page: number): Promise<string> => {
  const { stdout } = await exec('pdftotext', [
    '-f',
    String(page),
    '-l',
    String(page),
    '-layout',
    pdf,
    '-',
  ])
  return stdout
}

export interface PageSize {
  widthMm: number
  heightMm: number
}

export const pageSizes = async (pdf: string): Promise<PageSize[]> => {
  const { stdout: info } = await exec('pdfinfo', [pdf])
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0)
  const { stdout } = await exec('pdfinfo', ['-f', '1', '-l', String(pages), pdf])
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    widthMm: Number(m[1]) * PT_TO_MM,
    heightMm: Number(m[2]) * PT_TO_MM,
  }))
}

export interface TextLine {
  text: string
  /** Box of the line's glyph cells (font ascent to descent), mm from the page's top left. */
  xMin: number
  xMax: number
  yMin: number
  yMax: number
  /** The words pdftotext found, left to right (a run of 汉字 is one word). */
  words: { text: string; xMin: number; xMax: number }[]
}

const attr = (tag: string, name: string): number =>
  Number(new RegExp(`${name}="([-\\d.]+)"`).exec(tag)?.[1] ?? NaN) * PT_TO_MM

/** Lines of text on one page (1-based), from `pdftotext -bbox-layout`, top to bottom. */
export const textLines = async (pdf: string, page: number): Promise<TextLine[]> => {
  const { stdout } = await exec(
    'pdftotext',
    ['-f', String(page), '-l', String(page), '-bbox-layout', pdf, '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  )
  const lines: TextLine[] = []
  for (const match of stdout.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
    const tag = match[1] ?? ''
    const words = [...(match[2] ?? '').matchAll(/<word ([^>]*)>([^<]*)<\/word>/g)]
    const boxes = words.map((w) => ({
      text: w[2] ?? '',
      xMin: attr(w[1] ?? '', 'xMin'),
      xMax: attr(w[1] ?? '', 'xMax'),
    }))
    lines.push({
      text: boxes.map((c) => c.text).join(''),
      xMin: attr(tag, 'xMin'),
      xMax: attr(tag, 'xMax'),
      yMin: attr(tag, 'yMin'),
      yMax: attr(tag, 'yMax'),
      words: boxes,
    })
  }
  return lines.sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
}

/** A page rasterised to RGB, for finding coloured ink. */
export interface Raster {
  width: number
  height: number
  /** Pixels per millimetre. */
  scale: number
  rgb: Uint8Array
}

/** Renders one page with pdftoppm as a PPM (P6) image and reads it. */
export const rasterise = async (
  pdf: string,
  page: number,
  dpi: number,
  tmpDir: string,
): Promise<Raster> => {
  const prefix = join(tmpDir, `page-${page}`)
  await exec('pdftoppm', [
    '-f',
    String(page),
    '-l',
    String(page),
    '-r',
    String(dpi),
    '-singlefile',
    pdf,
    prefix,
  ])
  const data = await readFile(`${prefix}.ppm`)
  // Header: "P6\n<width> <height>\n<max>\n", then the pixels.
  let offset = 0
  const fields: string[] = []
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[offset] ?? 32))) offset++
    let field = ''
    while (!/\s/.test(String.fromCharCode(data[offset] ?? 32))) {
      field += String.fromCharCode(data[offset] ?? 32)
      offset++
    }
    fields.push(field)
  }
  offset++
  if (fields[0] !== 'P6') throw new Error(`not a PPM: ${fields[0]}`)
  return {
    width: Number(fields[1]),
    height: Number(fields[2]),
    scale: dpi / 25.4,
    rgb: new Uint8Array(data.buffer, data.byteOffset + offset),
  }
}

export interface InkRow {
  /** Row's top, mm from the page's top. */
  y: number
  /** Leftmost and rightmost ink in the row, mm. */
  xMin: number
  xMax: number
  /** Number of inked pixels. */
  count: number
}

/** Rows of a raster that hold pixels of the given kind, top to bottom. */
export const inkRows = (
  raster: Raster,
  isInk: (r: number, g: number, b: number) => boolean,
): InkRow[] => {
  const rows: InkRow[] = []
  for (let y = 0; y < raster.height; y++) {
    let min = -1
    let max = -1
    let count = 0
    for (let x = 0; x < raster.width; x++) {
      const i = (y * raster.width + x) * 3
      if (isInk(raster.rgb[i] ?? 255, raster.rgb[i + 1] ?? 255, raster.rgb[i + 2] ?? 255)) {
        if (min < 0) min = x
        max = x
        count++
      }
    }
    if (count > 0) {
      rows.push({
        y: y / raster.scale,
        xMin: min / raster.scale,
        xMax: (max + 1) / raster.scale,
        count,
      })
    }
  }
  return rows
}

export const isRed = (r: number, g: number, b: number): boolean => r > 180 && g < 90 && b < 90

export const isDark = (r: number, g: number, b: number): boolean => r < 110 && g < 110 && b < 110
