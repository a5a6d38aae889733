import { type FontSubstitution, substitutionNotice } from '@zhengling/gbt9704'
import { DomainError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { exportDocumentDocx } from './export-document-docx.ts'
import { viewDocument } from './view-document.ts'

/**
 * DOCX in, PDF out (LibreOffice in production, gbt9704's convertDocxToPdf). A converter may also
 * tell which of the GB/T 9704 fonts it lacks and what it sets instead (the PDF then says so).
 */
export type PdfConverter = ((docx: Uint8Array) => Promise<Uint8Array>) & {
  fontSubstitutions?: () => Promise<readonly FontSubstitution[]>
}

/** The PDF and, when a font was substituted, the notice "本PDF使用替代字体：仿宋_GB2312 → …". */
export interface ExportedPdf {
  fileName: string
  bytes: Uint8Array
  fontSubstitutions: readonly FontSubstitution[]
  fontNotice: string | null
}

/** The server cannot make a PDF now: no converter installed, or the conversion failed. */
export class PdfUnavailableError extends DomainError {}

/**
 * The final document as a PDF: the GB/T 9704 DOCX converted, for anyone who may see it. Without
 * a converter (LibreOffice not installed) the answer says so, after the access check, so that a
 * document one may not see stays "not found" either way.
 */
export async function exportDocumentPdf(
  r: Repositories,
  deps: { now: () => Date; convertToPdf: PdfConverter | null },
  session: SessionRecord,
  documentId: string,
): Promise<ExportedPdf> {
  if (!deps.convertToPdf) {
    await viewDocument(r, deps, session, documentId)
    throw new PdfUnavailableError(
      'PDF_UNAVAILABLE',
      '服务器未安装 LibreOffice，暂不能生成 PDF；请下载 DOCX 版本',
    )
  }
  const docx = await exportDocumentDocx(r, deps, session, documentId)
  let bytes: Uint8Array
  let fontSubstitutions: readonly FontSubstitution[]
  try {
    bytes = await deps.convertToPdf(docx.bytes)
    fontSubstitutions = (await deps.convertToPdf.fontSubstitutions?.()) ?? []
  } catch (error) {
    const unavailable = new PdfUnavailableError(
      'PDF_UNAVAILABLE',
      'PDF 生成失败，请稍后重试或下载 DOCX 版本',
    )
    unavailable.cause = error
    throw unavailable
  }
  return {
    fileName: docx.fileName.replace(/\.docx$/, '.pdf'),
    bytes,
    fontSubstitutions,
    fontNotice: substitutionNotice(fontSubstitutions),
  }
}
