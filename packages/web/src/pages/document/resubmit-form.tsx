import { Button, Input, Typography } from 'antd'
import { resubmitDocument } from '../../api/documents.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'
import { Form } from '../../components/form.tsx'

/** 重新送审: the drafter sends the withdrawn or returned draft back; 核稿 starts again. */
export function ResubmitForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const { submitting, error, act } = useAct(onDone)
  return (
    <Form<{ note?: string }>
      name="resubmit"
      layout="vertical"
      onFinish={({ note }) => act(() => resubmitDocument(documentId, note?.trim() || undefined))}
    >
      <Typography.Paragraph type="secondary">
        按意见修改正文后重新送审，核稿从第一环节重新开始。
      </Typography.Paragraph>
      <Form.Item label="送审说明" name="note">
        <Input.TextArea rows={2} maxLength={2000} placeholder="如：已按核稿意见修改" />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        重新送审
      </Button>
    </Form>
  )
}
