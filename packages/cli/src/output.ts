/** Where commands write; passed in so tests can capture it. */
export interface Output {
  out(line?: string): void
  err(line?: string): void
}

export const consoleOutput: Output = {
  out: (line = '') => process.stdout.write(`${line}\n`),
  err: (line = '') => process.stderr.write(`${line}\n`),
}

export class UsageError extends Error {
  override name = 'UsageError'
}

export function formatSourceError(error: {
  file: string
  line: number
  column: number
  path: string
  message: string
}): string {
  return `${error.file}:${error.line}:${error.column}  ${error.path ? `${error.path}：` : ''}${error.message}`
}
