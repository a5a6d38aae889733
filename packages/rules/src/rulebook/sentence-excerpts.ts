import type { Rulebook } from './schema.ts'

/**
 * Where a sentence ends in the seeds: Chinese and ASCII full stops of a sentence or clause group.
 * A comma or a colon does not end one.
 */
const SENTENCE_END = /[。；！？;!?]/u
/** Inside an item list (after "主要任务：") only a full stop ends it, not an item's "；". */
const LIST_END = /[。！？!?]/u
const INTRODUCES_LIST = /[：:]/u
/** A new article or chapter begins: 第十条, 第三章, or 四十一、 at the start of a line. */
const HEADING = /^\s*(第[〇零一二三四五六七八九十百千]+[条章节]|[一二三四五六七八九十百]+、)/u

export interface SentenceExcerpt {
  excerpt: string
  /** How the excerpt now ends: at a sentence end, or where its article ends without one. */
  ends: 'sentence' | 'article'
}

/** The text without whitespace, and for each of its characters the index in the text. */
function normalised(text: string): { chars: string; at: number[] } {
  const kept: string[] = []
  const at: number[] = []
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string
    if (/\s/u.test(char)) continue
    kept.push(char)
    at.push(index)
  }
  return { chars: kept.join(''), at }
}

/**
 * A seed's normalised text, computed once per seed text: a rulebook quotes each seed dozens of
 * times, and normalising the whole seed per excerpt was most of the library's load time.
 */
const normalisedSeeds = new Map<string, { chars: string; at: number[] }>()
function normalisedSeed(source: string): { chars: string; at: number[] } {
  let text = normalisedSeeds.get(source)
  if (!text) {
    // A few seeds per library; a long-lived process that loads changed seeds keeps a bounded few.
    if (normalisedSeeds.size >= 64) normalisedSeeds.clear()
    text = normalised(source)
    normalisedSeeds.set(source, text)
  }
  return text
}

/**
 * An excerpt carried on to the end of its sentence in the seed: a quotation cut at "公文种类主要
 * 有：" or mid-clause reads as something the article does not say. A sentence that introduces a
 * list runs to the end of the list. The words are the seed's, whitespace (line breaks of the
 * seed's layout) removed; an excerpt not found in the seed is returned as it is (verifyExcerpts
 * reports it).
 */
export function toSentenceEnd(source: string, excerpt: string): SentenceExcerpt | undefined {
  const text = normalisedSeed(source)
  const wanted = normalised(excerpt).chars
  const start = text.chars.indexOf(wanted)
  if (start < 0 || !wanted) return undefined
  let end = start + wanted.length // exclusive, in normalised characters
  const done = (chars: string) => {
    const last = chars.at(-1) ?? ''
    return (INTRODUCES_LIST.test(chars) ? LIST_END : SENTENCE_END).test(last)
  }
  let taken = text.chars.slice(start, end)
  while (!done(taken) && end < text.chars.length) {
    // Stop before a heading: the article ended without a full stop.
    const sourceIndex = text.at[end] as number
    const lineStart = source.lastIndexOf('\n', sourceIndex - 1) + 1
    if (
      /^\s*$/u.test(source.slice(lineStart, sourceIndex)) &&
      HEADING.test(source.slice(sourceIndex))
    )
      return { excerpt: taken, ends: 'article' }
    end += 1
    taken = text.chars.slice(start, end)
  }
  return { excerpt: taken, ends: done(taken) ? 'sentence' : 'article' }
}

/**
 * The rulebook with every excerpt quoted from its seed carried on to the end of its sentence
 * (toSentenceEnd). Articles from other sources (the national regulations) are as written.
 */
export function withSentenceExcerpts(
  book: Rulebook,
  sources: ReadonlyMap<string, string>,
): Rulebook {
  const fix = <T extends { article?: { source?: string; excerpt: string } }>(item: T): T => {
    if (!item.article) return item
    const seed = item.article.source ?? book.source.seed
    const text = seed ? sources.get(seed) : undefined
    if (text === undefined) return item
    const whole = toSentenceEnd(text, item.article.excerpt)
    // Already whole (its words unchanged but for whitespace): kept as written.
    if (!whole || whole.excerpt === normalised(item.article.excerpt).chars) return item
    return { ...item, article: { ...item.article, excerpt: whole.excerpt } }
  }
  return {
    ...book,
    rules: book.rules.map(fix),
    posts: book.posts.map(fix),
    meetings: book.meetings.map(fix),
    documentPrefixes: book.documentPrefixes.map(fix),
  }
}
