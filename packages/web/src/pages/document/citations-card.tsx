import { Card, Empty } from 'antd'
import type { Citation } from '../../api/types.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { RuleIdSwitch } from '../../components/rule-basis.tsx'

/** Every article the flow has followed so far, so each step can be checked against its text. */
export function CitationsCard({ citations }: { citations: Citation[] }) {
  return (
    <Card title="依据条文" extra={citations.length > 0 && <RuleIdSwitch />}>
      {citations.length === 0 ? (
        <Empty description="尚无依据条文" />
      ) : (
        <CitationList citations={citations} />
      )}
    </Card>
  )
}
