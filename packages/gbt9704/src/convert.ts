// DOCX → PDF through LibreOffice. Does I/O (a temporary folder, a child process), unlike the
// renderer; kept apart from it for that reason.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface ConvertOptions {
  /** The soffice binary (default 'soffice' on the PATH; Debian: package libreoffice-writer-nogui). */
  soffice?: string
  /** A folder to work in; a subfolder is made for each conversion and removed after it. */
  tmpDir: string
  /** Default 180 s: LibreOffice takes 5–10 s to start, more on a fresh profile. */
  timeoutMs?: number
}

/** The Debian package that provides soffice for {@link convertDocxToPdf}. */
export const SOFFICE_DEBIAN_PACKAGE = 'libreoffice-writer-nogui'

const run = (command: string, args: string[], timeout: number): Promise<void> =>
  new Promise((resolve, reject) => {
    execFile(command, args, { timeout, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) return resolve()
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
