import { Button, Input, Typography } from 'antd'
import { recordAgendaStep } from '../../api/meetings.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { titledLabel } from '../meetings/meeting-labels.ts'
import { ActModal } from './act-modal.tsx'
import { useMeetingAct } from './use-meeting-act.ts'
import { Form } from '../../components/form.tsx'

/** The posts that may record a step on one item, with their holders, as the server answers. */
export type StepRecorders = { postId: string; title: string; holders: string[] }[]

/**
 * 登记程序: records that a missing step was done. Who may is the rulebook's (the step's
 * recordedBy, resolved on the roster by the server) — the legal office its 合法性审查, the
 * submitting unit its own consultation — shown here; a refusal shows too.
 */
export function RecordStepButton({
  meetingId,
  itemId,
  code,
  label,
  recorders,
  onDone,
}: {
  meetingId: string
  itemId: string
  code: string
  label: string
  recorders: StepRecorders
  onDone: () => void
}) {
  return (
    <ActModal
      label="登记"
      title="登记程序"
      ariaLabel={`登记程序：${label}`}
      buttonProps={{ size: 'small' }}
    >
      {(close) => (
        <RecordStepForm
          meetingId={meetingId}
          itemId={itemId}
          code={code}
          label={label}
          recorders={recorders}
          onDone={() => {
            close()
            onDone()
          }}
        />
      )}
    </ActModal>
  )
}

function RecordStepForm({
  meetingId,
  itemId,
  code,
  label,
  recorders,
  onDone,
}: {
  meetingId: string
  itemId: string
  code: string
  label: string
  recorders: StepRecorders
  onDone: () => void
}) {
  const { submitting, error, act } = useMeetingAct(onDone)
  const who = recorders.map(titledLabel).join('、')
  return (
    <Form<{ note?: string }>
      name="record-step"
      layout="vertical"
      requiredMark={false}
      onFinish={({ note }) =>
        act(
          () => recordAgendaStep(meetingId, itemId, { code, note: note?.trim() || undefined }),
          undefined,
          '已登记',
        )
      }
    >
      <Typography.Paragraph>
        程序：<Typography.Text strong>{label}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {who ? `此程序由${who}登记。` : '规则规定的登记人无人在岗。'}
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item label="登记说明" name="note">
        <Input.TextArea rows={2} maxLength={500} placeholder="如：经审查，方案符合有关规定" />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        确认登记
      </Button>
    </Form>
  )
}
