import { z } from 'zod'

/**
 * A conformance case file: YAML a legal office can write to pin down what its rulebook must
 * answer. `expect.outcome` is matched partially: only the fields written are compared.
 */
export const conformanceCaseSchema = z.strictObject({
  name: z.string().min(1),
  decision: z.string().min(1),
  /** The date whose rulebook version applies; defaults to the latest version. */
  asOf: z.string().optional(),
  input: z.record(z.string(), z.unknown()),
  expect: z.strictObject({
    outcome: z.unknown().optional(),
    /** Expect a refusal: bad input, no rule, or no rulebook version in force on `asOf`. */
    error: z
      .enum([
        'INVALID_INPUT',
        'RULE_NOT_FOUND',
        'UNKNOWN_DECISION',
        'NO_VERSION_IN_FORCE',
        'UNKNOWN_JURISDICTION',
      ])
      .optional(),
    /** Article numbers (as written) that must be among the citations. */
    cites: z.array(z.string()).default([]),
    /** Rule ids that must be among the citations. */
    rules: z.array(z.string()).default([]),
    /** Warning codes expected, in order; none when omitted. */
    warnings: z.array(z.string()).default([]),
  }),
})

export const conformanceFileSchema = z.strictObject({
  jurisdiction: z.string().min(1),
  cases: z.array(conformanceCaseSchema).min(1),
})

export type ConformanceCase = z.output<typeof conformanceCaseSchema>
export type ConformanceFile = z.output<typeof conformanceFileSchema>
