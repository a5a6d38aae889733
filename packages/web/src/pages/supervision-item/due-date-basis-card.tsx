import { Card, Typography } from 'antd'
import type { Citation } from '../../api/types.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { RuleIdSwitch } from '../../components/rule-basis.tsx'

/**
 * The articles behind the item's time limit (木里 第八十一条: 批办件15天…). With none, the
 * rulebook sets no period for the source and the date is the one set when the item was entered.
 */
export function DueDateBasisCard({ citations }: { citations: Citation[] }) {
  return (
    <Card title="办理时限依据" extra={citations.length > 0 && <RuleIdSwitch />}>
      {citations.length === 0 ? (
        <Typography.Text type="secondary">
          规则库未规定此类事项的办理时限，办理时限为立项时确定的日期。
        </Typography.Text>
      ) : (
        <CitationList citations={citations} />
      )}
    </Card>
  )
}
