import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, List, Upload } from 'antd'
import { useState } from 'react'
import { evidenceUrl, type SupervisionItemView, uploadEvidence } from '../../api/supervision.ts'
import { asApiError } from '../../api/use-load.ts'
import { formatShanghaiTime } from '../../format.ts'
import { useMe } from '../../session/session-context.ts'

const ACCEPT = '.pdf,.docx,.xlsx,.ofd,.jpg,.jpeg,.png,.txt'

/**
 * 佐证材料: the files the lead unit and co-units reported with the item, and an upload for them
 * while it is open (the server checks type and content, and keeps each file unchanged).
 */
export function EvidenceCard({ view, onDone }: { view: SupervisionItemView; onDone: () => void }) {
  const me = useMe()
  const { message } = App.useApp()
  const [uploading, setUploading] = useState(false)

  async function send(file: File) {
    setUploading(true)
    try {
      const evidence = await uploadEvidence(view.item.id, file, me.csrfToken)
      message.success(`已上传佐证材料：${evidence.name}`)
      onDone()
    } catch (error) {
      message.error(asApiError(error).message)
    } finally {
      setUploading(false)
    }
  }

  return (
    <Card
      title="佐证材料"
      role="region"
      aria-label="佐证材料"
      extra={
        view.may.attachEvidence && (
          <Upload
            accept={ACCEPT}
            maxCount={1}
            showUploadList={false}
            disabled={uploading}
            beforeUpload={(file) => {
              void send(file)
              return false
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />} loading={uploading}>
              上传佐证材料
            </Button>
          </Upload>
        )
      }
    >
      {view.evidence.length === 0 ? (
        <Empty description="暂无佐证材料" />
      ) : (
        <List
          dataSource={view.evidence}
          rowKey="id"
          renderItem={(evidence) => (
            <List.Item>
              <List.Item.Meta
                avatar={<PaperClipOutlined aria-hidden />}
                title={
                  <a href={evidenceUrl(view.item.id, evidence.id)} download={evidence.name}>
                    {evidence.name}
                  </a>
                }
                description={formatShanghaiTime(evidence.uploadedAt)}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
