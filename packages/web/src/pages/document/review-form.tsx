import { Button, Form, Input } from 'antd'
import { reviewDocument } from '../../api/documents.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

interface Values {
  opinion: string
}

/** 核稿: the post at this step of the plan signs off the draft; the server opens the next step. */
export function ReviewForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const { submitting, error, act } = useAct(onDone)

  return (
    <Form<Values>
      name="review"
      layout="vertical"
      requiredMark={false}
      onFinish={({ opinion }) => act(() => reviewDocument(documentId, opinion.trim()))}
    >
      <Form.Item
        label="核稿意见"
        name="opinion"
        rules={[{ required: true, whitespace: true, message: '请填写核稿意见' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} placeholder="如：同意" />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        核稿签字
      </Button>
    </Form>
  )
}
