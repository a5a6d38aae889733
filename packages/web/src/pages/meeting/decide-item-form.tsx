import { Button, Input, Radio, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { type AgendaDecision, type AgendaItem, decideAgendaItem } from '../../api/meetings.ts'
import type { Department } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { ADOPTING, DECISION_LABELS } from '../meetings/meeting-labels.ts'
import { TaskFields } from './task-fields.tsx'
import { useMeetingAct } from './use-meeting-act.ts'
import { Form } from '../../components/form.tsx'

interface TaskValues {
  title: string
  requirement?: string
  leadDepartmentId: string
  coDepartmentIds?: string[]
  responsiblePerson?: string
  dueDate?: Dayjs | null
}

interface Values {
  itemId: string
  decision: AgendaDecision
  text: string
  tasks?: TaskValues[]
}

const DECISION_OPTIONS = Object.entries(DECISION_LABELS).map(([value, label]) => ({
  value,
  label,
}))

/**
 * 记录决定 on an item on the agenda, by the office or the presider while the meeting sits.
 * An adopted item may set tasks; each goes into the supervision ledger at once.
 */
export function DecideItemForm({
  meetingId,
  undecided,
  departments,
  onDone,
}: {
  meetingId: string
  /** Items on the agenda still to decide, in order. */
  undecided: AgendaItem[]
  departments: Department[] | undefined
  onDone: () => void
}) {
  const [form] = Form.useForm<Values>()
  const decision = Form.useWatch('decision', form)
  const { submitting, error, act } = useMeetingAct(onDone)
  // Once an item is decided the page reloads without it, and the next one comes up.
  const pending = undecided.map((item) => item.id).join()
  useEffect(() => {
    const ids = pending.split(',')
    if (!ids.includes(form.getFieldValue('itemId'))) form.setFieldsValue({ itemId: ids[0] })
  }, [pending, form])

  function handleFinish(values: Values) {
    const tasks = ADOPTING.has(values.decision) ? (values.tasks ?? []) : []
    act(
      () =>
        decideAgendaItem(meetingId, values.itemId, {
          decision: values.decision,
          text: values.text.trim(),
          tasks: tasks.map((task) => ({
            title: task.title.trim(),
            requirement: task.requirement?.trim() || undefined,
            leadDepartmentId: task.leadDepartmentId,
            coDepartmentIds: task.coDepartmentIds?.length ? task.coDepartmentIds : undefined,
            responsiblePerson: task.responsiblePerson?.trim() || undefined,
            dueDate: task.dueDate ? task.dueDate.format('YYYY-MM-DD') : undefined,
          })),
        }),
      () => form.resetFields(['decision', 'text', 'tasks']),
      '已记录决定',
    )
  }

  return (
    <Form<Values>
      form={form}
      name="decide-item"
      layout="vertical"
      requiredMark={false}
      initialValues={{ itemId: undecided[0]?.id }}
      onFinish={handleFinish}
    >
      <Form.Item label="议题" name="itemId" rules={[{ required: true, message: '请选择议题' }]}>
        <Select
          options={undecided.map((item) => ({
            value: item.id,
            label: `${item.position}. ${item.title}`,
          }))}
        />
      </Form.Item>
      <Form.Item label="决定" name="decision" rules={[{ required: true, message: '请选择决定' }]}>
        <Radio.Group options={DECISION_OPTIONS} />
      </Form.Item>
      <Form.Item
        label="决定内容"
        name="text"
        rules={[{ required: true, whitespace: true, message: '请填写会议决定' }]}
      >
        <Input.TextArea rows={3} maxLength={5000} placeholder="如：原则同意，按会议意见修改完善" />
      </Form.Item>
      {decision && ADOPTING.has(decision) && <TaskFields departments={departments} />}
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        记录决定
      </Button>
    </Form>
  )
}
