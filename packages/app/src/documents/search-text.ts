import type { DocumentRecord } from './document.ts'

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })

/**
 * Chinese has no spaces between words: the text is cut into words (ICU's dictionary, through
 * Intl.Segmenter) and joined with spaces, so PostgreSQL's 'simple' full-text configuration can
 * index and match them on both engines.
 */
export function segmentWords(text: string): string[] {
  return [...segmenter.segment(text)]
    .filter((segment) => segment.isWordLike)
    .map((segment) => segment.segment.toLowerCase())
}

export function searchTextOf(
  document: Pick<DocumentRecord, 'title' | 'body' | 'senderReference' | 'documentNumber'> &
    Partial<Pick<DocumentRecord, 'receiptNumber' | 'externalSender'>>,
) {
  return segmentWords(
    [
      document.title,
      document.body,
      document.senderReference ?? '',
      document.documentNumber ?? '',
      document.receiptNumber ?? '',
      document.externalSender ?? '',
    ].join('\n'),
  ).join(' ')
}
