import { Button, DatePicker, Input } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { requestSupervisionExtension, type SupervisionItem } from '../../api/supervision.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useItemAct } from './use-item-act.ts'
import { Form } from '../../components/form.tsx'
import { DATE_FORMAT } from '../../format.ts'

interface Values {
  requestedDue: Dayjs
  reason: string
}

/**
 * 申请延期 by the lead unit: a later date and the reasons in writing (如有特殊情况不能按时办结的，
 * 应及时书面说明原因, 木里 第八十一条（二）); the server wants at least ten characters.
 */
export function ExtensionForm({ item, onDone }: { item: SupervisionItem; onDone: () => void }) {
  const { submitting, error, act } = useItemAct(onDone)

  return (
    <Form<Values>
      name="supervision-extension"
      layout="vertical"
      requiredMark={false}
      onFinish={({ requestedDue, reason }) =>
        act(
          () =>
            requestSupervisionExtension(item.id, {
              requestedDue: requestedDue.format(DATE_FORMAT),
              reason: reason.trim(),
            }),
          '已提交延期申请',
        )
      }
    >
      <Form.Item
        label="申请延至"
        name="requestedDue"
        extra={`现办理时限 ${item.dueDate}，申请的日期应晚于此日。`}
        rules={[{ required: true, message: '请选择申请延至的日期' }]}
      >
        <DatePicker
          format={DATE_FORMAT}
          disabledDate={(date) => !date.isAfter(dayjs(item.dueDate), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item
        label="延期理由"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请书面说明不能按时办结的原因' },
          {
            validator: (_, value: string | undefined) =>
              (value ?? '').trim().length >= 10
                ? Promise.resolve()
                : Promise.reject(new Error('延期理由不少于10个字')),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} placeholder="书面说明不能按时办结的原因" />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button htmlType="submit" loading={submitting}>
        申请延期
      </Button>
    </Form>
  )
}
