import { Button, Form, Input } from 'antd'
import { completeHandling } from '../../api/documents.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

interface Values {
  result: string
}

/** 办结 by a handling unit; when the last unit is done the result goes back to the sender. */
export function CompleteForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const { submitting, error, act } = useAct(onDone)

  return (
    <Form<Values>
      name="complete"
      layout="vertical"
      requiredMark={false}
      onFinish={({ result }) => act(() => completeHandling(documentId, result.trim()))}
    >
      <Form.Item
        label="办理结果"
        name="result"
        rules={[{ required: true, whitespace: true, message: '请填写办理结果' }]}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        办结
      </Button>
    </Form>
  )
}
