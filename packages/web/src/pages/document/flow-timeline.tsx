import { Card, Space, Timeline, Typography } from 'antd'
import type { Citation, DocumentEvent } from '../../api/types.ts'
import { formatShanghaiTime } from '../../format.ts'
import { documentActionLabel } from '../../labels.ts'
import { detailLinesOf } from './event-details.ts'

const COLORS: Record<string, string> = {
  return: 'red',
  close: 'green',
  countersignDisagree: 'red',
  returnForRevision: 'red',
  withdraw: 'gray',
  void: 'gray',
  sign: 'green',
  archive: 'gray',
}

export function FlowTimeline({
  events,
  citations,
  departmentNames,
}: {
  events: DocumentEvent[]
  citations: Citation[]
  departmentNames: ReadonlyMap<string, string>
}) {
  const articles = new Map(citations.map((c) => [c.ruleId, `${c.source}${c.article}`]))
  return (
    <Card title="流转记录">
      <Timeline
        items={events.map((event, index) => ({
          key: `${event.occurredAt}:${index}`,
          color: COLORS[event.action] ?? 'blue',
          content: (
            <FlowEvent
              event={event}
              details={detailLinesOf(event, departmentNames)}
              // Several rules may rest on one article; it is named once.
              articles={[...new Set(event.ruleIds.flatMap((id) => articles.get(id) ?? []))]}
            />
          ),
        }))}
      />
    </Card>
  )
}

function FlowEvent({
  event,
  details,
  articles,
}: {
  event: DocumentEvent
  details: string[]
  articles: string[]
}) {
  return (
    <Space orientation="vertical" size={2}>
      <Space size="middle" wrap>
        <Typography.Text strong>{documentActionLabel(event.action)}</Typography.Text>
        <Typography.Text>{event.actor ?? '系统'}</Typography.Text>
        <Typography.Text type="secondary">{formatShanghaiTime(event.occurredAt)}</Typography.Text>
      </Space>
      {event.opinion && (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{event.opinion}</Typography.Text>
      )}
      {details.map((line) => (
        <Typography.Text key={line} type="secondary">
          {line}
        </Typography.Text>
      ))}
      {articles.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          依据：{articles.join('；')}
        </Typography.Text>
      )}
    </Space>
  )
}
