import { Button, Space } from 'antd'
import { closeMeeting } from '../../api/meetings.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useMeetingAct } from './use-meeting-act.ts'

/**
 * 散会, for the office: refused while an item on the agenda has no decision (暂缓 is one). The
 * minutes' period starts from it.
 */
export function CloseMeetingButton({
  meetingId,
  onDone,
}: {
  meetingId: string
  onDone: () => void
}) {
  const { submitting, error, act } = useMeetingAct(onDone)
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Button
        danger
        loading={submitting}
        onClick={() => act(() => closeMeeting(meetingId), undefined, '已散会')}
      >
        散会
      </Button>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
