import { Button, Input, Typography } from 'antd'
import { requestLeave } from '../../api/meetings.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useMeetingAct } from './use-meeting-act.ts'
import { Form } from '../../components/form.tsx'

interface Values {
  reason: string
  substitute?: string
}

/**
 * 请假 for the current post, to the post the rulebook names (会议召集人, 钟山 第四十七条). Whether a
 * substitute (代会人员) must be named depends on the post; the server says so, with the article.
 */
export function LeaveForm({ meetingId, onDone }: { meetingId: string; onDone: () => void }) {
  const { submitting, error, act } = useMeetingAct(onDone)
  return (
    <Form<Values>
      name="meeting-leave"
      layout="vertical"
      requiredMark={false}
      onFinish={({ reason, substitute }) =>
        act(
          () =>
            requestLeave(meetingId, {
              reason: reason.trim(),
              substitute: substitute?.trim() || undefined,
            }),
          undefined,
          '已请假，待审批',
        )
      }
    >
      <Typography.Title level={5}>本人请假</Typography.Title>
      <Form.Item
        label="请假事由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写请假事由' }]}
      >
        <Input maxLength={500} placeholder="如：赴省参加培训" />
      </Form.Item>
      <Form.Item
        label="代会人员"
        name="substitute"
        extra="按工作规则须明确代会人员的，请填写姓名及职务。"
      >
        <Input maxLength={64} placeholder="如：区教育局副局长 何平" />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button htmlType="submit" loading={submitting}>
        提交请假
      </Button>
    </Form>
  )
}
