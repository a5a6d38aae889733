import { Button, Input, Space } from 'antd'
import { SubmitError } from '../../components/submit-error.tsx'
import { useItemAct } from './use-item-act.ts'
import { Form } from '../../components/form.tsx'

/**
 * A yes-or-no decision of the supervision office with an opinion: 审核延期 and 办结审核. The
 * opinion is optional for yes; `reasonRequired` makes it required for no (退回须说明理由).
 */
export function DecisionForm({
  name,
  label,
  approveLabel,
  refuseLabel,
  reasonRequired,
  send,
  onDone,
}: {
  name: string
  label: string
  approveLabel: string
  refuseLabel: string
  reasonRequired: boolean
  send: (decision: { approve: boolean; text?: string }) => Promise<unknown>
  onDone: () => void
}) {
  const [form] = Form.useForm<{ text?: string }>()
  const { submitting, error, act } = useItemAct(onDone)

  function decide(approve: boolean) {
    const text = form.getFieldValue('text')?.trim() || undefined
    if (!approve && reasonRequired && !text) {
      form.setFields([{ name: 'text', errors: [`${refuseLabel}须说明理由`] }])
      return
    }
    form.setFields([{ name: 'text', errors: [] }])
    act(() => send({ approve, text }), approve ? `已${approveLabel}` : `已${refuseLabel}`)
  }

  return (
    <Form<{ text?: string }> form={form} name={name} layout="vertical" requiredMark={false}>
      <Form.Item
        label={label}
        name="text"
        extra={reasonRequired ? `${refuseLabel}时须填写理由。` : '可选。'}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" loading={submitting} onClick={() => decide(true)}>
          {approveLabel}
        </Button>
        <Button danger disabled={submitting} onClick={() => decide(false)}>
          {refuseLabel}
        </Button>
      </Space>
    </Form>
  )
}
