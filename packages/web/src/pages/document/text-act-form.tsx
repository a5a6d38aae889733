import { Button, Input } from 'antd'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'
import { Form } from '../../components/form.tsx'

/**
 * An act that takes one required text (核稿意见, 办理结果…) and a button: the text is trimmed
 * and sent; a refusal shows under the field with its articles.
 */
export function TextActForm({
  name,
  label,
  maxLength,
  placeholder,
  submitLabel,
  send,
  onDone,
}: {
  name: string
  label: string
  maxLength: number
  placeholder?: string
  submitLabel: string
  send: (text: string) => Promise<unknown>
  onDone: () => void
}) {
  const { submitting, error, act } = useAct(onDone)

  return (
    <Form<{ text: string }>
      name={name}
      layout="vertical"
      requiredMark={false}
      onFinish={({ text }) => act(() => send(text.trim()))}
    >
      <Form.Item
        label={label}
        name="text"
        rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}
      >
        <Input.TextArea rows={3} maxLength={maxLength} placeholder={placeholder} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {submitLabel}
      </Button>
    </Form>
  )
}
