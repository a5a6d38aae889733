import { Space, Tag, Tooltip } from 'antd'
import type { SupervisionItem } from '../../api/supervision.ts'
import { DueDate } from '../../components/due-date.tsx'

/**
 * 办理时限 of an item: the date, then what the server counts today — working days left, or 逾期
 * once the date has passed — and whether it was extended or an extension awaits review.
 */
export function TimeLimit({ item }: { item: SupervisionItem }) {
  const extended = item.dueDate !== item.originalDueDate
  return (
    <Space size="small" wrap>
      {item.state === 'closed' ? (
        <span style={{ whiteSpace: 'nowrap' }}>{item.dueDate}</span>
      ) : item.overdue && (item.workingDaysLeft ?? 0) >= 0 ? (
        // Past the date but no working day lost yet (a weekend or holiday): still 逾期.
        <Space size="small">
          <span style={{ whiteSpace: 'nowrap' }}>{item.dueDate}</span>
          <Tag color="red">逾期</Tag>
        </Space>
      ) : (
        <DueDate date={item.dueDate} workingDaysLeft={item.workingDaysLeft} />
      )}
      {extended && (
        <Tooltip title={`原办理时限 ${item.originalDueDate}`}>
          <Tag color="purple">已延期</Tag>
        </Tooltip>
      )}
      {item.pendingExtension && <Tag color="gold">延期待审核</Tag>}
    </Space>
  )
}
