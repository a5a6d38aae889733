import { Button, Input, Typography } from 'antd'
import { raiseDissent } from '../../api/meetings.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { ActModal } from './act-modal.tsx'
import { useMeetingAct } from './use-meeting-act.ts'
import { Form } from '../../components/form.tsx'

/**
 * 提出不同意见: raised with the submitting unit before the meeting, not in the meeting room
 * (钟山 第四十三条). The server refuses posts that do not take part, and the unit's own items.
 */
export function RaiseDissentButton({
  meetingId,
  itemId,
  itemTitle,
  onDone,
}: {
  meetingId: string
  itemId: string
  itemTitle: string
  onDone: () => void
}) {
  return (
    <ActModal label="提出不同意见" title="提出不同意见" buttonProps={{ size: 'small' }}>
      {(close) => (
        <DissentForm
          meetingId={meetingId}
          itemId={itemId}
          itemTitle={itemTitle}
          onDone={() => {
            close()
            onDone()
          }}
        />
      )}
    </ActModal>
  )
}

function DissentForm({
  meetingId,
  itemId,
  itemTitle,
  onDone,
}: {
  meetingId: string
  itemId: string
  itemTitle: string
  onDone: () => void
}) {
  const { submitting, error, act } = useMeetingAct(onDone)
  return (
    <Form<{ text: string }>
      name="raise-dissent"
      layout="vertical"
      requiredMark={false}
      onFinish={({ text }) =>
        act(() => raiseDissent(meetingId, itemId, text.trim()), undefined, '已提出')
      }
    >
      <Typography.Paragraph>
        议题：<Typography.Text strong>{itemTitle}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          不同意见送议题申报单位研究；不予采纳的，由办公室报会议召集人决定。
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item
        label="不同意见"
        name="text"
        rules={[{ required: true, whitespace: true, message: '请填写不同意见' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        提交不同意见
      </Button>
    </Form>
  )
}
