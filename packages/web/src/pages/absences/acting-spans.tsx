import { List, Typography } from 'antd'
import type { ActingSpan } from '../../api/absences.ts'
import { RuleBasis } from '../../components/rule-basis.tsx'
import { formatDateRange } from '../../format.ts'
import { actingArticles } from './absence-labels.ts'

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
        const articles = actingArticles(span.citations)
        const who = `${span.actingPostTitle}${span.actingHolders.join('、')}`
        return (
          <List.Item style={{ paddingInline: 0 }}>
            <div>
              <Typography.Text>
                {formatDateRange(span.from, span.to)}：{who}代行{span.postTitle}职责
                {articles ? ` — ${articles}` : ''}
              </Typography.Text>
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
