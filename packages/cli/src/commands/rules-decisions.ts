import { DECISIONS } from '@zhengling/rules'
import { z } from 'zod'
import type { Output } from '../output.ts'

/** The decisions with their input fields, so a legal office can write cases without reading code. */
export function rulesDecisions(output: Output): number {
  for (const decision of DECISIONS) {
    output.out(`${decision.name}\u3000${decision.title}`)
    const schema = z.toJSONSchema(decision.input, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, { type?: string }>
      required?: string[]
    }
    for (const [field, spec] of Object.entries(schema.properties ?? {})) {
      output.out(
        `    ${field}${schema.required?.includes(field) ? '' : '?'}: ${spec.type ?? 'object'}`,
      )
    }
  }
  return 0
}
