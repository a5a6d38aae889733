import { Button, Card, Descriptions, Space, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { draftMinutes, type MeetingView } from '../../api/meetings.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { documentStateLabel } from '../../labels.ts'
import { useMeetingAct } from './use-meeting-act.ts'

/**
 * 会议纪要, once the meeting has closed: its time limit where the rulebook sets one, 起草纪要 for
 * the office, then the document itself, reviewed, signed, numbered and issued on its own page.
 */
export function MinutesCard({ view, onChanged }: { view: MeetingView; onChanged: () => void }) {
  const { meeting, minutes, may } = view
  const { submitting, error, act } = useMeetingAct(onChanged)
  const due = minutes?.dueDate ?? meeting.minutesDue

  return (
    <Card title="会议纪要" role="region" aria-label="会议纪要">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {due ? (
          <Typography.Text strong>纪要应于 {due} 前印发</Typography.Text>
        ) : (
          <Typography.Text type="secondary">工作规则未规定本会议纪要的印发时限。</Typography.Text>
        )}
        {minutes && (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'state', label: '纪要状态', children: documentStateLabel(minutes.state) },
              { key: 'number', label: '文号', children: minutes.documentNumber ?? '尚未编号' },
            ]}
          />
        )}
        {minutes && <Link to={`/documents/${minutes.documentId}`}>查看纪要</Link>}
        {!minutes && meeting.minutesDocumentId && (
          <Typography.Text type="secondary">纪要已起草，您无权查看。</Typography.Text>
        )}
        {!meeting.minutesDocumentId && may.organise && (
          <Button
            type="primary"
            loading={submitting}
            onClick={() =>
              act(() => draftMinutes(meeting.id), undefined, '纪要已起草，请按程序送审')
            }
          >
            起草纪要
          </Button>
        )}
        {error && <SubmitError error={error} />}
      </Space>
    </Card>
  )
}
