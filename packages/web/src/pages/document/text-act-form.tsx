import { Button, Input } from 'antd'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'
import { Form } from '../../components/form.tsx'
import { PhrasePicker, withPhrase } from './phrase-picker.tsx'

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
  phrases = false,
}: {
  name: string
  label: string
  maxLength: number
  placeholder?: string
  submitLabel: string
  send: (text: string) => Promise<unknown>
  onDone: () => void
  /** Offer the person's 常用批示语 under the field (核稿意见). */
  phrases?: boolean
}) {
  const { submitting, error, act } = useAct(onDone)
  const [form] = Form.useForm<{ text: string }>()

  return (
    <Form<{ text: string }>
      form={form}
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
      {phrases && (
        <Form.Item>
          <PhrasePicker
            onPick={(phrase) =>
              form.setFieldValue('text', withPhrase(form.getFieldValue('text'), phrase))
            }
          />
        </Form.Item>
      )}
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
