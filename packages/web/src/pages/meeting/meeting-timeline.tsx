import { Card, Empty, Space, Timeline, Typography } from 'antd'
import type { MeetingEvent, MeetingView } from '../../api/meetings.ts'
import type { Citation } from '../../api/types.ts'
import { RuleBasis, RuleIdSwitch } from '../../components/rule-basis.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { meetingEventLabel, titledLabel } from '../meetings/meeting-labels.ts'

const COLORS: Record<string, string> = {
  approveAgenda: 'green',
  approveLeave: 'green',
  refuseLeave: 'red',
  reportDissentToConvener: 'orange',
  open: 'green',
  close: 'gray',
}

/**
 * 会议记录: every act on the meeting, who did it in which post, and the rules it followed. The
 * meeting view carries the articles of the gates and the quorum; a rule outside them shows its
 * id, so nothing is left out.
 */
export function MeetingTimeline({ view }: { view: MeetingView }) {
  const citations = [
    ...view.agenda.flatMap((item) => item.gate.citations),
    ...view.quorum.citations,
  ]
  const itemTitles = new Map(view.agenda.map((item) => [item.id, item.title]))

  return (
    <Card title="会议记录" role="region" aria-label="会议记录" extra={<RuleIdSwitch />}>
      {view.events.length === 0 ? (
        <Empty description="尚无记录" />
      ) : (
        <Timeline
          items={view.events.map((event, index) => ({
            key: `${event.occurredAt}:${index}`,
            color: COLORS[event.action] ?? 'blue',
            content: (
              <MeetingEventLine
                event={event}
                itemTitle={event.agendaItemId ? itemTitles.get(event.agendaItemId) : undefined}
                citations={citations}
              />
            ),
          }))}
        />
      )}
    </Card>
  )
}

function MeetingEventLine({
  event,
  itemTitle,
  citations,
}: {
  event: MeetingEvent
  itemTitle: string | undefined
  citations: Citation[]
}) {
  return (
    <Space orientation="vertical" size={2}>
      <Space size="middle" wrap>
        <Typography.Text strong>{meetingEventLabel(event.action)}</Typography.Text>
        <Typography.Text>{event.actor.title ? titledLabel(event.actor) : '系统'}</Typography.Text>
        <Typography.Text type="secondary">{formatShanghaiTime(event.occurredAt)}</Typography.Text>
      </Space>
      {itemTitle && <Typography.Text type="secondary">议题：{itemTitle}</Typography.Text>}
      {event.text && event.text !== itemTitle && (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{event.text}</Typography.Text>
      )}
      <RuleBasis ruleIds={event.ruleIds} citations={citations} />
    </Space>
  )
}
