import { EditOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Collapse, Input, Modal, Space, Typography } from 'antd'
import { useState } from 'react'
import { fetchBodyVersions, reviseDocumentBody } from '../../api/documents.ts'
import type { DocumentView } from '../../api/types.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { LoadError } from '../../components/load-error.tsx'
import { Mono } from '../../components/mono.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { useMe } from '../../session/session-context.ts'
import { mayRevise } from './file-rights.ts'
import { lastFontNotice, PdfDownloadButton } from './pdf-download-button.tsx'
import { Form } from '../../components/form.tsx'
import { LIMITS } from '../../limits.ts'

/**
 * 正文版本: every saved text, newest first, each readable in full. While an outgoing draft is
 * under review the drafting post or the post whose 核稿 is due may 修改正文 (a new version);
 * from 签发 on the text is fixed. An outgoing document also offers its PDF here.
 */
export function BodyVersionsCard({
  view,
  onChanged,
}: {
  view: DocumentView
  onChanged: () => void
}) {
  const me = useMe()
  const { document } = view
  // Keyed by the document's last change, so a revision (or any act) reloads the list.
  const versions = useLoad(`versions:${document.id}:${document.updatedAt}`, (signal) =>
    fetchBodyVersions(document.id, signal),
  )
  const [revising, setRevising] = useState(false)
  const [fontNotice, setFontNotice] = useState<string | null>(lastFontNotice)
  const canRevise = mayRevise(view, me)

  return (
    <Card
      title="正文版本"
      extra={
        <Space size="small">
          {canRevise && (
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setRevising(true)}>
              修改正文
            </Button>
          )}
          {document.direction === 'outgoing' && (
            <PdfDownloadButton
              documentId={document.id}
              fileName={document.documentNumber ?? document.title}
              onFontNotice={setFontNotice}
            />
          )}
        </Space>
      }
    >
      {fontNotice && (
        <Alert type="info" showIcon role="note" style={{ marginBottom: 12 }} message={fontNotice} />
      )}
      {versions.error && <LoadError error={versions.error} onRetry={versions.reload} />}
      {versions.data && (
        <Collapse
          size="small"
          items={[...versions.data].reverse().map((version) => ({
            key: String(version.version),
            label: (
              <Space size="small" wrap>
                <Typography.Text strong>第 {version.version} 版</Typography.Text>
                <span>{version.title}</span>
                <Typography.Text type="secondary">
                  {version.savedBy ?? '—'} · {formatShanghaiTime(version.savedAt)}
                </Typography.Text>
              </Space>
            ),
            children: (
              <Space orientation="vertical" size="small" style={{ width: '100%' }}>
                {version.body ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                    {version.body}
                  </Typography.Paragraph>
                ) : (
                  <Typography.Text type="secondary">（无正文）</Typography.Text>
                )}
                <span title={`SHA-256：${version.sha256}`}>
                  <Mono small>SHA-256 {version.sha256.slice(0, 16)}…</Mono>
                </span>
              </Space>
            ),
          }))}
        />
      )}
      {revising && (
        <ReviseModal
          view={view}
          onClose={() => setRevising(false)}
          onRevised={() => {
            setRevising(false)
            onChanged()
          }}
        />
      )}
    </Card>
  )
}

interface Values {
  title: string
  body: string
}

function ReviseModal({
  view,
  onClose,
  onRevised,
}: {
  view: DocumentView
  onClose: () => void
  onRevised: () => void
}) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()

  function handleFinish(values: Values) {
    void submit(async () => {
      const { version } = await reviseDocumentBody(view.document.id, values)
      message.success(`已保存为第 ${version.version} 版`)
      onRevised()
    })
  }

  return (
    <Modal
      open
      width={720}
      title="修改正文"
      okText="保存为新版本"
      okButtonProps={{ htmlType: 'submit' }}
      confirmLoading={submitting}
      onCancel={onClose}
      modalRender={(dialog) => (
        <Form<Values>
          form={form}
          name="revise-body"
          layout="vertical"
          requiredMark={false}
          initialValues={{ title: view.document.title, body: view.document.body }}
          onFinish={handleFinish}
        >
          {dialog}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        修改后保存为新的正文版本，以前的版本仍可查阅。签发后正文定稿，不能再修改。
      </Typography.Paragraph>
      <Form.Item
        label="标题"
        name="title"
        rules={[
          { required: true, whitespace: true, message: '请填写标题' },
          { max: LIMITS.title, message: `标题不超过 ${LIMITS.title} 字` },
        ]}
      >
        <Input maxLength={LIMITS.title} showCount />
      </Form.Item>
      <Form.Item
        label="正文"
        name="body"
        rules={[{ max: LIMITS.body, message: `正文不超过 ${LIMITS.body} 字` }]}
      >
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={LIMITS.body} showCount />
      </Form.Item>
      {error && <SubmitError error={error} />}
    </Modal>
  )
}
