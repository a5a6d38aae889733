import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadLibrary } from './load-library.ts'

// Issue 12 part 7: an excerpt cut to "公文种类主要有：" or mid-clause reads as something the article
// does not say. Every excerpt of every rulebook, as the library serves it, ends a sentence or an
// item list.
const SENTENCE_END = /[。；！？;!?]$/u

describe('every excerpt in every rulebook ends a sentence', () => {
  const library = loadLibrary()
  const books = [
    ...(library.national ? [library.national] : []),
    ...[...library.jurisdictions.values()].flat(),
  ]

  it('none ends with a colon or mid-sentence', () => {
    let count = 0
    const cut: string[] = []
    for (const { book, file } of books) {
      for (const group of [book.rules, book.posts, book.meetings, book.documentPrefixes]) {
        for (const item of group as {
          id?: string
          article?: { number: string; excerpt: string }
        }[]) {
          if (!item.article) continue
          count += 1
          const excerpt = item.article.excerpt.trim()
          if (!SENTENCE_END.test(excerpt) || /[：:]$/u.test(excerpt))
            cut.push(`${file} ${item.id ?? ''} ${item.article.number}: …${excerpt.slice(-24)}`)
        }
      }
    }
    assert.ok(books.length >= 6 && count >= 900, `${books.length} rulebooks, ${count} excerpts`)
    assert.deepEqual(cut, [])
  })

  it('公文种类 lists the kinds, not "公文种类主要有："', () => {
    const kinds = library.national?.book.rules.find((rule) => rule.id === 'national.document.kinds')
    assert.match(
      kinds?.article?.excerpt ?? '',
      /^公文种类主要有：（一）决议。.*（十五）纪要。适用于记载会议主要情况和议定事项。$/u,
    )
  })
})
