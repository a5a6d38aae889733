import { Table, type TableColumnsType, Typography } from 'antd'
import type { ActingAssignment } from '../../api/types.ts'
import { formatDateRange } from '../../format.ts'

/** Where an acting row comes from: the roster, or computed from a leader's absence. */
const SOURCE_LABELS: Record<NonNullable<ActingAssignment['source']>, string> = {
  roster: '名册录入',
  rule: '按规则（请销假）',
  designation: '办公室明确',
  standIn: '请假人指定',
}

const columns: TableColumnsType<ActingAssignment> = [
  { title: '被代理职务', dataIndex: 'postTitle', key: 'postTitle' },
  { title: '代理职务', dataIndex: 'actingPostTitle', key: 'actingPostTitle' },
  {
    title: '来源',
    key: 'source',
    render: (_, assignment) => (
      <>
        {SOURCE_LABELS[assignment.source ?? 'roster']}
        {assignment.note && (
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {assignment.note}
          </Typography.Text>
        )}
      </>
    ),
  },
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
      // On a phone the columns scroll sideways rather than being cut off.
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '该日没有代理安排' }}
    />
  )
}
