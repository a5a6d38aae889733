import { z } from 'zod'

/** The one error shape every route returns: a machine code, a Chinese message, details. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Where a rule refused the act: the rule id, the source, the article, its words. */
    citations: z
      .array(
        z.object({
          ruleId: z.string(),
          source: z.string(),
          article: z.string(),
          excerpt: z.string(),
        }),
      )
      .optional(),
  }),
})

export type ErrorBody = z.infer<typeof errorBody>

export class HttpError extends Error {
  readonly statusCode: number
  readonly code: string
  readonly issues?: { path: string; message: string }[]

  constructor(
    statusCode: number,
    code: string,
    message: string,
    issues?: { path: string; message: string }[],
  ) {
    super(message)
    this.statusCode = statusCode
    this.code = code
    this.issues = issues
  }
}

export function errorOf(
  code: string,
  message: string,
  issues?: { path: string; message: string }[],
  citations?: NonNullable<ErrorBody['error']['citations']>,
): ErrorBody {
  return {
    error: { code, message, ...(issues ? { issues } : {}), ...(citations ? { citations } : {}) },
  }
}
