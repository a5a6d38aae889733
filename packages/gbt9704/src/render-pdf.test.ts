// Rendering test: LibreOffice lays the DOCX out and poppler measures the PDF. One conversion for the
// whole file (LibreOffice takes seconds to start). Fails, not skips, without soffice or poppler:
// CI installs them (Debian packages named in the messages).
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { SOFFICE_DEBIAN_PACKAGE, convertDocxToPdf } from './convert.ts'
import { renderGongwenDocx } from './render.ts'
import {
  POPPLER_DEBIAN_PACKAGE,
  hasCommand,
  inkRows,
  isDark,
  isRed,
  pageSizes,
  rasterise,
  textLines,
} from './test-support/pdf-measure.ts'
import type { InkRow, PageSize, TextLine } from './test-support/pdf-measure.ts'
import { downward } from './test-support/samples.ts'

const TOP = 37 // 天头, mm
const LEFT = 28 // 订口, mm
const WIDTH = 156 // 版心, mm
const HEIGHT = 225
const BOTTOM = TOP + HEIGHT // 262 mm: the 版心's lower edge
const PITCH = HEIGHT / 22 // 10.23 mm at most; the grid's 579 twips are 10.21 mm

const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual.toFixed(2)} mm, expected ${expected} ± ${tolerance} mm`,
  )

/** Rows of ink grouped into bands (contiguous rows, gaps under 0.3 mm). */
const bands = (rows: InkRow[]) => {
  const out: { top: number; bottom: number; xMin: number; xMax: number; rows: InkRow[] }[] = []
  for (const row of rows) {
    const last = out.at(-1)
    if (last !== undefined && row.y - last.bottom < 0.3) {
      last.bottom = row.y
      last.xMin = Math.min(last.xMin, row.xMin)
      last.xMax = Math.max(last.xMax, row.xMax)
      last.rows.push(row)
    } else out.push({ top: row.y, bottom: row.y, xMin: row.xMin, xMax: row.xMax, rows: [row] })
  }
  return out
}

/** Lines of 3 号 body text inside the 版心 (page numbers and 版记 fall outside or are 4 号). */
const bodyLines = (lines: TextLine[]) =>
  lines.filter((l) => l.yMin >= TOP - 3 && l.yMax <= BOTTOM + 1 && l.yMax - l.yMin > 6.5)

describe('rendered by LibreOffice, measured with poppler', () => {
  let dir = ''
  let pdf = ''
  let sizes: PageSize[] = []
  let page1: TextLine[] = []
  let page2: TextLine[] = []
  let pixelsPerMm = 0
  let red: ReturnType<typeof bands> = []
  let dark: ReturnType<typeof bands> = []

  // Each test fails with this message when a tool is missing (a failure, not a skip: CI has them).
  let missing: string | undefined
  const ready = () => {
    if (missing !== undefined) assert.fail(missing)
  }

  before(async () => {
    if (!(await hasCommand('soffice'))) {
      missing = `soffice (LibreOffice) is not installed: apt-get install ${SOFFICE_DEBIAN_PACKAGE} (CI installs it)`
      return
    }
    for (const tool of ['pdfinfo', 'pdftotext', 'pdftoppm']) {
      if (!(await hasCommand(tool))) {
        missing = `${tool} is not installed: apt-get install ${POPPLER_DEBIAN_PACKAGE} (CI installs it)`
        return
      }
    }
    dir = await mkdtemp(join(tmpdir(), 'gbt9704-test-'))
    const docx = await renderGongwenDocx(downward)
    pdf = join(dir, 'downward.pdf')
    await writeFile(pdf, await convertDocxToPdf(docx, { tmpDir: dir }))
    sizes = await pageSizes(pdf)
    page1 = await textLines(pdf, 1)
    page2 = await textLines(pdf, 2)
    const raster = await rasterise(pdf, 1, 300, dir)
    pixelsPerMm = raster.scale
    red = bands(inkRows(raster, isRed))
    dark = bands(inkRows(raster, isDark))
  })

  after(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true })
  })

  it('prints A4 pages (5.1)', (t) => {
    ready()
    assert.equal(sizes.length, 3)
    for (const size of sizes) {
      near(size.widthMm, 210, 0.5, 'page width')
      near(size.heightMm, 297, 0.5, 'page height')
    }
    t.diagnostic(
      `pages: ${sizes.length}, ${sizes[0]?.widthMm.toFixed(1)} × ${sizes[0]?.heightMm.toFixed(1)} mm`,
    )
  })

  it('fills a full page with 22 lines of 28 characters across the 156 mm 版心 (5.2.1, 5.2.3)', (t) => {
    ready()
    const lines = bodyLines(page2)
    assert.equal(lines.length, 22, `lines on page 2: ${lines.map((l) => l.text).join('\n')}`)
    const first = lines[0] as TextLine
    const last = lines.at(-1) as TextLine
    assert.ok(first.yMin >= TOP, `first line's top ${first.yMin.toFixed(2)} mm is inside the 版心`)
    assert.ok(
      last.yMax <= BOTTOM,
      `last line's bottom ${last.yMax.toFixed(2)} mm is inside the 版心`,
    )
    const pitches = lines.slice(1).map((l, i) => l.yMin - (lines[i] as TextLine).yMin)
    for (const pitch of pitches) near(pitch, PITCH, 0.1, 'line pitch')
    const full = lines.filter((l) => [...l.text].length === 28)
    assert.equal(full.length, 22, 'every line of the filler paragraph holds 28 characters')
    for (const line of full) {
      near(line.xMin, LEFT, 1, 'left edge of the text')
      near(line.xMax - line.xMin, WIDTH, 1, 'width of a full line')
    }
    const widths = full.map((l) => l.xMax - l.xMin)
    t.diagnostic(
      `page 2: ${lines.length} lines, ${full.length} of 28 characters; first top ${first.yMin.toFixed(2)} mm, ` +
        `last bottom ${last.yMax.toFixed(2)} mm; pitch ${(pitches.reduce((a, b) => a + b, 0) / pitches.length).toFixed(3)} mm; ` +
        `left ${first.xMin.toFixed(2)} mm; full line ${Math.min(...widths).toFixed(2)}–${Math.max(...widths).toFixed(2)} mm`,
    )
  })

  it('keeps page 1 inside the 版心 and its 正文 on the same line grid as page 2', (t) => {
    ready()
    const lines = bodyLines(page1)
    const recipients = lines.findIndex((l) => l.text.startsWith('各乡（镇）人民政府'))
    assert.ok(recipients > 0, '主送机关 on page 1')
    const body = lines.slice(recipients)
    assert.ok(body.length >= 2, '公文首页必须显示正文 (7.3.3)')
    const grid = (bodyLines(page2)[0] as TextLine).yMin
    for (const line of body) {
      const rows = (line.yMin - grid) / (PITCH - 0.02)
      near((rows - Math.round(rows)) * PITCH, 0, 0.15, `grid offset of "${line.text.slice(0, 8)}"`)
      assert.ok(line.yMin >= TOP && line.yMax <= BOTTOM)
    }
    for (const line of page1.filter((l) => l.yMax <= BOTTOM)) {
      assert.ok(line.yMin >= TOP, `"${line.text}" starts ${line.yMin.toFixed(2)} mm down`)
      assert.ok(line.xMin >= LEFT - 0.5 && line.xMax <= LEFT + WIDTH + 0.5, `"${line.text}" width`)
    }
    const lastRow = (((body.at(-1) as TextLine).yMin - grid) / PITCH + 1).toFixed(0)
    t.diagnostic(
      `page 1: 正文 from ${body[0]?.yMin.toFixed(2)} mm, on grid rows through row ${lastRow} of 22`,
    )
  })

  it('puts the red 发文机关标志 35 mm below the 版心 top and the red rule 4 mm under the 发文字号 (7.2.4, 7.2.5, 7.2.7)', (t) => {
    ready()
    assert.equal(red.length, 2, 'red ink: the mark and the rule')
    const [mark, rule] = red as [(typeof red)[0], (typeof red)[0]]
    near(mark.top - TOP, 35, 1, 'top of the mark under the top of the 版心')
    near((mark.xMin + mark.xMax) / 2, LEFT + WIDTH / 2, 1, 'mark centred')
    assert.ok(mark.xMin >= LEFT && mark.xMax <= LEFT + WIDTH, 'mark within the 版心')
    near(rule.xMin, LEFT, 0.5, 'rule starts at the left edge of the 版心')
    near(rule.xMax - rule.xMin, WIDTH, 0.5, 'rule as wide as the 版心')
    const number = dark.filter((b) => b.top > mark.bottom && b.bottom < rule.top).at(-1)
    assert.ok(number !== undefined, '发文字号 between mark and rule')
    const numberLine = page1.find((l) => l.text === '钟府发〔2026〕12号')
    assert.ok(numberLine !== undefined)
    near((numberLine.xMin + numberLine.xMax) / 2, LEFT + WIDTH / 2, 1, '发文字号 centred')
    near(rule.top - number.bottom, 4, 1, 'rule under the 发文字号')
    const gapToNumber = (number.top - mark.bottom) / PITCH
    assert.ok(gapToNumber >= 2 && gapToNumber < 3, `下空二行: ${gapToNumber.toFixed(2)} lines`)
    const title = dark.find((b) => b.top > rule.bottom)
    assert.ok(title !== undefined)
    const gapToTitle = (title.top - rule.bottom) / PITCH
    assert.ok(gapToTitle >= 1.8 && gapToTitle < 3, `标题 下空二行: ${gapToTitle.toFixed(2)} lines`)
    t.diagnostic(
      `mark: ink top ${mark.top.toFixed(2)} mm (${(mark.top - TOP).toFixed(2)} below the 版心), ` +
        `${mark.xMin.toFixed(2)}–${mark.xMax.toFixed(2)} mm; 发文字号 ink ${number.top.toFixed(2)}–${number.bottom.toFixed(2)} mm; ` +
        `rule ${rule.top.toFixed(2)}–${(rule.bottom + 1 / pixelsPerMm).toFixed(2)} mm, ${rule.xMin.toFixed(2)}–${rule.xMax.toFixed(2)} mm ` +
        `(${(rule.top - number.bottom).toFixed(2)} mm under the 发文字号); mark→发文字号 ${gapToNumber.toFixed(2)} lines, ` +
        `rule→标题 ${gapToTitle.toFixed(2)} lines`,
    )
  })

  it('prints the page number with its dash 7 mm under the 版心, one character from the edge (7.5)', async (t) => {
    ready()
    const footer = dark.filter((b) => b.top > BOTTOM)
    assert.equal(footer.length, 1, 'one band of ink under the 版心: the page number')
    const band = footer[0] as (typeof footer)[0]
    // The dash is the band's widest row of ink near its middle: find the rows that span the dash.
    const dashRows = band.rows.filter((r) => r.xMin < band.xMin + 0.5)
    const dashTop = Math.min(...dashRows.map((r) => r.y))
    near(dashTop - BOTTOM, 7, 1, '一字线 under the 版心')
    near(band.xMax, LEFT + WIDTH - 14 * (25.4 / 72), 0.8, 'odd page: 右空一字 (4 号)')
    const even = (await textLines(pdf, 2)).find((l) => l.yMin > BOTTOM)
    assert.ok(even !== undefined)
    near(even.xMin, LEFT + 14 * (25.4 / 72), 0.8, 'even page: 左空一字 (4 号)')
    t.diagnostic(
      `page 1 number: dash ${dashTop.toFixed(2)} mm (${(dashTop - BOTTOM).toFixed(2)} under the 版心), right ${band.xMax.toFixed(2)} mm; ` +
        `page 2 number: left ${even.xMin.toFixed(2)} mm`,
    )
  })

  it('sets the 版记 at the foot of the last page, its last rule on the 版心 edge (7.4.1)', async (t) => {
    ready()
    const last = sizes.length
    const raster = await rasterise(pdf, last, 300, dir)
    const rules = bands(inkRows(raster, isDark)).filter(
      (b) => b.xMax - b.xMin > WIDTH - 1 && b.bottom - b.top < 0.6,
    )
    assert.ok(rules.length >= 2, '版记 rules on the last page')
    const lastRule = rules.at(-1) as (typeof rules)[0]
    near(lastRule.bottom, BOTTOM, 1, 'last rule at the bottom of the 版心')
    near(lastRule.xMin, LEFT, 0.5, 'rules start at the 版心 edge')
    const text = await textLines(pdf, last)
    assert.ok(text.some((l) => l.text.startsWith('抄送：')))
    assert.ok(text.some((l) => l.text.endsWith('印发')))
    t.diagnostic(
      `版记 rules at ${rules.map((r) => `${r.top.toFixed(2)}–${(r.bottom + 1 / raster.scale).toFixed(2)}`).join(', ')} mm`,
    )
  })
})
