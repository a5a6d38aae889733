import { List, Typography } from 'antd'
import type { ActingSpan } from '../../api/absences.ts'
import { RuleBasis } from '../../components/rule-basis.tsx'
import { formatDateRange } from '../../format.ts'

/**
 * 代行职责 while the traveller is away: who acts for which post on which days, each line with the
 * article that names the acting post ("代行区长职责 — 第六条").
 */
export function ActingSpans({ spans, empty }: { spans: ActingSpan[]; empty: string }) {
  if (spans.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>
  return (
    <List
      size="small"
      split={false}
      dataSource={spans}
      renderItem={(span) => {
        const who = `${span.actingPostTitle}${span.actingHolders.join('、')}`
        return (
          <List.Item style={{ paddingInline: 0 }}>
            <div>
              {span.gap ? (
                <Typography.Text type="danger">
                  {formatDateRange(span.from, span.to)}：{span.postTitle}
                  无人代行，须由办公室报请明确
                </Typography.Text>
              ) : (
                <Typography.Text>
                  {formatDateRange(span.from, span.to)}：{who}
                  {span.note}
                </Typography.Text>
              )}
              <div>
                <RuleBasis
                  ruleIds={span.citations.map((citation) => citation.ruleId)}
                  citations={span.citations}
                />
              </div>
            </div>
          </List.Item>
        )
      }}
    />
  )
}
