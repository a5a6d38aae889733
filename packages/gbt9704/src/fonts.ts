// Which free fonts stand in for the GB/T 9704 fonts when LibreOffice makes the PDF, and the
// fontconfig file that says so. Pure: text in, text out; convert.ts writes the file and hands it
// to soffice (FONTCONFIG_FILE). See docs/decisions/0018-pdf-fonts.md.
import type { GongwenFonts } from './types.ts'

/** A font role of the layout (types.ts GongwenFonts). */
export type FontRole = keyof GongwenFonts

/** One free face that may stand in for a role, and the Debian package that installs it. */
export interface FreeFace {
  family: string
  debianPackage: string
}

/**
 * Free faces with Simplified Chinese (GB 2312) glyphs for each role, best first: Fandol (the CTeX
 * project's Song, Hei, Fang and Kai, GPL with the font exception; Debian ships them in
 * texlive-lang-chinese) and then Noto CJK's SC faces (fonts-noto-cjk). Fandol comes first in every
 * role: it is the only free FangSong and Kai with simplified glyphs in Debian (cwTeX's FangSong
 * has traditional characters only: 县, 会, 议 are missing), one family keeps the roles' metrics
 * alike, and each Fandol face is a font file of its own, so the PDF names what it embeds
 * (FandolFang-Regular). Noto CJK's TTC faces share one CFF table, so a PDF set in the SC face
 * still names it "NotoSerifCJKjp-…": correct glyphs under a misleading name.
 */
export const FREE_FACES: Readonly<Record<FontRole, readonly FreeFace[]>> = {
  fangSong: [
    { family: 'FandolFang', debianPackage: 'texlive-lang-chinese' },
    { family: 'Noto Serif CJK SC', debianPackage: 'fonts-noto-cjk' },
  ],
  // 小标宋 is a heavy Song; LibreOffice takes the substitute's family and keeps the weight the
  // document asks for (regular), so a weight given here would not reach the PDF.
  xiaoBiaoSong: [
    { family: 'FandolSong', debianPackage: 'texlive-lang-chinese' },
    { family: 'Noto Serif CJK SC', debianPackage: 'fonts-noto-cjk' },
  ],
  heiTi: [
    { family: 'FandolHei', debianPackage: 'texlive-lang-chinese' },
    { family: 'Noto Sans CJK SC', debianPackage: 'fonts-noto-cjk' },
  ],
  kaiTi: [
    { family: 'FandolKai', debianPackage: 'texlive-lang-chinese' },
    { family: 'Noto Serif CJK SC', debianPackage: 'fonts-noto-cjk' },
  ],
  song: [
    { family: 'FandolSong', debianPackage: 'texlive-lang-chinese' },
    { family: 'Noto Serif CJK SC', debianPackage: 'fonts-noto-cjk' },
  ],
}

/**
 * The names a document may ask for in each role: the layout's defaults first, then the names the
 * same fonts go by elsewhere (Windows, other office suites), so that a DOCX from elsewhere that is
 * converted here gets the same substitutes.
 */
export const ROLE_NAMES: Readonly<Record<FontRole, readonly string[]>> = {
  fangSong: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', '方正仿宋_GBK', '方正仿宋简体'],
  xiaoBiaoSong: ['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '小标宋'],
  heiTi: ['黑体', 'SimHei', '方正黑体_GBK', '方正黑体简体'],
  kaiTi: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi', '方正楷体_GBK', '方正楷体简体'],
  song: ['宋体', 'SimSun', 'NSimSun', '新宋体'],
}

/** The folder Debian's texlive-lang-chinese puts the Fandol fonts in (not on fontconfig's path). */
export const FANDOL_DIR = '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol'

/** What the role is called in the notice the web shows. */
export const ROLE_LABELS: Readonly<Record<FontRole, string>> = {
  fangSong: '仿宋（正文）',
  xiaoBiaoSong: '小标宋（标志、标题）',
  heiTi: '黑体（一级标题）',
  kaiTi: '楷体（二级标题）',
  song: '宋体（页码）',
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * A fontconfig configuration: the deployment's own fonts folder first (licensed 方正小标宋简体,
 * 仿宋_GB2312 … dropped there are found by name and win), the Fandol folder, then the system
 * configuration; and for every name of every role, the free faces appended right after the name
 * asked for (binding strong, so they come before the generic sans-serif fallback that would pick
 * DejaVu Sans and Noto Sans CJK JP). Chinese text is tagged zh-CN, so glyphs a face lacks fall
 * back to the SC faces too.
 */
export const fontconfigXml = (options: {
  /** Folders scanned before the system's: the deployment's licensed fonts. */
  fontDirs: readonly string[]
  /** Where fontconfig may keep its cache of those folders. */
  cacheDir?: string
}): string => {
  const rules = (Object.keys(ROLE_NAMES) as FontRole[]).flatMap((role) =>
    (ROLE_NAMES[role] ?? []).map((name) => {
      const faces = FREE_FACES[role]
      const families = faces.map((face) => `<string>${escapeXml(face.family)}</string>`).join('')
      return (
        `<match target="pattern"><test name="family" compare="eq"><string>${escapeXml(name)}</string></test>` +
        `<edit name="family" mode="append" binding="strong">${families}</edit></match>`
      )
    }),
  )
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<fontconfig>',
    ...options.fontDirs.map((dir) => `<dir>${escapeXml(dir)}</dir>`),
    ...(options.cacheDir === undefined
      ? []
      : [`<cachedir>${escapeXml(options.cacheDir)}</cachedir>`]),
    ...rules,
    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    '</fontconfig>',
    '',
  ].join('\n')
}

/** One role whose font was not installed, and what the PDF uses instead. */
export interface FontSubstitution {
  role: FontRole
  /** The name the DOCX asks for, e.g. '仿宋_GB2312'. */
  requested: string
  /** The family fontconfig found, e.g. 'FandolFang'. */
  substitute: string
}

/** "本PDF使用替代字体：仿宋_GB2312 → FandolFang、…", or null when every font was there. */
export const substitutionNotice = (substitutions: readonly FontSubstitution[]): string | null =>
  substitutions.length === 0
    ? null
    : `本PDF使用替代字体：${substitutions.map((s) => `${s.requested} → ${s.substitute}`).join('、')}`
