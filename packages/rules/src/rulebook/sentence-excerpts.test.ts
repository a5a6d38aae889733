import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { toSentenceEnd } from './sentence-excerpts.ts'

const SEED = `第七条 县政府全体会议主要任务:
(一)讨论决定县政府工作中的重大事项;
(二)部署县政府的重要工作。
第八条 县政府常务会议由县长召集和主持,一般每月召开2次;
会议议题由副县长提出建议。
第九条 县长出访期间,由常务副县长主持县政府全面工作
第十条 其他。`

describe('an excerpt runs to the end of its sentence', () => {
  it('a list it introduces runs to the end of the list, not its first item', () => {
    assert.deepEqual(toSentenceEnd(SEED, '县政府全体会议主要任务:'), {
      excerpt:
        '县政府全体会议主要任务:(一)讨论决定县政府工作中的重大事项;(二)部署县政府的重要工作。',
      ends: 'sentence',
    })
  })

  it('a clause runs to its full stop or semicolon; one already whole is kept', () => {
    assert.equal(
      toSentenceEnd(SEED, '县政府常务会议由县长召集和主持')?.excerpt,
      '县政府常务会议由县长召集和主持,一般每月召开2次;',
    )
    assert.equal(
      toSentenceEnd(SEED, '会议议题由副县长提出建议。')?.excerpt,
      '会议议题由副县长提出建议。',
    )
  })

  it('an article without a full stop ends where the next article begins', () => {
    assert.deepEqual(toSentenceEnd(SEED, '县长出访期间'), {
      excerpt: '县长出访期间,由常务副县长主持县政府全面工作',
      ends: 'article',
    })
  })

  it('an excerpt not in the seed is not invented', () => {
    assert.equal(toSentenceEnd(SEED, '县长不在时'), undefined)
  })
})
