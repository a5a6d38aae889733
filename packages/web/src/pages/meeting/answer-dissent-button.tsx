import { Button, Input, Radio, Typography } from 'antd'
import { type AgendaDissent, answerDissent } from '../../api/meetings.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { ActModal } from './act-modal.tsx'
import { useMeetingAct } from './use-meeting-act.ts'
import { Form } from '../../components/form.tsx'

interface Values {
  adopted: boolean
  text: string
}

/** 答复: the submitting unit studies a dissent; one it does not adopt goes on to the convener. */
export function AnswerDissentButton({
  meetingId,
  dissent,
  onDone,
}: {
  meetingId: string
  dissent: AgendaDissent
  onDone: () => void
}) {
  return (
    <ActModal label="答复" title="答复不同意见" buttonProps={{ size: 'small' }}>
      {(close) => (
        <AnswerForm
          meetingId={meetingId}
          dissent={dissent}
          onDone={() => {
            close()
            onDone()
          }}
        />
      )}
    </ActModal>
  )
}

function AnswerForm({
  meetingId,
  dissent,
  onDone,
}: {
  meetingId: string
  dissent: AgendaDissent
  onDone: () => void
}) {
  const { submitting, error, act } = useMeetingAct(onDone)
  return (
    <Form<Values>
      name="answer-dissent"
      layout="vertical"
      requiredMark={false}
      onFinish={({ adopted, text }) =>
        act(() => answerDissent(meetingId, dissent.id, { adopted, text: text.trim() }))
      }
    >
      <Typography.Paragraph>
        {dissent.raisedBy.title}：{dissent.text}
      </Typography.Paragraph>
      <Form.Item
        label="研究结果"
        name="adopted"
        rules={[{ required: true, message: '请选择是否采纳' }]}
      >
        <Radio.Group
          options={[
            { value: true, label: '采纳' },
            { value: false, label: '不予采纳（报会议召集人决定）' },
          ]}
        />
      </Form.Item>
      <Form.Item
        label="答复内容"
        name="text"
        rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        提交答复
      </Button>
    </Form>
  )
}
