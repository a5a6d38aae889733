// renderGongwenDocx: one 公文 as a DOCX laid out per GB/T 9704-2012 《党政机关公文格式》.
//
// Pure: the same input gives the same bytes. No clock (the package's timestamps are left out and
// the zip entries carry a fixed date), no file system, no environment; fonts are named, not
// embedded.
//
// How the page is built. The section has the standard's margins (5.2.1) and a line grid of 22
// lines (5.2.3); body styles set 3 号 characters 0.25 pt closer so that 28 fill a line. Every
// paragraph has an exact line height: body paragraphs one grid line, so a full page holds 22 lines
// in Word and LibreOffice alike. The 版头 (7.2) is a stack of off-grid paragraphs of computed exact
// heights that puts the 发文机关标志 35 mm below the top of the 版心 and ends on a whole number of
// grid lines, so the 标题 and 正文 of page 1 stay on the same grid as the pages after it. The 版记
// (7.4) is a floating table aligned to the bottom of the 版心, on the page where the text ends.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  DocumentGridType,
  HeightRule,
  OverlapType,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import type { IBorderOptions, ParagraphChild } from 'docx'
import { unzipSync, zipSync } from 'fflate'
import {
  CHARS_PER_LINE,
  CHAR_PITCH,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  MARK_TOP,
  PAGE_HEIGHT,
  PAGE_NUMBER_BELOW_TEXT,
  PAGE_WIDTH,
  RECORD_RULE_THICK,
  RECORD_RULE_THIN,
  RED,
  SANHAO_CHAR,
  SEPARATOR_BELOW_NUMBER,
  SEPARATOR_RULE,
  SIHAO_CHAR,
  SIZE_PT,
  TEXT_WIDTH,
  halfPoints,
  mmToTwips,
} from './geometry.ts'
import { STYLE, stylesXml } from './styles.ts'
import { formatDate, headingLabel, widthInChars } from './text.ts'
import type { BodyBlock, GongwenFonts, GongwenLayout, Signature } from './types.ts'

/**
 * Font names used when the layout names none: the names Chinese government offices' machines
 * carry (仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 are installed with their office suites; 黑体 and
 * 宋体 come with Windows). Word substitutes a font it lacks; see the README.
 */
export const DEFAULT_FONTS: GongwenFonts = {
  fangSong: '仿宋_GB2312',
  xiaoBiaoSong: '方正小标宋简体',
  heiTi: '黑体',
  kaiTi: '楷体_GB2312',
  song: '宋体',
}

// Where glyphs sit in an exact-height line, measured in LibreOffice with Noto CJK (the fonts CI has;
// see the rendering test). CJK fonts differ by a few per cent of the em, so in Word with 方正小标宋
// the mark may sit up to ~1 mm off; the README lists this.
/** Height of the 发文机关标志's line box, in ems of its size. */
const MARK_BOX_EM = 1.25
/** From the top of that box down to the top of the ideographs, in ems. */
const MARK_INK_TOP_EM = 0.16
/** From the bottom of the ideographs to the bottom of a 3 号 grid line, in twips. */
const ROW_INK_BOTTOM = 92

/** The zip entries' date: fixed, so the output doesn't depend on the clock. */
const ZIP_DATE = '2000-01-01T00:00:00'

const fontRun = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name })

const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 })

/** An empty paragraph of an exact height (twips), off the grid. */
const spacer = (height: number): Paragraph =>
  new Paragraph({ style: STYLE.fixed, spacing: exact(Math.max(1, Math.round(height))) })

/** An empty grid line ('空一行'). */
const blankLine = (keepNext = false): Paragraph => new Paragraph({ style: STYLE.flush, keepNext })

const noBorder: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' }

interface Built {
  paragraphs: Paragraph[]
  /** Height of the stack in twips. */
  height: number
}

/** 份号、密级和保密期限、紧急程度 (7.2.1–7.2.3): top left of the 版心, one per line, in this order. */
const topLeftRows = (layout: GongwenLayout, fonts: GongwenFonts): Built => {
  const rows: { text: string; font: string }[] = []
  // 7.2.1: 份号 一般用 6 位 3 号阿拉伯数字，顶格编排在版心左上角第一行.
  if (layout.copyNumber !== undefined) rows.push({ text: layout.copyNumber, font: fonts.fangSong })
  // 7.2.2: 密级和保密期限 一般用 3 号黑体字，顶格编排在版心左上角第二行.
  if (layout.classification !== undefined) {
    rows.push({ text: layout.classification, font: fonts.heiTi })
  }
  // 7.2.3: 紧急程度 一般用 3 号黑体字，顶格编排在版心左上角; 份号、密级和保密期限、紧急程度 自上而下分行排列.
  if (layout.urgency !== undefined) rows.push({ text: layout.urgency, font: fonts.heiTi })
  return {
    paragraphs: rows.map(
      (row) =>
        new Paragraph({
          style: STYLE.fixed,
          spacing: exact(LINE_PITCH),
          children: [new TextRun({ text: row.text, font: fontRun(row.font) })],
        }),
    ),
    height: rows.length * LINE_PITCH,
  }
}

/** The mark's size: the largest half point up to 初号 at which its widest line fits the 版心. */
const markSizePt = (layout: GongwenLayout): number => {
  if (layout.issuerMark.sizePt !== undefined) return layout.issuerMark.sizePt
  const { organisations, suffix } = layout.issuerMark
  const joint = organisations.length > 1
  const widest = Math.max(...organisations.map(widthInChars))
  // A joint mark puts the suffix beside the names, with one character's gap.
  const chars = widest + (suffix === undefined ? 0 : widthInChars(suffix) + (joint ? 1 : 0))
  const fit = Math.floor((TEXT_WIDTH / 20 / chars) * 2) / 2
  return Math.min(SIZE_PT.chuhao, fit)
}

/** 发文机关标志 (7.2.4): centred, red, 小标宋; joint issuers stacked, the suffix to their right. */
const issuerMark = (layout: GongwenLayout, fonts: GongwenFonts, size: number): Built => {
  const { organisations, suffix } = layout.issuerMark
  if (organisations.length === 0) throw new RangeError('issuerMark.organisations is empty')
  const box = Math.round(size * 20 * MARK_BOX_EM)
  const run = (text: string) =>
    new TextRun({ text, font: fontRun(fonts.xiaoBiaoSong), size: halfPoints(size), color: RED })
  if (organisations.length === 1) {
    const text = `${organisations[0]}${suffix ?? ''}`
    return {
      paragraphs: [
        new Paragraph({ style: STYLE.mark, spacing: exact(box), children: [run(text)] }),
      ],
      height: box,
    }
  }
  // Joint: the names flush left in a block centred on the page, each line distributed to the
  // widest name's width; the suffix on the middle line (or between the two middle lines) right of
  // the block. Built from tab stops, not a table, so that every line keeps the exact height.
  const em = size * 20
  const namesWidth = Math.max(...organisations.map(widthInChars)) * em
  const suffixWidth = suffix === undefined ? 0 : (widthInChars(suffix) + 1) * em
  const left = Math.max(0, Math.round((TEXT_WIDTH - namesWidth - suffixWidth) / 2))
  const middle = (organisations.length - 1) / 2
  const paragraphs = organisations.map((name, i) => {
    // Distribute the name over the block's width with character spacing (w:spacing, twips).
    const gaps = [...name].length - 1
    const spare = namesWidth - widthInChars(name) * em
    const spacing = gaps > 0 ? Math.floor(spare / gaps) : 0
    const children: ParagraphChild[] = [
      new TextRun({
        text: name,
        font: fontRun(fonts.xiaoBiaoSong),
        size: halfPoints(size),
        color: RED,
        characterSpacing: spacing,
      }),
    ]
    // An even number of names puts the suffix between the two middle lines: on the upper one,
    // lowered by half a line (w:position).
    if (suffix !== undefined && i === Math.floor(middle)) {
      const lowered = Number.isInteger(middle) ? undefined : (`${-box / 40}pt` as const)
      children.push(new TextRun({ children: [new Tab()] }))
      children.push(
        new TextRun({
          text: suffix,
          font: fontRun(fonts.xiaoBiaoSong),
          size: halfPoints(size),
          color: RED,
          ...(lowered === undefined ? {} : { position: lowered }),
        }),
      )
    }
    return new Paragraph({
      style: STYLE.fixed,
      spacing: exact(box),
      indent: { left },
      tabStops: [{ type: TabStopType.LEFT, position: left + namesWidth + em }],
      children,
    })
  })
  return { paragraphs, height: box * organisations.length }
}

/**
 * The 发文字号 line (7.2.5), or for an upward document the 签发人 lines with the 发文字号 on the last
 * (7.2.6). Each one grid line high, off the grid (its characters are set at their full 16 pt).
 */
const numberRows = (layout: GongwenLayout, fonts: GongwenFonts): Built => {
  const number = layout.documentNumber
  const signers = layout.signers ?? []
  const fs = fontRun(fonts.fangSong)
  if ((layout.direction ?? 'downward') !== 'upward' || signers.length === 0) {
    // 7.2.5: 发文字号 编排在发文机关标志下空二行位置，居中排布.
    return {
      paragraphs: [
        new Paragraph({
          style: STYLE.fixed,
          alignment: AlignmentType.CENTER,
          spacing: exact(LINE_PITCH),
          children: [new TextRun({ text: number, font: fs })],
        }),
      ],
      height: LINE_PITCH,
    }
  }
  // 7.2.6: 签发人 由"签发人"三字加全角冒号和签发人姓名组成，居右空一字，编排在发文机关标志下空二行位置.
  // "签发人"三字用 3 号仿宋体字，签发人姓名用 3 号楷体字. 一般每行排两个姓名，回行时与上一行第一个签发人
  // 姓名对齐. 7.2.5: 上行文的发文字号居左空一字编排，与最后一个签发人姓名处在同一行.
  const label = '签发人：'
  const lines: string[][] = []
  for (let i = 0; i < signers.length; i += 2) lines.push(signers.slice(i, i + 2))
  const lineText = (names: string[]) => names.join('　')
  const firstWidth = widthInChars(label) + widthInChars(lineText(lines[0] ?? []))
  const labelAt = Math.round(TEXT_WIDTH - SANHAO_CHAR - firstWidth * SANHAO_CHAR)
  const namesAt = labelAt + widthInChars(label) * SANHAO_CHAR
  const kai = fontRun(fonts.kaiTi)
  const paragraphs = lines.map((names, i) => {
    const last = i === lines.length - 1
    const children: ParagraphChild[] = []
    if (last) children.push(new TextRun({ text: number, font: fs }))
    children.push(new TextRun({ children: [new Tab()] }))
    if (i === 0) children.push(new TextRun({ text: label, font: fs }))
    children.push(new TextRun({ text: lineText(names), font: kai }))
    return new Paragraph({
      style: STYLE.fixed,
      spacing: exact(LINE_PITCH),
      indent: { left: SANHAO_CHAR },
      tabStops: [{ type: TabStopType.LEFT, position: (i === 0 ? labelAt : namesAt) - SANHAO_CHAR }],
      children,
    })
  })
  return { paragraphs, height: lines.length * LINE_PITCH }
}

/** 版头 (7.2) down to the red separator, then the space to the 标题, ending on a grid line. */
const head = (layout: GongwenLayout, fonts: GongwenFonts): Paragraph[] => {
  const out: Paragraph[] = []
  let y = 0
  const topLeft = topLeftRows(layout, fonts)
  out.push(...topLeft.paragraphs)
  y += topLeft.height

  // 7.2.4: 发文机关标志 上边缘至版心上边缘为 35 mm.
  const size = markSizePt(layout)
  const boxTop = MARK_TOP - Math.round(size * 20 * MARK_INK_TOP_EM)
  if (boxTop > y) {
    out.push(spacer(boxTop - y))
    y = boxTop
  }
  const mark = issuerMark(layout, fonts, size)
  out.push(...mark.paragraphs)
  y += mark.height

  // 7.2.5, 7.2.6: 发文字号 (and 签发人) 编排在发文机关标志下空二行位置.
  out.push(spacer(2 * LINE_PITCH))
  y += 2 * LINE_PITCH
  const numbers = numberRows(layout, fonts)
  out.push(...numbers.paragraphs)
  y += numbers.height

  // 7.2.7: 发文字号之下 4 mm 处居中印一条与版心等宽的红色分隔线. Drawn as the bottom border of an empty
  // paragraph whose height brings the rule 4 mm below the 发文字号's characters.
  const toRule = Math.max(1, SEPARATOR_BELOW_NUMBER - ROW_INK_BOTTOM)
  const ruleWidth = Math.round((SEPARATOR_RULE * 20) / 8)
  out.push(
    new Paragraph({
      style: STYLE.fixed,
      spacing: exact(toRule),
      border: { bottom: { style: BorderStyle.SINGLE, size: SEPARATOR_RULE, color: RED, space: 0 } },
    }),
  )
  y += toRule + ruleWidth

  // 7.3.1: 标题 编排于红色分隔线下空二行位置. Two lines, give or take half a line, so that the 标题 starts
  // on a grid line.
  const titleTop = Math.round((y + 2 * LINE_PITCH) / LINE_PITCH) * LINE_PITCH
  out.push(spacer(titleTop - y))
  return out
}

/** 标题 (7.3.1): 2 号小标宋体字，分一行或多行居中排布. One grid line per line. */
const title = (layout: GongwenLayout): Paragraph => {
  const lines = typeof layout.title === 'string' ? [layout.title] : [...layout.title]
  const children: ParagraphChild[] = lines.map(
    (line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1 }),
  )
  return new Paragraph({ style: STYLE.title, spacing: exact(LINE_PITCH), children })
}

/** 正文 (7.3.3) with its numbered headings. */
const body = (
  blocks: readonly BodyBlock[],
  fonts: GongwenFonts,
  keepLastWithNext: boolean,
): Paragraph[] => {
  const counters = [0, 0, 0, 0]
  const headingFont = { 1: fonts.heiTi, 2: fonts.kaiTi, 3: fonts.fangSong, 4: fonts.fangSong }
  return blocks.map((block, i) => {
    // The first block never moves off page 1 (7.3.3: 公文首页必须显示正文); a heading standing alone
    // stays with the text under it.
    const keepNext =
      i > 0 &&
      ((keepLastWithNext && i === blocks.length - 1) ||
        (block.kind === 'heading' && block.runIn === undefined))
    if (block.kind === 'paragraph') {
      return new Paragraph({ style: STYLE.body, keepNext, children: [new TextRun(block.text)] })
    }
    const index = block.level - 1
    counters[index] = (counters[index] ?? 0) + 1
    for (let deeper = index + 1; deeper < counters.length; deeper++) counters[deeper] = 0
    const label = headingLabel(block.level, counters[index] ?? 1)
    const children = [
      new TextRun({ text: `${label}${block.text}`, font: fontRun(headingFont[block.level]) }),
    ]
    if (block.runIn !== undefined) children.push(new TextRun(block.runIn))
    return new Paragraph({ style: STYLE.body, keepNext, children })
  })
}

/**
 * 附件说明 (7.3.4): 正文下空一行左空二字编排"附件"二字，后标全角冒号和附件名称; 多个附件使用阿拉伯数字标注
 * 附件顺序号（如"附件：1.XXXXX"）; 附件名称后不加标点符号; 回行时与上一行附件名称的首字对齐.
 */
const attachments = (names: readonly string[]): Paragraph[] => {
  if (names.length === 0) return []
  // Kept with the signature that follows (7.3.5.5: the signature page must show text).
  const out: Paragraph[] = [blankLine(true)]
  const label = '附件：'
  const start = 2 + widthInChars(label) // where the first name's number starts, in characters
  names.forEach((name, i) => {
    const number = names.length > 1 ? `${i + 1}.` : ''
    const nameAt = start + widthInChars(number)
    const firstAt = i === 0 ? 2 : start
    out.push(
      new Paragraph({
        style: STYLE.flush,
        keepNext: true,
        indent: {
          left: Math.round(nameAt * CHAR_PITCH),
          hanging: Math.round((nameAt - firstAt) * CHAR_PITCH),
        },
        children: [new TextRun(`${i === 0 ? label : ''}${number}${name}`)],
      }),
    )
  })
  return out
}

/**
 * 纪要 attendance (GB/T 9704 10.3): 一般用 3 号黑体字，在正文或附件说明下空一行左空二字编排"出席"二字，后标全角
 * 冒号，冒号后用 3 号仿宋体字依次编排出席人单位、姓名，回行时与冒号后的首字对齐; 请假和列席人员 the same way,
 * each list on its own. A list keeps its lines together and the blank line stays with the first
 * list, but nothing is kept with the text above: a 纪要 has no signature to keep text with
 * (7.3.5.5), and chaining the lists to the 正文 would push a whole block, and with a long list
 * most of page 1, onto the next page.
 */
const attendance = (
  lists: readonly { label: string; names: readonly string[] }[],
  fonts: GongwenFonts,
): Paragraph[] => {
  const shown = lists.filter((list) => list.names.length > 0)
  if (shown.length === 0) return []
  const out: Paragraph[] = [blankLine(true)]
  for (const list of shown) {
    const label = `${list.label}：`
    const nameAt = 2 + widthInChars(label)
    out.push(
      new Paragraph({
        style: STYLE.flush,
        keepLines: true,
        indent: {
          left: Math.round(nameAt * CHAR_PITCH),
          hanging: Math.round((nameAt - 2) * CHAR_PITCH),
        },
        children: [
          new TextRun({ text: label, font: fontRun(fonts.heiTi) }),
          new TextRun(list.names.join('、')),
        ],
      }),
    )
  }
  return out
}

/** Right-aligned grid line with a right indent in characters. */
const rightLine = (text: string, rightChars: number, keepNext: boolean): Paragraph =>
  new Paragraph({
    style: STYLE.flush,
    alignment: AlignmentType.RIGHT,
    indent: { right: Math.round(rightChars * CHAR_PITCH) },
    keepNext,
    keepLines: true,
    children: [new TextRun(text)],
  })

/** 发文机关署名、成文日期和印章 (7.3.5). */
const signature = (signature: Signature): Paragraph[] => {
  const date = formatDate(signature.date)
  const names = signature.organisations
  if (names.length === 0) throw new RangeError('signature.organisations is empty')
  const wd = widthInChars(date)
  const out: Paragraph[] = []
  if (signature.sealed ?? true) {
    // 7.3.5.1 加盖印章的公文: 成文日期一般右空四字编排; 以成文日期为准居中编排发文机关署名; 印章居中下压发文
    // 机关署名和成文日期，使其居印章中心偏下位置; 印章顶端应当上距正文（或附件说明）一行之内. The seal's
    // centre is put at the top of the 署名 line: the blank lines above it are the fewest that hold the
    // seal's upper half, which leaves less than a line between the text and the seal's top.
    const radius = mmToTwips((signature.sealDiameterMm ?? 42) / 2)
    const blank = Math.max(1, Math.ceil(radius / LINE_PITCH))
    const ws = Math.max(...names.map(widthInChars))
    // A 署名 much longer than the date would pass the right edge: then the date moves left.
    const dateRight = Math.max(4, (ws - wd) / 2)
    names.forEach((name) => {
      for (let i = 0; i < blank; i++) out.push(blankLine(true))
      out.push(rightLine(name, dateRight + (wd - widthInChars(name)) / 2, true))
    })
    out.push(rightLine(date, dateRight, false))
    return out
  }
  // 7.3.5.2 不加盖印章的公文: 在正文（或附件说明）下空一行右空二字编排发文机关署名，在署名下一行编排成文日期，
  // 首字比发文机关署名首字右移二字; 如成文日期长于署名，应当使成文日期右空二字编排，并相应增加署名右空字数.
  // 联合行文时，应当先编排主办机关署名，其余发文机关署名依次向下编排.
  const ws = widthInChars(names[0] ?? '')
  let nameRight = 2
  let dateRight = ws - wd
  if (dateRight < 2) {
    dateRight = 2
    nameRight = wd + 4 - ws
  }
  out.push(blankLine(true))
  names.forEach((name) => out.push(rightLine(name, nameRight + ws - widthInChars(name), true)))
  out.push(rightLine(date, dateRight, false))
  return out
}

/** 附注 (7.3.6): 居左空二字加圆括号编排在成文日期下一行. */
const note = (text: string): Paragraph => {
  const wrapped = /^[（(].*[）)]$/.test(text) ? text : `（${text}）`
  return new Paragraph({
    style: STYLE.flush,
    indent: { left: Math.round(2 * CHAR_PITCH) },
    children: [new TextRun(wrapped)],
  })
}

/**
 * 版记 (7.4): 抄送机关 and 印发机关和印发日期 in 4 号仿宋, between a thick first rule, thin rules
 * between elements and a thick last rule that coincides with the bottom of the 版心 on the last
 * page (7.4.1). A one-column floating table aligned to the bottom of the margin box holds it
 * there; its borders are the rules.
 */
const record = (layout: GongwenLayout): (Paragraph | Table)[] => {
  const rec = layout.record
  if (rec === undefined) return []
  const rule = (size: number): IBorderOptions => ({
    style: BorderStyle.SINGLE,
    size,
    color: '000000',
    space: 0,
  })
  const cell = (paragraph: Paragraph) =>
    new TableRow({
      cantSplit: true,
      height: { value: LINE_PITCH, rule: HeightRule.EXACT },
      children: [
        new TableCell({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: [paragraph],
        }),
      ],
    })
  const rows: TableRow[] = []
  const copyTo = rec.copyTo ?? []
  if (copyTo.length > 0) {
    // 7.4.2: 抄送机关 一般用 4 号仿宋体字，在印发机关和印发日期之上一行、左右各空一字编排. "抄送"二字后加全角
    // 冒号和抄送机关名称，回行时与冒号后的首字对齐，最后一个抄送机关名称后标句号.
    const label = '抄送：'
    rows.push(
      cell(
        new Paragraph({
          style: STYLE.record,
          indent: {
            left: SIHAO_CHAR * (1 + widthInChars(label)),
            hanging: SIHAO_CHAR * widthInChars(label),
            right: SIHAO_CHAR,
          },
          children: [new TextRun(`${label}${copyTo.join('，')}。`)],
        }),
      ),
    )
  }
  // 7.4.3: 印发机关和印发日期 一般用 4 号仿宋体字，编排在末条分隔线之上，印发机关左空一字，印发日期右空一字，
  // 用阿拉伯数字将年、月、日标全，后加"印发"二字.
  rows.push(
    cell(
      new Paragraph({
        style: STYLE.record,
        indent: { left: SIHAO_CHAR, right: SIHAO_CHAR },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - SIHAO_CHAR }],
        children: [
          new TextRun(rec.printer),
          new TextRun({ children: [new Tab()] }),
          new TextRun(`${formatDate(rec.printDate)}印发`),
        ],
      }),
    ),
  )
  const table = new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: {
      top: rule(RECORD_RULE_THICK),
      bottom: rule(RECORD_RULE_THICK),
      insideHorizontal: rule(RECORD_RULE_THIN),
      left: noBorder,
      right: noBorder,
      insideVertical: noBorder,
    },
    float: {
      // Placed from the page's edge at the left margin rather than centred on the margin box: that
      // is the same place, and LibreOffice keeps a full-width table anchored to the margin box
      // inline instead of floating it (its import only floats tables that text could flow beside).
      horizontalAnchor: TableAnchorType.PAGE,
      absoluteHorizontalPosition: MARGIN_LEFT,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
  })
  // A floating table is anchored to the paragraph after it; this one is 1 pt high.
  return [table, spacer(20)]
}

/**
 * 页码 (7.5): 一般用 4 号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放一条一字线；一字线上距
 * 版心下边缘 7 mm. 单页码居右空一字，双页码居左空一字.
 */
const pageNumberFooter = (odd: boolean): Footer =>
  new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: SIHAO_CHAR } : { left: SIHAO_CHAR },
        spacing: exact(FOOTER_LINE),
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  })

/** The page number line's exact height, twips (4 号 = 14 pt, with room for the glyphs). */
const FOOTER_LINE = 400
/** Where the 一字线 sits above the bottom of that line (≈ the dash's height over the baseline). */
const FOOTER_DASH_ABOVE_BOTTOM = 170
/**
 * w:pgMar/@w:footer: from the bottom of the page to the bottom of the page number line, chosen so
 * that the dash is 7 mm below the 版心 (7.5).
 */
const FOOTER_DISTANCE = MARGIN_BOTTOM - PAGE_NUMBER_BELOW_TEXT - FOOTER_DASH_ABOVE_BOTTOM

const corePropertiesXml = (layout: GongwenLayout): string => {
  const esc = (text: string) => text.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)
  const titleText = typeof layout.title === 'string' ? layout.title : layout.title.join('')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${esc(titleText)}</dc:title>` +
    `<dc:subject>${esc(layout.documentNumber)}</dc:subject>` +
    `<dc:creator>${esc(layout.issuerMark.organisations.join('、'))}</dc:creator>` +
    '</cp:coreProperties>'
  )
}

/** Builds the `docx` document (exported for tests that want to look inside before packing). */
export const buildGongwenDocument = (layout: GongwenLayout): Document => {
  const fonts: GongwenFonts = { ...DEFAULT_FONTS, ...layout.fonts }
  // A blank 主送机关 is none: no line of only "：".
  const mainRecipients =
    layout.mainRecipients === undefined || layout.mainRecipients.trim() === ''
      ? []
      : [
          blankLine(),
          // 7.3.2: 主送机关 编排于标题下空一行位置，居左顶格，回行时仍顶格，最后一个机关名称后标全角冒号.
          new Paragraph({
            style: STYLE.flush,
            children: [new TextRun(layout.mainRecipients.replace(/[：:]?$/, '：'))],
          }),
        ]
  // The last lines of text go with the signature to its page (7.3.5.5: 印章 and 成文日期 never stand
  // on a page without text).
  // A 纪要 (no signature) keeps nothing with what follows: see attendance().
  const bodyParagraphs = body(layout.body, fonts, layout.signature !== undefined)
  const children = [
    ...head(layout, fonts),
    title(layout),
    // 7.3.3: 正文 编排于主送机关名称下一行 — and, with no 主送机关, one blank line under the 标题.
    ...(mainRecipients.length > 0 ? mainRecipients : [blankLine()]),
    ...bodyParagraphs,
    ...attachments(layout.attachments ?? []),
    ...attendance(layout.attendance ?? [], fonts),
    ...(layout.signature ? signature(layout.signature) : []),
    ...(layout.note === undefined ? [] : [note(layout.note)]),
    ...record(layout),
  ]
  return new Document({
    externalStyles: stylesXml(fonts),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: MARGIN_TOP,
              right: MARGIN_RIGHT,
              bottom: MARGIN_BOTTOM,
              left: MARGIN_LEFT,
              header: mmToTwips(15),
              footer: FOOTER_DISTANCE,
              gutter: 0,
            },
          },
          // 5.2.3: 22 lines (the 28 characters come from the body styles' character spacing).
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter(true), even: pageNumberFooter(false) },
        children,
      },
    ],
  })
}

/**
 * Renders one 公文 as a DOCX file laid out per GB/T 9704-2012. Pure: the same layout always gives
 * the same bytes.
 */
export const renderGongwenDocx = async (layout: GongwenLayout): Promise<Uint8Array> => {
  const document = buildGongwenDocument(layout)
  const packed = await Packer.toArrayBuffer(document, false, [
    { path: 'docProps/core.xml', data: corePropertiesXml(layout) },
  ])
  // Re-zip with a fixed date: the packer stamps entries with the current time.
  const files = unzipSync(new Uint8Array(packed))
  return zipSync(files, { mtime: ZIP_DATE, level: 6 })
}

/** For tests and the README: the grid the section declares. */
export const GRID = { linePitch: LINE_PITCH, charsPerLine: CHARS_PER_LINE }
