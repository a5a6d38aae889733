import { DownloadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { documentDocxUrl } from '../../api/documents.ts'

/** The document laid out per GB/T 9704-2012; the server answers it as an attachment. */
export function DocxLink({ documentId }: { documentId: string }) {
  return (
    <Button href={documentDocxUrl(documentId)} icon={<DownloadOutlined aria-hidden />}>
      下载 DOCX
    </Button>
  )
}
