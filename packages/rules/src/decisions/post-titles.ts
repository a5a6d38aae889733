import type { ResolvedRulebook } from '../rulebook/resolve-rulebook.ts'

/** The jurisdiction's own title for a post id (区长, 市长…), for Chinese summaries. */
export function postTitle(rulebook: ResolvedRulebook, post: string): string {
  return rulebook.posts.get(post)?.title ?? post
}

export function postTitles(rulebook: ResolvedRulebook, posts: readonly string[]): string {
  return posts.map((post) => postTitle(rulebook, post)).join('、')
}

/** Posts of which any one acts: a document has one signer, so a list of signers is a choice. */
export function eitherPost(rulebook: ResolvedRulebook, posts: readonly string[]): string {
  return posts.map((post) => postTitle(rulebook, post)).join('或')
}

/**
 * A step in a chain: one post, several of which any one may act, or every post one id resolves
 * to (each of the 有关副县长).
 */
export type ChainStep = string | { anyOf: readonly string[] } | { each: string }

export function chainText(rulebook: ResolvedRulebook, steps: readonly ChainStep[]): string {
  return steps
    .map((step) =>
      typeof step === 'string'
        ? postTitle(rulebook, step)
        : 'each' in step
          ? `${postTitle(rulebook, step.each)}（每位）`
          : step.anyOf.map((post) => postTitle(rulebook, post)).join('或'),
    )
    .join(' → ')
}
