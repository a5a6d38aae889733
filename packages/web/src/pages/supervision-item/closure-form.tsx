import { Button, Input } from 'antd'
import { requestSupervisionClosure } from '../../api/supervision.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useItemAct } from './use-item-act.ts'
import { Form } from '../../components/form.tsx'

/**
 * 报办结 by the lead unit, with its written report (承办单位应按期办结并做好书面报告); the item
 * stays open until the supervision office reviews it, and is judged late or not on this day.
 */
export function ClosureForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { submitting, error, act } = useItemAct(onDone)

  return (
    <Form<{ report: string }>
      name="supervision-closure"
      layout="vertical"
      requiredMark={false}
      onFinish={({ report }) =>
        act(() => requestSupervisionClosure(itemId, report.trim()), '已报办结，待督查部门审核')
      }
    >
      <Form.Item
        label="办结报告"
        name="report"
        rules={[{ required: true, whitespace: true, message: '请填写办结报告' }]}
      >
        <Input.TextArea rows={4} maxLength={5000} placeholder="办理过程、结果及成效" />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        报办结
      </Button>
    </Form>
  )
}
