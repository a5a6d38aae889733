import { UploadOutlined } from '@ant-design/icons'
import { App, Button, Space, Typography, Upload } from 'antd'
import { useState } from 'react'
import { asApiError } from '../../api/use-load.ts'
import { type AgendaItem, materialUrl, uploadAgendaMaterial } from '../../api/meetings.ts'
import { useMe } from '../../session/session-context.ts'

const ACCEPT = '.pdf,.docx,.xlsx,.ofd,.jpg,.jpeg,.png,.txt'

/**
 * 会议材料 of one item: download links for everyone who reads the item, and an upload button for
 * the unit that put it forward until the meeting opens (the server checks type and content).
 */
export function AgendaMaterials({
  meetingId,
  item,
  mayUpload,
  onChanged,
}: {
  meetingId: string
  item: AgendaItem
  mayUpload: boolean
  onChanged: () => void
}) {
  const me = useMe()
  const { message } = App.useApp()
  const [uploading, setUploading] = useState(false)

  async function send(file: File) {
    setUploading(true)
    try {
      const material = await uploadAgendaMaterial(meetingId, item.id, file, me.csrfToken)
      message.success(`已上传会议材料：${material.name}`)
      onChanged()
    } catch (error) {
      message.error(asApiError(error).message)
    } finally {
      setUploading(false)
    }
  }

  return (
    <Space orientation="vertical" size={4}>
      {item.materials.length === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <ul aria-label="会议材料" style={{ margin: 0, paddingInlineStart: 18 }}>
          {item.materials.map((material) => (
            <li key={material.id}>
              <a href={materialUrl(meetingId, item.id, material.id)} download={material.name}>
                {material.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      {mayUpload && (
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
          <Button size="small" icon={<UploadOutlined aria-hidden />} loading={uploading}>
            上传材料
          </Button>
        </Upload>
      )}
    </Space>
  )
}
