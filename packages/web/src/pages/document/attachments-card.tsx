import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, List, Space, Typography, Upload } from 'antd'
import { attachmentUrl, uploadAttachment } from '../../api/documents.ts'
import type { DocumentView } from '../../api/types.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { Mono } from '../../components/mono.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { useMe } from '../../session/session-context.ts'
import { formatSize, mayAttach } from './file-rights.ts'

/** The file types the server accepts (attachment-content.ts), for the browser's file picker. */
const ACCEPT = '.pdf,.docx,.xlsx,.ofd,.jpg,.jpeg,.png,.txt'
/** The server's cap (MAX_ATTACHMENT_BYTES): checked here too so a big file is not sent at all. */
const MAX_BYTES = 20 * 1024 * 1024

/** 附件: the files with download links; an upload for the posts that may add one. */
export function AttachmentsCard({
  view,
  onChanged,
}: {
  view: DocumentView
  onChanged: () => void
}) {
  const me = useMe()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const { document, attachments } = view
  const canAttach = mayAttach(view, me)

  function send(file: File) {
    void submit(async () => {
      if (file.size > MAX_BYTES) {
        message.error(`附件不能超过 20 MB（此文件 ${formatSize(file.size)}）`)
        return
      }
      const { attachment } = await uploadAttachment(document.id, file, me.csrfToken)
      message.success(`已上传附件：${attachment.name}`)
      onChanged()
    })
  }

  return (
    <Card
      title="附件"
      extra={
        canAttach && (
          <Upload
            accept={ACCEPT}
            maxCount={1}
            showUploadList={false}
            disabled={submitting}
            beforeUpload={(file) => {
              send(file)
              return false
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={submitting}>
              上传附件
            </Button>
          </Upload>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {error && <SubmitError error={error} />}
        {attachments.length === 0 ? (
          <Empty description="暂无附件" />
        ) : (
          <List
            dataSource={attachments}
            rowKey="id"
            renderItem={(attachment) => (
              <List.Item>
                <List.Item.Meta
                  avatar={<PaperClipOutlined aria-hidden />}
                  title={
                    <a href={attachmentUrl(document.id, attachment.id)} download={attachment.name}>
                      {attachment.name}
                    </a>
                  }
                  description={
                    <Space size="small" wrap>
                      <span>{formatSize(attachment.sizeBytes)}</span>
                      {attachment.uploader && <span>{attachment.uploader}</span>}
                      {attachment.uploadedAt && (
                        <span>{formatShanghaiTime(attachment.uploadedAt)}</span>
                      )}
                      <span title={`SHA-256：${attachment.sha256}`}>
                        <Mono small>SHA-256 {attachment.sha256.slice(0, 12)}…</Mono>
                      </span>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
        {canAttach && (
          <Typography.Text type="secondary">
            可上传 PDF、Word（DOCX）、Excel（XLSX）、OFD、JPEG、PNG 或纯文本文件，每个不超过 20 MB。
          </Typography.Text>
        )}
      </Space>
    </Card>
  )
}
