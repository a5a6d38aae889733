// The page geometry of GB/T 9704-2012 《党政机关公文格式》, in the units DOCX uses: twips (1/20 pt,
// 1/1440 inch) for lengths, half-points for font sizes, eighths of a point for rule widths.

/** Millimetres to twips, rounded to the nearest twip. */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4)

/** Twips to millimetres. */
export const twipsToMm = (twips: number): number => (twips * 25.4) / 1440

// 5.1 幅面尺寸: A4, 210 mm × 297 mm (GB/T 148).
export const PAGE_WIDTH = mmToTwips(210) // 11906
export const PAGE_HEIGHT = mmToTwips(297) // 16838

// 5.2.1 页边与版心尺寸: 天头（上白边）37 mm ± 1 mm, 订口（左白边）28 mm ± 1 mm, 版心 156 mm × 225 mm
// (不含页码). The right and bottom margins follow: 210 − 28 − 156 = 26 mm, 297 − 37 − 225 = 35 mm.
export const MARGIN_TOP = mmToTwips(37) // 2098
export const MARGIN_LEFT = mmToTwips(28) // 1587
export const TEXT_WIDTH = mmToTwips(156) // 8844
export const TEXT_HEIGHT = mmToTwips(225) // 12756
export const MARGIN_RIGHT = PAGE_WIDTH - MARGIN_LEFT - TEXT_WIDTH // 1475 (26.0 mm)
export const MARGIN_BOTTOM = PAGE_HEIGHT - MARGIN_TOP - TEXT_HEIGHT // 1984 (35.0 mm)

// 5.2.2 字体和字号: 如无特殊说明，各要素一般用 3 号仿宋体字. Sizes in points (号 → pt as printers use).
export const SIZE_PT = {
  chuhao: 42, // 初号
  erhao: 22, // 2 号: 标题 (7.3.1)
  sanhao: 16, // 3 号: body and most elements (5.2.2)
  sihao: 14, // 4 号: 版记 (7.4.2, 7.4.3), page numbers (7.5)
} as const

/** Points to half-points (w:sz). */
export const halfPoints = (pt: number): number => Math.round(pt * 2)

// 5.2.3 行数和字数: 一般每面排 22 行，每行排 28 个字，并撑满版心.
export const LINES_PER_PAGE = 22
export const CHARS_PER_LINE = 28

/**
 * The document grid's line pitch (w:docGrid/@w:linePitch, twips): the largest whole number of twips
 * that puts 22 lines in the 225 mm 版心 — 579 twips = 28.95 pt = 10.21 mm (22 × 579 = 12738 ≤ 12756).
 */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE)

/**
 * Character spacing of 3 号 body text (w:spacing, twips): 156 mm / 28 = 15.79 pt, less than the
 * 16 pt of a 3 号 character, so body characters are set 0.25 pt closer (w:spacing −5) and 28 of
 * them (441 pt) fit the 442.2 pt line while 29 don't; justification spreads the remaining 1.2 pt.
 * Done with run spacing rather than the document grid's negative w:charSpace because LibreOffice
 * can't set characters closer than their size on a character grid: it gives each 16 pt character
 * two 15.8 pt cells, 14 to a line.
 */
export const BODY_CHARACTER_SPACING = Math.floor(TEXT_WIDTH / CHARS_PER_LINE - SIZE_PT.sanhao * 20) // -5

/** The advance of one 3 号 body character in twips (16 pt less the spacing above): 315. */
export const CHAR_PITCH = SIZE_PT.sanhao * 20 + BODY_CHARACTER_SPACING

/** One 3 号 character's full width (text set without the body's tighter spacing), in twips. */
export const SANHAO_CHAR = SIZE_PT.sanhao * 20 // 320

/** One 4 号 character's width, in twips (版记, page numbers). */
export const SIHAO_CHAR = SIZE_PT.sihao * 20 // 280

// 7.2.4: 发文机关标志 … 上边缘至版心上边缘为 35 mm.
export const MARK_TOP = mmToTwips(35) // 1984

// 7.2.7: 发文字号之下 4 mm 处居中印一条与版心等宽的红色分隔线.
export const SEPARATOR_BELOW_NUMBER = mmToTwips(4) // 227

// 7.5: 一字线上距版心下边缘 7 mm.
export const PAGE_NUMBER_BELOW_TEXT = mmToTwips(7) // 397

// 7.4.1: 首条分隔线和末条分隔线用粗线（推荐高度为 0.35 mm），中间的分隔线用细线（推荐高度为 0.25 mm）.
// In eighths of a point: 0.35 mm = 0.99 pt → 8; 0.25 mm = 0.71 pt → 6 (0.26 mm).
export const RECORD_RULE_THICK = 8
export const RECORD_RULE_THIN = 6

/** Red as the standard's 式样 prints it (7.2.4, 7.2.7: 红色). */
export const RED = 'FF0000'

/**
 * The red separator's width (w:sz, eighths of a point). 7.2.7 gives no thickness; 1.5 pt (0.53 mm)
 * is what issuing offices commonly print.
 */
export const SEPARATOR_RULE = 12
