import { Card, Divider, Empty, Space, Tag, Typography } from 'antd'
import type { MeetingView } from '../../api/meetings.ts'
import type { Department } from '../../api/types.ts'
import { DECISION_LABELS } from '../meetings/meeting-labels.ts'
import { CloseMeetingButton } from './close-meeting-button.tsx'
import { DecideItemForm } from './decide-item-form.tsx'
import { OpenedSupervisionList } from './opened-supervision.tsx'

/**
 * 会议决定: once the meeting sits, a decision for each item on the agenda, recorded by the office
 * or the presider; then 散会. Under each decision, the 督办事项 it opened in the supervision ledger.
 */
export function DecisionsCard({
  view,
  currentPostId,
  departments,
  onChanged,
}: {
  view: MeetingView
  currentPostId: string | null
  departments: Department[] | undefined
  onChanged: () => void
}) {
  const { meeting, may } = view
  const onAgenda = view.agenda.filter(
    (item) => item.state === 'approved' || item.state === 'decided',
  )
  const undecided = onAgenda.filter((item) => item.state === 'approved')
  const decided = onAgenda.filter((item) => item.state === 'decided')
  const sitting = meeting.state === 'open'
  const records = sitting && (may.organise || currentPostId === meeting.presiderPostId)

  return (
    <Card
      title="会议决定"
      role="region"
      aria-label="会议决定"
      extra={
        sitting && may.organise && <CloseMeetingButton meetingId={meeting.id} onDone={onChanged} />
      }
    >
      {decided.length === 0 && !records && <Empty description="尚无会议决定" />}
      {decided.length > 0 && (
        <ol aria-label="已作出的决定" style={{ margin: 0, paddingInlineStart: 20 }}>
          {decided.map((item) => (
            <li key={item.id} style={{ marginBottom: 12 }}>
              <Space orientation="vertical" size={2}>
                <Space wrap>
                  <Typography.Text strong>{item.title}</Typography.Text>
                  {item.decision && (
                    <Tag color={item.decision === 'rejected' ? 'red' : 'green'}>
                      {DECISION_LABELS[item.decision]}
                    </Tag>
                  )}
                </Space>
                <span style={{ whiteSpace: 'pre-wrap' }}>{item.decisionText}</span>
                <OpenedSupervisionList
                  items={view.followUps.filter((followUp) => followUp.agendaItemId === item.id)}
                />
              </Space>
            </li>
          ))}
        </ol>
      )}
      {records && undecided.length > 0 && (
        <>
          {decided.length > 0 && <Divider />}
          <DecideItemForm
            meetingId={meeting.id}
            undecided={undecided}
            departments={departments}
            onDone={onChanged}
          />
        </>
      )}
      {records && undecided.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          议程上的议题均已作出决定，可以散会。
        </Typography.Paragraph>
      )}
    </Card>
  )
}
