import { Collapse, Empty, Space, Tag, Typography } from 'antd'
import type { SupervisionCircular } from '../../api/supervision.ts'
import { formatShanghaiTime } from '../../format.ts'
import { CircularTable } from './circular-table.tsx'

function totalsOf(circular: SupervisionCircular) {
  const sum = (pick: (line: SupervisionCircular['lines'][number]) => number) =>
    circular.lines.reduce((total, line) => total + pick(line), 0)
  return { onTime: sum((l) => l.onTime), late: sum((l) => l.late), overdue: sum((l) => l.overdue) }
}

/** Circulars as issued, latest first; each opens to its table of units. */
export function CircularList({ circulars }: { circulars: SupervisionCircular[] }) {
  if (circulars.length === 0) return <Empty description="尚未发布督查通报" />
  return (
    <Collapse
      items={circulars.map((circular) => {
        const totals = totalsOf(circular)
        return {
          key: circular.id,
          label: (
            <Space orientation="vertical" size={0}>
              <Typography.Text strong>{circular.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                通报期间 {circular.periodFrom} 至 {circular.periodTo}；发布于{' '}
                {formatShanghaiTime(circular.issuedAt)}
              </Typography.Text>
            </Space>
          ),
          extra: (
            <Space size={4} wrap>
              <Tag color="green">按时办结 {totals.onTime}</Tag>
              <Tag color="orange">超期办结 {totals.late}</Tag>
              <Tag color={totals.overdue > 0 ? 'red' : undefined}>逾期未办结 {totals.overdue}</Tag>
            </Space>
          ),
          children: <CircularTable lines={circular.lines} />,
        }
      })}
    />
  )
}
