import { Flex, Typography } from 'antd'
import type { Citation } from '../api/types.ts'
import { Mono } from './mono.tsx'

/**
 * The articles a decision rests on, each with its own words, so that a refusal or a step of the
 * flow can be checked against the text rather than taken on trust. `withRuleIds` adds the rule
 * ids for those who look the rule up in the rulebook.
 */
export function CitationList({
  citations,
  withRuleIds = false,
}: {
  citations: Citation[]
  withRuleIds?: boolean
}) {
  return (
    <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {citations.map((citation, index) => (
        <li key={citation.ruleId} style={{ marginTop: index === 0 ? 0 : 12 }}>
          <Flex justify="space-between" align="baseline" gap={8} wrap>
            <Typography.Text strong>
              依据：{citation.source}
              {citation.article}
            </Typography.Text>
            {withRuleIds && <Mono small>{citation.ruleId}</Mono>}
          </Flex>
          <blockquote style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {citation.excerpt}
          </blockquote>
        </li>
      ))}
    </ul>
  )
}
