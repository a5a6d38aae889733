import { Space, Tag } from 'antd'

/**
 * A due date with the time left, which the server counts in working days on the official
 * calendar (holidays and adjusted weekends included); without that count the date stands alone.
 */
export function DueDate({
  date,
  workingDaysLeft,
}: {
  date: string
  workingDaysLeft: number | null | undefined
}) {
  return (
    <Space size="small" wrap>
      <span style={{ whiteSpace: 'nowrap' }}>{date}</span>
      {typeof workingDaysLeft === 'number' && <WorkingDaysTag left={workingDaysLeft} />}
    </Space>
  )
}

function WorkingDaysTag({ left }: { left: number }) {
  if (left > 0) return <Tag color="blue">剩 {left} 个工作日</Tag>
  if (left === 0) return <Tag color="orange">今日到期</Tag>
  return <Tag color="red">逾期 {-left} 个工作日</Tag>
}
