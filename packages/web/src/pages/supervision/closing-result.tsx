import { Space, Tag, Typography } from 'antd'
import type { SupervisionItem } from '../../api/supervision.ts'

/** 办结日期 and how late: the office judges lateness on the day the lead unit reported done. */
export function ClosingResult({ item }: { item: SupervisionItem }) {
  if (!item.closedOn) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space size="small" wrap>
      <span style={{ whiteSpace: 'nowrap' }}>{item.closedOn}</span>
      {(item.daysLate ?? 0) > 0 ? (
        <Tag color="red">超期 {item.daysLate} 天</Tag>
      ) : (
        <Tag color="green">按期办结</Tag>
      )}
    </Space>
  )
}
