import { Button, Select, Typography } from 'antd'
import { type AgendaItem, approveAgenda } from '../../api/meetings.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useMeetingAct } from './use-meeting-act.ts'
import { Form } from '../../components/form.tsx'

/**
 * 审定议题: the post the rulebook names (区长审定, 钟山 第四十五条) puts items on the agenda in
 * the order chosen. Items the rulebook admits are chosen to begin with; one it holds back makes
 * the server refuse the lot, naming the item and the article.
 */
export function ApproveAgendaForm({
  meetingId,
  pending,
  onDone,
}: {
  meetingId: string
  /** Items submitted and not yet on the agenda, in their order of submission. */
  pending: AgendaItem[]
  onDone: () => void
}) {
  const { submitting, error, act } = useMeetingAct(onDone)
  const admitted = pending.filter((item) => item.gate.admitted).map((item) => item.id)

  return (
    <Form<{ itemIds: string[] }>
      // Remounted when the pending items change, so the initial choice follows them.
      key={pending.map((item) => item.id).join()}
      name="approve-agenda"
      layout="vertical"
      requiredMark={false}
      initialValues={{ itemIds: admitted }}
      onFinish={({ itemIds }) => act(() => approveAgenda(meetingId, itemIds), undefined, '已审定')}
    >
      <Typography.Title level={5}>审定议题</Typography.Title>
      <Form.Item
        label="列入议程的议题"
        name="itemIds"
        extra="按上会顺序选择；所选议题须均符合准入条件，否则一个也不列入。"
        rules={[{ required: true, message: '请选择议题' }]}
      >
        <Select
          mode="multiple"
          placeholder="选择议题"
          options={pending.map((item) => ({
            value: item.id,
            label: `${item.position}. ${item.title}${item.gate.admitted ? '' : '（暂不能列入）'}`,
          }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        审定
      </Button>
    </Form>
  )
}
