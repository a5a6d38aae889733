import { Button, Input, Select } from 'antd'
import { reportSupervisionProgress, type SupervisionItem } from '../../api/supervision.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useItemAct } from './use-item-act.ts'
import { Form } from '../../components/form.tsx'

interface Values {
  text: string
  milestoneIndex?: number
}

/** 报送进展 by the lead unit or a co-unit; a report may mark one milestone done today. */
export function ProgressForm({ item, onDone }: { item: SupervisionItem; onDone: () => void }) {
  const { submitting, error, act } = useItemAct(onDone)
  const open = item.milestones.flatMap((m, index) =>
    m.doneOn ? [] : [{ value: index, label: `${index + 1}. ${m.title}（${m.dueDate}）` }],
  )

  return (
    <Form<Values>
      name="supervision-progress"
      layout="vertical"
      requiredMark={false}
      onFinish={({ text, milestoneIndex }) =>
        act(
          () => reportSupervisionProgress(item.id, { text: text.trim(), milestoneIndex }),
          '已报送进展',
        )
      }
    >
      <Form.Item
        label="进展情况"
        name="text"
        rules={[{ required: true, whitespace: true, message: '请填写进展情况' }]}
      >
        <Input.TextArea rows={3} maxLength={5000} placeholder="已开展的工作、取得的进展" />
      </Form.Item>
      {open.length > 0 && (
        <Form.Item
          label="完成的时间节点"
          name="milestoneIndex"
          extra="可选。选中的节点记为今日完成。"
        >
          <Select allowClear placeholder="本次未完成时间节点" options={open} />
        </Form.Item>
      )}
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        报送进展
      </Button>
    </Form>
  )
}
