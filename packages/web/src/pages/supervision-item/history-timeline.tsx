import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd'
import type { SupervisionEvent } from '../../api/supervision.ts'
import type { Citation } from '../../api/types.ts'
import { RuleBasis, RuleIdSwitch } from '../../components/rule-basis.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { supervisionActionLabel } from '../supervision/supervision-labels.ts'

const COLORS: Record<string, string> = {
  create: 'blue',
  close: 'green',
  grantExtension: 'green',
  refuseExtension: 'red',
  returnClosure: 'red',
  remind: 'orange',
  overdue: 'red',
  circulated: 'red',
}

/** 催办, 逾期 and 通报 are what the ledger is for: they carry a tag as well as a colour. */
const MARKS: Record<string, { color: string; label: string }> = {
  remind: { color: 'orange', label: '催办' },
  overdue: { color: 'red', label: '逾期' },
  circulated: { color: 'volcano', label: '通报' },
}

/** 办理记录: every act on the item, oldest first, with the articles it rests on. */
export function HistoryTimeline({
  events,
  citations,
}: {
  events: SupervisionEvent[]
  citations: Citation[]
}) {
  return (
    <Card title="办理记录" extra={<RuleIdSwitch />}>
      {events.length === 0 ? (
        <Empty description="尚无办理记录" />
      ) : (
        <Timeline
          items={events.map((event, index) => ({
            key: `${event.occurredAt}:${index}`,
            color: COLORS[event.action] ?? 'blue',
            content: <HistoryEntry event={event} citations={citations} />,
          }))}
        />
      )}
    </Card>
  )
}

function HistoryEntry({ event, citations }: { event: SupervisionEvent; citations: Citation[] }) {
  const mark = MARKS[event.action]
  return (
    <Space orientation="vertical" size={2}>
      <Space size="middle" wrap>
        {mark && <Tag color={mark.color}>{mark.label}</Tag>}
        <Typography.Text strong>{supervisionActionLabel(event.action)}</Typography.Text>
        <Typography.Text>{event.actorTitle ?? '系统'}</Typography.Text>
        <Typography.Text type="secondary">{formatShanghaiTime(event.occurredAt)}</Typography.Text>
      </Space>
      {event.text && (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{event.text}</Typography.Text>
      )}
      <RuleBasis ruleIds={event.ruleIds} citations={citations} />
    </Space>
  )
}
