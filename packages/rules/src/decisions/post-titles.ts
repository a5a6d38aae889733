import type { ResolvedRulebook } from '../rulebook/resolve-rulebook.ts'

/** The jurisdiction's own title for a post id (区长, 市长…), for Chinese summaries. */
export function postTitle(rulebook: ResolvedRulebook, post: string): string {
  return rulebook.posts.get(post)?.title ?? post
}

export function postTitles(rulebook: ResolvedRulebook, posts: readonly string[]): string {
  return posts.map((post) => postTitle(rulebook, post)).join('、')
}

export function chainText(rulebook: ResolvedRulebook, posts: readonly string[]): string {
  return posts.map((post) => postTitle(rulebook, post)).join(' → ')
}
