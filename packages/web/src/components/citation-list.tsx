import { Flex, Typography } from 'antd'
import type { Citation } from '../api/types.ts'
import { RuleId } from './rule-basis.tsx'

/**
 * The articles a decision rests on, each with its own words, so that a refusal or a step of the
 * flow can be checked against the text rather than taken on trust. The rule ids, for those who
 * look the rule up in the rulebook, only with 显示规则编号 on (RuleIdSwitch).
 */
export function CitationList({ citations }: { citations: Citation[] }) {
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {citations.map((citation, index) => (
        <li key={citation.ruleId} style={{ marginTop: index === 0 ? 0 : 12 }}>
          <Flex justify="space-between" align="baseline" gap={8} wrap>
            <Typography.Text strong>
              依据：{citation.source}
              {citation.article}
            </Typography.Text>
            <RuleId id={citation.ruleId} />
          </Flex>
          <blockquote style={{ margin: '4px 0 0' }}>
            {/* A long article (a list of fifteen kinds) folds after four lines, never mid-word. */}
            <Typography.Paragraph
              style={{ margin: 0, whiteSpace: 'pre-wrap' }}
              ellipsis={{
                rows: 4,
                expandable: 'collapsible',
                symbol: (expanded) => (expanded ? '收起' : '展开全文'),
              }}
            >
              {citation.excerpt}
            </Typography.Paragraph>
          </blockquote>
        </li>
      ))}
    </ul>
  )
}
