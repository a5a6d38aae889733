import { Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { AgendaGate } from '../../api/meetings.ts'
import { CitationList } from '../../components/citation-list.tsx'

/**
 * The rulebook's answer on an item: 可列入, or 暂不能列入 with each reason and the articles it
 * rests on. `action` puts something after a reason (登记 the missing step).
 */
export function GateVerdict({
  gate,
  action,
}: {
  gate: AgendaGate
  action?: (reason: AgendaGate['reasons'][number]) => ReactNode
}) {
  if (gate.admitted)
    return (
      <Space orientation="vertical" size={2}>
        <Tag color="green">可列入</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {gate.summary}
        </Typography.Text>
      </Space>
    )
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Tag color="red">暂不能列入</Tag>
      <ul aria-label="不能列入的原因" style={{ margin: 0, paddingInlineStart: 18 }}>
        {gate.reasons.map((reason) => (
          <li key={`${reason.ruleId}:${reason.code}`} style={{ marginBottom: 4 }}>
            <Space size="small" wrap>
              <span>{reason.label}</span>
              {action?.(reason)}
            </Space>
          </li>
        ))}
      </ul>
      {gate.citations.length > 0 && <CitationList citations={gate.citations} />}
    </Space>
  )
}
