import { z } from 'zod'

/**
 * Where a rule comes from. For a jurisdiction's rules the source defaults to the rulebook's
 * own seed text; the national rulebook cites laws and regulations by title.
 */
export const articleSchema = z.strictObject({
  /** Seed file name or the title of a law, e.g. 《中华人民共和国民法典》. Defaults to the rulebook's source. */
  source: z.string().optional(),
  /** As written in the text: 第二十九条, or 三十 for texts that number items with 三十、 */
  number: z.string().min(1),
  /** Verbatim words of the article that carry the rule. */
  excerpt: z.string().min(2),
})

export type Article = z.infer<typeof articleSchema>

export interface Citation {
  ruleId: string
  source: string
  article: string
  excerpt: string
}
