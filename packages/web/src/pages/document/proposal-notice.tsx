import { Alert, Space, Typography } from 'antd'
import type { DocumentEvent } from '../../api/types.ts'
import { formatShanghaiTime } from '../../format.ts'

/**
 * The office's 拟办意见, shown where the leader writes his 批示: what was proposed, by whom,
 * when, and to whom it was sent for instruction.
 */
export function ProposalNotice({ events }: { events: DocumentEvent[] }) {
  const proposals = events.filter((event) => event.action === 'propose')
  if (proposals.length === 0) return null
  return (
    <Alert
      type="info"
      title="拟办意见"
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {proposals.map((event) => {
            const routed = Array.isArray(event.details.routedTo)
              ? event.details.routedTo.filter((item) => typeof item === 'string')
              : []
            return (
              <div key={event.occurredAt}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {event.opinion}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {event.actor ?? ''} {formatShanghaiTime(event.occurredAt)}
                  {routed.length > 0 ? ` · 呈${routed.join('、')}批示` : ''}
                </Typography.Text>
              </div>
            )
          })}
        </Space>
      }
    />
  )
}
