import type { ResolvedRulebook } from './resolve-rulebook.ts'

/**
 * The post itself followed by every post it includes, transitively and without repeats:
 * in a rulebook where 副区长 (deputy) includes 常务副区长, `postsIncludedBy(book, 'deputy')` is
 * ['deputy', 'executiveDeputy']. A meeting whose members list `deputy` thus counts the executive
 * deputy too. An id the rulebook does not define comes back alone.
 */
export function postsIncludedBy(
  rulebook: Pick<ResolvedRulebook, 'posts'>,
  postId: string,
): string[] {
  const seen = new Set<string>([postId])
  const queue = [postId]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const included of rulebook.posts.get(next)?.includes ?? []) {
      if (!seen.has(included)) {
        seen.add(included)
        queue.push(included)
      }
    }
  }
  return [...seen]
}
