// The PDF's fonts: LibreOffice substitutes the GB/T 9704 fonts (仿宋_GB2312, 方正小标宋简体, 黑体,
// 楷体_GB2312, 宋体) with free faces that have Simplified Chinese glyphs, role by role, and a font
// of that name in the deployment's fonts folder wins. Fails, not skips, without soffice, poppler or
// the fonts: CI installs them (.ci/run: libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk,
// texlive-lang-chinese).
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { convertDocxToPdf, fontSubstitutions } from './convert.ts'
import {
  FANDOL_DIR,
  FREE_FACES,
  type FontRole,
  fontconfigXml,
  ROLE_NAMES,
  substitutionNotice,
} from './fonts.ts'
import { DEFAULT_FONTS, renderGongwenDocx } from './render.ts'
import { pdfFonts } from './test-support/pdf-measure.ts'
import { renameFont } from './test-support/rename-font.ts'
import { downward } from './test-support/samples.ts'
import type { GongwenLayout } from './types.ts'

const ROLES = Object.keys(DEFAULT_FONTS) as FontRole[]

/** The embedded name's family part: 'FandolFang-Regular' → 'FandolFang'. */
const familyOf = (name: string) => name.replace(/-.*$/, '')

/** A short 钟府发 with every role: mark and title (小标宋), 黑体 and 楷体 headings, body, page number. */
const sample: GongwenLayout = {
  ...downward,
  body: downward.body.slice(0, 4),
  attachments: [],
  record: undefined,
}

describe('fontconfig rules for the GB/T 9704 fonts', () => {
  it('appends the free faces right after every name of every role, the deployment’s folder first', () => {
    const xml = fontconfigXml({ fontDirs: ['/srv/fonts', FANDOL_DIR], cacheDir: '/tmp/cache' })
    assert.ok(xml.indexOf('<dir>/srv/fonts</dir>') < xml.indexOf(`<dir>${FANDOL_DIR}</dir>`))
    // The rules come before the system configuration, whose generic fallbacks would come first.
    assert.ok(xml.lastIndexOf('</match>') < xml.indexOf('<include'))
    for (const role of ROLES) {
      assert.equal(ROLE_NAMES[role][0], DEFAULT_FONTS[role], `${role}: the renderer's name first`)
      for (const name of ROLE_NAMES[role]) {
        const escaped = [...name].map((c) => (/[<>&"']/.test(c) ? '' : c)).join('')
        const rule = new RegExp(
          `<test name="family" compare="eq"><string>${escaped}</string></test>` +
            '<edit name="family" mode="append" binding="strong">' +
            FREE_FACES[role].map((face) => `<string>${face.family}</string>`).join(''),
        )
        assert.match(xml, rule, `${role}: ${name}`)
      }
    }
  })

  it('names the substitutes in the notice, or gives none', () => {
    assert.equal(substitutionNotice([]), null)
    assert.equal(
      substitutionNotice([
        { role: 'fangSong', requested: '仿宋_GB2312', substitute: 'FandolFang' },
        { role: 'heiTi', requested: '黑体', substitute: 'FandolHei' },
      ]),
      '本PDF使用替代字体：仿宋_GB2312 → FandolFang、黑体 → FandolHei',
    )
  })
})

describe('the PDF’s fonts, as LibreOffice sets them', () => {
  let dir = ''
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gbt9704-fonts-test-'))
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it(
    'substitutes every role with the first free face, and embeds only those',
    { timeout: 300_000 },
    async () => {
      assert.ok(
        existsSync(FANDOL_DIR),
        `Fandol fonts missing: apt-get install texlive-lang-chinese`,
      )
      const substitutions = await fontSubstitutions({ tmpDir: dir, fontsDir: join(dir, 'none') })
      assert.deepEqual(
        substitutions.map((s) => [s.role, s.requested, s.substitute]),
        ROLES.map((role) => [role, DEFAULT_FONTS[role], FREE_FACES[role][0]?.family]),
      )
      const pdf = join(dir, 'substituted.pdf')
      await writeFile(pdf, await convertDocxToPdf(await renderGongwenDocx(sample), { tmpDir: dir }))
      const families = new Set((await pdfFonts(pdf)).map((font) => familyOf(font.name)))
      // No Japanese face, no DejaVu or other Latin fallback: only the free faces of the roles.
      assert.deepEqual(
        [...families].sort(),
        ['FandolFang', 'FandolHei', 'FandolKai', 'FandolSong'],
        [...families].join(', '),
      )
    },
  )

  it(
    'uses a font of the GB/T name from the deployment’s fonts folder instead',
    { timeout: 300_000 },
    async () => {
      // FandolHei under the name 仿宋_GB2312 stands in for the licensed font.
      const fontsDir = join(dir, 'fonts')
      await rm(fontsDir, { recursive: true, force: true })
      await mkdir(fontsDir)
      const hei = await readFile(join(FANDOL_DIR, 'FandolHei-Regular.otf'))
      await writeFile(
        join(fontsDir, 'licensed-fangsong.otf'),
        renameFont(
          new Uint8Array(hei),
          { en: 'FangSong_GB2312', zh: '仿宋_GB2312' },
          'FangSong_GB2312',
        ),
      )
      const substitutions = await fontSubstitutions({ tmpDir: dir, fontsDir })
      assert.deepEqual(
        substitutions.map((s) => s.role),
        ROLES.filter((role) => role !== 'fangSong'),
      )
      const pdf = join(dir, 'licensed.pdf')
      await writeFile(
        pdf,
        await convertDocxToPdf(await renderGongwenDocx(sample), { tmpDir: dir, fontsDir }),
      )
      const families = new Set((await pdfFonts(pdf)).map((font) => familyOf(font.name)))
      assert.ok(
        !families.has('FandolFang'),
        `the body is not set in the substitute: ${[...families]}`,
      )
    },
  )
})
