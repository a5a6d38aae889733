import type { Rulebook } from './schema.ts'

/** Line breaks and indentation in a seed are layout, not words; compare without them. */
function normalise(text: string): string {
  return text.replace(/\s+/g, '')
}

export interface ExcerptProblem {
  path: PropertyKey[]
  message: string
}

/**
 * Every excerpt a rulebook quotes from a seed must appear in that seed word for word
 * (ignoring whitespace). `sources` maps a seed file name to its text.
 */
export function verifyExcerpts(
  book: Rulebook,
  sources: ReadonlyMap<string, string>,
): ExcerptProblem[] {
  const problems: ExcerptProblem[] = []
  const normalised = new Map([...sources].map(([name, text]) => [name, normalise(text)]))
  const check = (
    article: { source?: string; number: string; excerpt: string } | undefined,
    path: PropertyKey[],
  ) => {
    if (!article) return
    const source = article.source ?? book.source.seed
    if (!source) return
    const text = normalised.get(source)
    if (text === undefined) return
    if (!text.includes(normalise(article.excerpt))) {
      problems.push({
        path: [...path, 'excerpt'],
        message: `摘录在 ${source} 中找不到原文（${article.number}）：${article.excerpt.slice(0, 40)}`,
      })
    } else if (!text.includes(normalise(article.number))) {
      problems.push({
        path: [...path, 'number'],
        message: `${source} 中没有条文 ${article.number}`,
      })
    }
  }
  const groups = [
    ['rules', book.rules],
    ['posts', book.posts],
    ['meetings', book.meetings],
    ['documentPrefixes', book.documentPrefixes],
  ] as const
  for (const [field, items] of groups) {
    items.forEach((item, index) => {
      check(item.article, [field, index, 'article'])
    })
  }
  return problems
}
