import { Card, Empty, Table, type TableColumnsType, Tag } from 'antd'
import type { SupervisionMilestone } from '../../api/supervision.ts'

type Row = SupervisionMilestone & { index: number }

/**
 * 完成情况 as reported: a milestone is done on the day a progress report said so; one reported
 * after its date is marked late. (The view carries no server date, so an undone milestone is
 * not judged against the browser's clock.)
 */
function doneOf(milestone: SupervisionMilestone) {
  if (!milestone.doneOn) return <Tag>未完成</Tag>
  return milestone.doneOn > milestone.dueDate ? (
    <Tag color="orange">{milestone.doneOn} 完成（晚于节点时限）</Tag>
  ) : (
    <Tag color="green">{milestone.doneOn} 完成</Tag>
  )
}

export function MilestonesCard({ milestones }: { milestones: SupervisionMilestone[] }) {
  const columns: TableColumnsType<Row> = [
    { title: '序号', key: 'index', render: (_, row) => row.index + 1, width: 64 },
    { title: '节点内容', key: 'title', render: (_, row) => row.title },
    { title: '节点时限', key: 'dueDate', render: (_, row) => row.dueDate, width: 120 },
    { title: '完成情况', key: 'done', render: (_, row) => doneOf(row), width: 200 },
  ]
  return (
    <Card title="时间节点">
      {milestones.length === 0 ? (
        <Empty description="未设时间节点" />
      ) : (
        <Table<Row>
          rowKey="index"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={milestones.map((m, index) => ({ ...m, index }))}
        />
      )}
    </Card>
  )
}
