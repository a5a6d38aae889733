import {
  issuesToErrors,
  parseYamlSource,
  type SourceError,
  type YamlSource,
} from '@zhengling/rules'
import type { z } from 'zod'

/** Parses YAML text against a schema; errors point at file, line and field. */
export function parseFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): { value?: z.output<S>; source: YamlSource; errors: SourceError[] } {
  const source = parseYamlSource(text, file)
  if (source.syntaxErrors.length) return { source, errors: source.syntaxErrors }
  const parsed = schema.safeParse(source.value)
  if (!parsed.success) return { source, errors: issuesToErrors(source, parsed.error.issues) }
  return { value: parsed.data, source, errors: [] }
}
