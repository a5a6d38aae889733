import { App, Button, Card, DatePicker, Input, Space } from 'antd'
import type { Dayjs } from 'dayjs'
import { issueSupervisionCircular } from '../../api/supervision.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { Form } from '../../components/form.tsx'
import { LIMITS } from '../../limits.ts'
import { DATE_FORMAT } from '../../format.ts'

interface Values {
  period: [Dayjs, Dayjs]
  title?: string
}

/**
 * 发布通报 (督查部门): each unit's items closed on time, closed late, and overdue at the end of
 * the period (定期或不定期通报, 木里 第八十一条（三）). Every overdue item named records it.
 */
export function CircularForm({
  onIssued,
  onCancel,
}: {
  onIssued: () => void
  onCancel: () => void
}) {
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()

  function handleFinish({ period, title }: Values) {
    void submit(async () => {
      const circular = await issueSupervisionCircular({
        from: period[0].format(DATE_FORMAT),
        to: period[1].format(DATE_FORMAT),
        title: title?.trim() || undefined,
      })
      message.success(`已发布《${circular.title}》`)
      onIssued()
    })
  }

  return (
    <Card title="发布通报">
      <Form<Values> name="supervision-circular" layout="vertical" onFinish={handleFinish}>
        <Form.Item
          label="通报期间"
          name="period"
          extra="统计期间内办结的事项，以及截至期末（或今天）超过办理时限仍未办结的事项。"
          rules={[{ required: true, message: '请选择通报期间' }]}
        >
          <DatePicker.RangePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="通报标题" name="title" extra="不填则为“督查事项办理情况通报（起至止）”。">
          <Input maxLength={LIMITS.title} showCount placeholder="督查事项办理情况通报" />
        </Form.Item>
        {error && (
          <Form.Item>
            <SubmitError error={error} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting}>
            发布
          </Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Form>
    </Card>
  )
}
