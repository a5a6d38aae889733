import { z } from 'zod'
import { citation, civilDate } from './contract-fields.ts'

/** Request and response shapes of the rulebook routes; the OpenAPI document is generated from them. */
export const jurisdictionParams = z.object({ jurisdiction: z.string().min(1).max(64) })
export const decisionParams = jurisdictionParams.extend({ decision: z.string().min(1).max(64) })
export const asOfQuery = z.object({
  asOf: civilDate.optional(),
})

export const rulebookSummary = z.object({
  jurisdiction: z.string(),
  name: z.string(),
  version: z.string(),
  effectiveFrom: z.string(),
  rules: z.number(),
})

export const rulebookDetail = z.object({
  jurisdiction: z.string(),
  title: z.string(),
  version: z.string(),
  effectiveFrom: z.string(),
  posts: z.array(z.object({ id: z.string(), title: z.string(), type: z.string() })),
  rules: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string(), citation })),
})

export const decisionResult = z.object({
  decision: z.string(),
  jurisdiction: z.string(),
  rulebookVersion: z.string(),
  outcome: z.unknown(),
  summary: z.string(),
  citations: z.array(citation),
  warnings: z.array(z.object({ code: z.string(), year: z.number(), message: z.string() })),
})

/** Decision inputs differ per decision and are validated by the decision itself. */
export const decisionInput = z.record(z.string(), z.unknown())

export const coverageResponse = z.object({
  jurisdiction: z.string(),
  seed: z.string(),
  totals: z.object({
    articles: z.number(),
    operational: z.number(),
    declarative: z.number(),
    encoded: z.number(),
    tested: z.number(),
    workflow: z.number(),
    decisionOnly: z.number(),
    notForSoftware: z.number(),
  }),
  articles: z.array(
    z.object({
      number: z.string(),
      chapter: z.string().nullable(),
      class: z.enum(['operational', 'declarative']),
      gist: z.string(),
      note: z.string().nullable(),
      rules: z.array(z.string()),
      testedRules: z.array(z.string()),
      /** The article's rules a running workflow asks. */
      workflowRules: z.array(z.string()),
      /** Operational articles: 流程执行 (workflow), 仅决策 (decisionOnly), 非软件事项 (notForSoftware). */
      status: z.enum(['workflow', 'decisionOnly', 'notForSoftware']).nullable(),
      notForSoftware: z.string().nullable(),
    }),
  ),
})
