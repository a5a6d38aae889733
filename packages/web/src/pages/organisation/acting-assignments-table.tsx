import { Table, type TableColumnsType, Typography } from 'antd'
import type { ActingAssignment } from '../../api/types.ts'
import { formatDateRange } from '../../format.ts'

const columns: TableColumnsType<ActingAssignment> = [
  { title: '被代理职务', dataIndex: 'postTitle', key: 'postTitle' },
  { title: '代理职务', dataIndex: 'actingPostTitle', key: 'actingPostTitle' },
  {
    title: '起止日期',
    key: 'period',
    render: (_, assignment) => formatDateRange(assignment.from, assignment.to),
  },
  {
    title: '依据规则',
    dataIndex: 'ruleId',
    key: 'ruleId',
    render: (ruleId: string | null) =>
      ruleId ? <Typography.Text code>{ruleId}</Typography.Text> : '—',
  },
]

export function ActingAssignmentsTable({
  assignments,
  loading,
}: {
  assignments: ActingAssignment[]
  loading: boolean
}) {
  return (
    <Table
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={assignments}
      loading={loading}
      pagination={false}
      locale={{ emptyText: '该日没有代理安排' }}
    />
  )
}
