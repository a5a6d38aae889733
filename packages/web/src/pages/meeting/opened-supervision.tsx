import { Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { MeetingFollowUp } from '../../api/meetings.ts'

/** The 督办事项 a decision opened in the supervision ledger, with their time limits. */
export function OpenedSupervisionList({ items }: { items: MeetingFollowUp[] }) {
  if (items.length === 0) return null
  return (
    <div>
      <Typography.Text type="secondary">已列入督查台账：</Typography.Text>
      <ul aria-label="督办事项" style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        {items.map((item) => (
          <li key={item.id}>
            <Link to={`/supervision/${item.id}`}>{item.title}</Link>
            <Typography.Text type="secondary">（办理时限：{item.dueDate}）</Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  )
}
