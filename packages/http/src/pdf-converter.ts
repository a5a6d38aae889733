// The PDF converter the server uses: LibreOffice through gbt9704's convertDocxToPdf, when
// `soffice` is installed. Conversions run one at a time: each starts a LibreOffice of its own
// (seconds of CPU, hundreds of MB), and a burst of downloads must not start dozens.
import { accessSync, constants } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import type { PdfConverter } from '@zhengling/app'
import { convertDocxToPdf, type FontSubstitution, fontSubstitutions } from '@zhengling/gbt9704'

/** The full path of an executable on the PATH, or null. */
export function findOnPath(command: string, path = process.env.PATH ?? ''): string | null {
  for (const folder of path.split(delimiter).filter(Boolean)) {
    const candidate = join(folder, command)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return null
}

/**
 * The folder of the deployment's own fonts (licensed 方正小标宋简体, 仿宋_GB2312 …): found by name,
 * they win over the free substitutes. ZHENGLING_FONTS_DIR, default ./fonts from the working folder.
 */
export function deploymentFontsDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ZHENGLING_FONTS_DIR || 'fonts')
}

/**
 * LibreOffice's converter if `soffice` is on the PATH, else null (the PDF route answers 503). It
 * sets the GB/T 9704 fonts from the deployment's fonts folder, else the free substitutes, and
 * tells which it substituted (asked once: fonts are looked up when the server starts).
 */
export function libreOfficePdfConverter(
  options: { timeoutMs?: number; fontsDir?: string } = {},
): PdfConverter | null {
  const soffice = findOnPath('soffice')
  if (!soffice) return null
  const fontsDir = options.fontsDir ?? deploymentFontsDir()
  let queue: Promise<unknown> = Promise.resolve()
  let substitutions: Promise<readonly FontSubstitution[]> | undefined
  const convert = (docx: Uint8Array) => {
    const converted = queue.then(() =>
      convertDocxToPdf(docx, {
        soffice,
        tmpDir: tmpdir(),
        timeoutMs: options.timeoutMs ?? 60_000,
        fontsDir,
      }),
    )
    queue = converted.catch(() => undefined)
    return converted
  }
  return Object.assign(convert, {
    fontSubstitutions: () => {
      substitutions ??= fontSubstitutions({ tmpDir: tmpdir(), fontsDir }).catch(() => {
        substitutions = undefined
        return []
      })
      return substitutions
    },
  })
}
