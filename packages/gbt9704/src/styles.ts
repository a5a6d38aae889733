// The DOCX style sheet (word/styles.xml), written out in full: the `docx` package's style options
// have no paragraph-level w:snapToGrid, which the 版头 and 标题 need to stay off the line grid.
import { BODY_CHARACTER_SPACING, LINE_PITCH, SANHAO_CHAR, SIZE_PT, halfPoints } from './geometry.ts'
import type { GongwenFonts } from './types.ts'

/** Paragraph style ids used by the renderer. */
export const STYLE = {
  /** 正文 paragraphs: 28 characters a line, first line indented two characters (7.3.3). */
  body: 'GwBody',
  /** Like the body, without indent (主送机关 7.3.2, 署名 and dates). */
  flush: 'GwFlush',
  /** Off the grid, exact heights: 版头 rows and spacers. */
  fixed: 'GwFixed',
  /** 发文机关标志 (7.2.4). */
  mark: 'GwMark',
  /** 标题 (7.3.1). */
  title: 'GwTitle',
  /** 版记 rows (7.4). */
  record: 'GwRecord',
  /** Page numbers (7.5). */
  pageNumber: 'GwPageNumber',
} as const

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

const fontsXml = (name: string): string => {
  const n = escapeXml(name)
  return `<w:rFonts w:ascii="${n}" w:eastAsia="${n}" w:hAnsi="${n}" w:cs="${n}" w:hint="eastAsia"/>`
}

const sizeXml = (pt: number): string =>
  `<w:sz w:val="${halfPoints(pt)}"/><w:szCs w:val="${halfPoints(pt)}"/>`

const paragraphStyle = (
  id: string,
  name: string,
  basedOn: string | undefined,
  pPr: string,
  rPr: string,
): string =>
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/>` +
  (basedOn === undefined ? '' : `<w:basedOn w:val="${basedOn}"/>`) +
  `<w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`

/** Exact line height in twips (w:spacing lineRule="exact"), no space before or after. */
export const exactSpacingXml = (twips: number): string =>
  `<w:spacing w:before="0" w:after="0" w:line="${twips}" w:lineRule="exact"/>`

/**
 * The style sheet. Normal carries the body font and size: LibreOffice derives the character grid's
 * pitch from the Normal style's East Asian font size and the grid's charSpace, Word from its size.
 */
export const stylesXml = (fonts: GongwenFonts): string => {
  const body = fontsXml(fonts.fangSong) + sizeXml(SIZE_PT.sanhao)
  // Two characters of Word's 字符 unit (the 16 pt font size) for the first-line indent.
  const firstLine = 2 * SANHAO_CHAR
  const tight = `<w:spacing w:val="${BODY_CHARACTER_SPACING}"/>`
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    body +
    '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    `<w:pPrDefault><w:pPr>${exactSpacingXml(LINE_PITCH)}</w:pPr></w:pPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
    '<w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>' +
    `<w:adjustRightInd w:val="0"/>${exactSpacingXml(LINE_PITCH)}<w:jc w:val="both"/></w:pPr>` +
    `<w:rPr>${body}</w:rPr></w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">' +
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>' +
    '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>' +
    '<w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>' +
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    paragraphStyle(
      STYLE.body,
      'Gongwen Body',
      'Normal',
      `<w:ind w:firstLineChars="200" w:firstLine="${firstLine}"/>`,
      tight,
    ) +
    paragraphStyle(STYLE.flush, 'Gongwen Flush', 'Normal', '', tight) +
    paragraphStyle(
      STYLE.fixed,
      'Gongwen Fixed',
      'Normal',
      '<w:snapToGrid w:val="0"/><w:jc w:val="left"/>',
      '',
    ) +
    paragraphStyle(
      STYLE.mark,
      'Gongwen Issuer Mark',
      STYLE.fixed,
      '<w:jc w:val="center"/>',
      fontsXml(fonts.xiaoBiaoSong),
    ) +
    paragraphStyle(
      STYLE.title,
      'Gongwen Title',
      STYLE.fixed,
      '<w:jc w:val="center"/>',
      fontsXml(fonts.xiaoBiaoSong) + sizeXml(SIZE_PT.erhao),
    ) +
    paragraphStyle(STYLE.record, 'Gongwen Record', STYLE.fixed, '', sizeXml(SIZE_PT.sihao)) +
    paragraphStyle(
      STYLE.pageNumber,
      'Gongwen Page Number',
      STYLE.fixed,
      '',
      fontsXml(fonts.song) + sizeXml(SIZE_PT.sihao),
    ) +
    '</w:styles>'
  )
}
