import { z } from 'zod'

/**
 * The article map of one seed text: every article, classified by the standard in
 * docs/rulebooks.md ("Classifying articles"). Operational articles name an actor and an act
 * that can be checked (a post, a period, a threshold, a procedure, a prohibition); declarative
 * ones state principles and aims. Which rules encode an article is not written here: it follows
 * from the rules' citations; whether a workflow enforces it follows from what the app asks.
 */
export const coverageFileSchema = z.strictObject({
  jurisdiction: z.string().min(1),
  seed: z.string().min(1),
  articles: z
    .array(
      z
        .strictObject({
          number: z.string().min(1),
          chapter: z.string().optional(),
          class: z.enum(['operational', 'declarative']),
          gist: z.string().min(1),
          /** Why an operational article has no rule yet, or why a borderline call went this way. */
          note: z.string().optional(),
          /**
           * Why an operational article is no business of software (a leader's own conduct, a
           * judgement no record shows): it is then counted as 非软件事项, not as a gap.
           */
          notForSoftware: z.string().min(1).optional(),
        })
        .refine((article) => !article.notForSoftware || article.class === 'operational', {
          message: 'notForSoftware 只用于操作性条文（宣示性条文本就无须软件执行）',
          path: ['notForSoftware'],
        }),
    )
    .min(1),
})

export type CoverageFile = z.output<typeof coverageFileSchema>
