// DOCX → PDF through LibreOffice. Does I/O (a temporary folder, a child process), unlike the
// renderer; kept apart from it for that reason.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  FANDOL_DIR,
  type FontRole,
  type FontSubstitution,
  fontconfigXml,
  ROLE_NAMES,
} from './fonts.ts'
import { DEFAULT_FONTS } from './render.ts'

export interface ConvertOptions {
  /** The soffice binary (default 'soffice' on the PATH; Debian: package libreoffice-writer-nogui). */
  soffice?: string
  /** A folder to work in; a subfolder is made for each conversion and removed after it. */
  tmpDir: string
  /** Default 180 s: LibreOffice takes 5–10 s to start, more on a fresh profile. */
  timeoutMs?: number
  /**
   * A folder of the deployment's own fonts (licensed 方正小标宋简体, 仿宋_GB2312 …): found by name,
   * they win over the free substitutes. Missing folders are ignored.
   */
  fontsDir?: string
  /**
   * false: leave fontconfig as the system has it (no substitution rules). Default true: soffice
   * runs with {@link fontconfigXml}, which maps the GB/T 9704 names to free Simplified Chinese faces.
   */
  substituteFonts?: boolean
}

/** The Debian package that provides soffice for {@link convertDocxToPdf}. */
export const SOFFICE_DEBIAN_PACKAGE = 'libreoffice-writer-nogui'

const run = (
  command: string,
  args: string[],
  timeout: number,
  env?: NodeJS.ProcessEnv,
): Promise<string> =>
  new Promise((done, reject) => {
    const options = { timeout, maxBuffer: 16 * 1024 * 1024, ...(env ? { env } : {}) }
    execFile(command, args, options, (error, stdout, stderr) => {
      if (error === null) return done(String(stdout))
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') {
        return reject(
          new Error(
            `${command} not found: install LibreOffice Writer (Debian: apt-get install ${SOFFICE_DEBIAN_PACKAGE})`,
          ),
        )
      }
      reject(new Error(`${command} failed: ${error.message}\n${stdout}\n${stderr}`))
    })
  })

/** The folders fontconfig scans before the system's: the deployment's fonts, then Fandol. */
const fontDirsOf = (options: { fontsDir?: string }): string[] =>
  [...(options.fontsDir === undefined ? [] : [resolve(options.fontsDir)]), FANDOL_DIR].filter(
    (dir) => existsSync(dir),
  )

/**
 * Writes the fontconfig file into `folder` and returns the environment that makes a child
 * process use it (FONTCONFIG_FILE), with its cache kept under `tmpDir` between conversions.
 */
const fontEnvironment = async (
  folder: string,
  options: { tmpDir: string; fontsDir?: string },
): Promise<NodeJS.ProcessEnv> => {
  const cacheDir = join(options.tmpDir, 'gbt9704-fontconfig-cache')
  await mkdir(cacheDir, { recursive: true })
  const file = join(folder, 'fonts.conf')
  await writeFile(file, fontconfigXml({ fontDirs: fontDirsOf(options), cacheDir }))
  return { ...process.env, FONTCONFIG_FILE: file }
}

/**
 * Converts a DOCX to PDF with LibreOffice (`soffice --headless --convert-to pdf`). Each call uses
 * its own LibreOffice profile under `tmpDir`, so calls may run side by side.
 */
export const convertDocxToPdf = async (
  docx: Uint8Array,
  options: ConvertOptions,
): Promise<Uint8Array> => {
  const work = await mkdtemp(join(options.tmpDir, 'gbt9704-'))
  try {
    const input = join(work, 'document.docx')
    await writeFile(input, docx)
    const env = (options.substituteFonts ?? true) ? await fontEnvironment(work, options) : undefined
    await run(
      options.soffice ?? 'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        input,
      ],
      options.timeoutMs ?? 180_000,
      env,
    )
    try {
      return new Uint8Array(await readFile(join(work, 'document.pdf')))
    } catch {
      throw new Error('soffice wrote no PDF')
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * Which of the layout's default fonts (render.ts DEFAULT_FONTS) are not installed and what the
 * PDF uses instead, as fontconfig answers with the same configuration soffice gets (fc-match, from
 * the fontconfig package LibreOffice depends on). Empty when every font is installed.
 */
export const fontSubstitutions = async (options: {
  tmpDir: string
  fontsDir?: string
  /** The fc-match binary (default 'fc-match' on the PATH). */
  fcMatch?: string
}): Promise<FontSubstitution[]> => {
  const work = await mkdtemp(join(options.tmpDir, 'gbt9704-fonts-'))
  try {
    const env = await fontEnvironment(work, options)
    const out: FontSubstitution[] = []
    for (const role of Object.keys(ROLE_NAMES) as FontRole[]) {
      const requested = DEFAULT_FONTS[role]
      // style=Regular: Fandol's Bold faces declare a regular weight, so without it fontconfig may
      // answer with the Bold face, which LibreOffice does not use for regular text.
      const answer = await run(
        options.fcMatch ?? 'fc-match',
        ['--format', '%{family}\\n%{style}', `${requested}:lang=zh-cn:style=Regular`],
        30_000,
        env,
      )
      // A font has several family names (English and Chinese): installed if one is the name asked.
      const [familyList = '', styleList = ''] = answer.split('\n')
      const families = familyList.split(',')
      if (families.includes(requested)) continue
      const style = styleList.split(',')[0] ?? ''
      const family = families[0] ?? familyList
      out.push({
        role,
        requested,
        substitute: /^(regular|medium|book|normal)?$/i.test(style) ? family : `${family} ${style}`,
      })
    }
    return out
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
