import { FilePdfOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useState } from 'react'
import { fetchDocumentPdf } from '../../api/documents.ts'
import { asApiError } from '../../api/use-load.ts'

/**
 * The last font notice the server gave: the same for every document (it depends on the fonts the
 * server has), kept for the page's lifetime so that it stays shown when the document view reloads.
 */
let rememberedFontNotice: string | null = null

/** The font notice of the last PDF downloaded in this page, or null. */
export const lastFontNotice = (): string | null => rememberedFontNotice

/**
 * 下载 PDF: the GB/T 9704 document converted by the server. Fetched rather than linked, so that
 * a server without LibreOffice (503 PDF_UNAVAILABLE) shows its Chinese message, not raw JSON, and
 * so that the page can say which fonts stood in for the GB/T 9704 ones (本PDF使用替代字体：…).
 */
export function PdfDownloadButton({
  documentId,
  fileName,
  onFontNotice,
}: {
  documentId: string
  /** Without the extension: the 发文字号 once assigned, else the title (as the server names it). */
  fileName: string
  /** Told after each download: the substitute fonts' notice, or null when none was needed. */
  onFontNotice?: (notice: string | null) => void
}) {
  const { message } = App.useApp()
  const [loading, setLoading] = useState(false)

  async function download() {
    setLoading(true)
    try {
      const { blob, fontNotice } = await fetchDocumentPdf(documentId)
      rememberedFontNotice = fontNotice
      if (onFontNotice) onFontNotice(fontNotice)
      else if (fontNotice) message.info(fontNotice)
      const url = URL.createObjectURL(blob)
      const link = window.document.createElement('a')
      link.href = url
      link.download = `${fileName}.pdf`
      link.click()
      setTimeout(() => URL.revokeObjectURL(url), 60_000)
    } catch (failure) {
      message.error(asApiError(failure).message)
    } finally {
      setLoading(false)
    }
  }

  return (
    <Button
      icon={<FilePdfOutlined aria-hidden />}
      loading={loading}
      onClick={() => void download()}
    >
      下载 PDF
    </Button>
  )
}
