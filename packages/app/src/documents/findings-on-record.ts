import type { DocumentRecord } from './document.ts'

/**
 * 初审 findings the record itself shows, needing no clerk's judgement: several main recipients
 * (条例第十五条), and no 签发人 on an 上行文 (everything units send the office is one; 第九条).
 * A document the office registered from outside (来文单位 as written) may be a 下行文 or 平行文:
 * its 签发人 is the clerk's finding to make, not the record's.
 */
export function findingsOnRecord(
  document: Pick<DocumentRecord, 'mainRecipients' | 'signatories'> &
    Partial<Pick<DocumentRecord, 'externalSender'>>,
): Record<string, true> {
  return {
    ...(document.mainRecipients.length > 1 ? { multipleMainRecipients: true } : {}),
    ...(document.signatories.length === 0 && !document.externalSender
      ? { missingSignatory: true }
      : {}),
  }
}
