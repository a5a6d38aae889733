import { z } from 'zod'

/**
 * The article map of one seed text: every article, classified. Operational articles state a
 * who/what/when/how-much software can decide or check; declarative ones state principles.
 * Which rules encode an article is not written here: it follows from the rules' citations.
 */
export const coverageFileSchema = z.strictObject({
  jurisdiction: z.string().min(1),
  seed: z.string().min(1),
  articles: z
    .array(
      z.strictObject({
        number: z.string().min(1),
        chapter: z.string().optional(),
        class: z.enum(['operational', 'declarative']),
        gist: z.string().min(1),
        /** Why an operational article has no rule yet, or why a borderline call went this way. */
        note: z.string().optional(),
      }),
    )
    .min(1),
})

export type CoverageFile = z.output<typeof coverageFileSchema>
