import { Button, Input, Radio, Typography } from 'antd'
import { replyCountersign } from '../../api/documents.ts'
import type { DocumentTask } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'
import { Form } from '../../components/form.tsx'

interface Values {
  agree: boolean
  opinion?: string
}

const OPTIONS = [
  { value: true, label: '同意' },
  { value: false, label: '有不同意见' },
]

/** 会签 for the unit: agree, or disagree with reasons (the server refuses a bare disagreement). */
export function CountersignForm({
  documentId,
  task,
  onDone,
}: {
  documentId: string
  task: DocumentTask
  onDone: () => void
}) {
  const { submitting, error, act } = useAct(onDone)

  return (
    <Form<Values>
      name="countersign"
      layout="vertical"
      requiredMark={false}
      initialValues={{ agree: true }}
      onFinish={({ agree, opinion }) =>
        act(() => replyCountersign(documentId, { agree, opinion: opinion?.trim() || undefined }))
      }
    >
      {task.dueDate && (
        <Typography.Paragraph type="secondary">
          请于 {task.dueDate} 前回复；逾期未回复的，按规则库的规定处理。
        </Typography.Paragraph>
      )}
      <Form.Item label="会签意见" name="agree">
        <Radio.Group options={OPTIONS} />
      </Form.Item>
      <Form.Item
        noStyle
        shouldUpdate={(previous: Values, next: Values) => previous.agree !== next.agree}
      >
        {({ getFieldValue }) => (
          <Form.Item
            label="意见说明"
            name="opinion"
            rules={[
              {
                required: getFieldValue('agree') === false,
                whitespace: true,
                message: '有不同意见的，请写明理由',
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        会签
      </Button>
    </Form>
  )
}
