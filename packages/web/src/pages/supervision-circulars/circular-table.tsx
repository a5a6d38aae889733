import { Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { CircularLine } from '../../api/supervision.ts'

const none = <Typography.Text type="secondary">—</Typography.Text>

const COLUMNS: TableColumnsType<CircularLine> = [
  { title: '牵头单位', key: 'unit', render: (_, line) => line.departmentName || none, width: 200 },
  { title: '按时办结', key: 'onTime', render: (_, line) => line.onTime, width: 96 },
  { title: '超期办结', key: 'late', render: (_, line) => line.late, width: 96 },
  {
    title: '逾期未办结',
    key: 'overdue',
    width: 110,
    render: (_, line) => (line.overdue > 0 ? <Tag color="red">{line.overdue}</Tag> : 0),
  },
  {
    title: '逾期未办结事项',
    key: 'overdueItems',
    render: (_, line) =>
      line.overdueItems.length === 0 ? (
        none
      ) : (
        <Space orientation="vertical" size={2}>
          {line.overdueItems.map((item) => (
            <span key={item.id}>
              <Link to={`/supervision/${item.id}`}>{item.title}</Link>
              <Typography.Text type="secondary">
                （时限 {item.dueDate}，逾期 {item.daysOverdue} 天）
              </Typography.Text>
            </span>
          ))}
        </Space>
      ),
  },
]

/** A circular's lines as issued: units with overdue items first. */
export function CircularTable({ lines }: { lines: CircularLine[] }) {
  return (
    <Table<CircularLine>
      rowKey="departmentId"
      size="small"
      pagination={false}
      columns={COLUMNS}
      dataSource={lines}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '通报期间没有办结或逾期的事项' }}
    />
  )
}
