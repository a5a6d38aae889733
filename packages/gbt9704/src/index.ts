// @zhengling/gbt9704: the final 公文 as a DOCX laid out per GB/T 9704-2012 《党政机关公文格式》.
export { renderGongwenDocx, buildGongwenDocument, DEFAULT_FONTS, GRID } from './render.ts'
export { convertDocxToPdf, fontSubstitutions, SOFFICE_DEBIAN_PACKAGE } from './convert.ts'
export {
  FANDOL_DIR,
  FREE_FACES,
  fontconfigXml,
  ROLE_LABELS,
  ROLE_NAMES,
  substitutionNotice,
} from './fonts.ts'
export type { FontRole, FontSubstitution, FreeFace } from './fonts.ts'
export type { ConvertOptions } from './convert.ts'
export * as geometry from './geometry.ts'
export { formatDate, chineseNumeral, headingLabel, widthInChars } from './text.ts'
export type * from './types.ts'
