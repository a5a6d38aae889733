// The PDF converter the server uses: LibreOffice through gbt9704's convertDocxToPdf, when
// `soffice` is installed. Conversions run one at a time: each starts a LibreOffice of its own
// (seconds of CPU, hundreds of MB), and a burst of downloads must not start dozens.
import { accessSync, constants } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import type { PdfConverter } from '@zhengling/app'
import { convertDocxToPdf } from '@zhengling/gbt9704'

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

/** LibreOffice's converter if `soffice` is on the PATH, else null (the PDF route answers 503). */
export function libreOfficePdfConverter(options: { timeoutMs?: number } = {}): PdfConverter | null {
  const soffice = findOnPath('soffice')
  if (!soffice) return null
  let queue: Promise<unknown> = Promise.resolve()
  return (docx) => {
    const converted = queue.then(() =>
      convertDocxToPdf(docx, { soffice, tmpDir: tmpdir(), timeoutMs: options.timeoutMs ?? 60_000 }),
    )
    queue = converted.catch(() => undefined)
    return converted
  }
}
