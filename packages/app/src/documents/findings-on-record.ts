import type { DocumentRecord } from './document.ts'

/**
 * 初审 findings the record itself shows, needing no clerk's judgement: several main recipients
 * (条例第十五条), and no 签发人 on an 上行文 (everything units send the office is one; 第九条).
 */
export function findingsOnRecord(
  document: Pick<DocumentRecord, 'mainRecipients' | 'signatories'>,
): Record<string, true> {
  return {
    ...(document.mainRecipients.length > 1 ? { multipleMainRecipients: true } : {}),
    ...(document.signatories.length === 0 ? { missingSignatory: true } : {}),
  }
}
