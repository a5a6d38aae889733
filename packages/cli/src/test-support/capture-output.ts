import type { Output } from '../output.ts'

/** An Output that keeps what a command prints, both streams in order, for assertions. */
export function captureOutput() {
  const lines: string[] = []
  const output: Output = {
    out: (line = '') => lines.push(line),
    err: (line = '') => lines.push(line),
  }
  return { output, text: () => lines.join('\n') }
}
