import { Table, Tag } from 'antd'
import type { DeadlineToRecheck } from '../../api/calendar.ts'

const KIND_LABELS: Record<DeadlineToRecheck['kind'], string> = {
  documentTask: '公文待办期限',
  supervisionItem: '督查事项期限',
  meetingMinutes: '会议纪要期限',
}

/** Open deadlines counted before the notice was known, per jurisdiction, kind and date. */
export function RecheckTable({ rows }: { rows: DeadlineToRecheck[] }) {
  return (
    <Table<DeadlineToRecheck>
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowKey={(row) => `${row.jurisdictionId}:${row.kind}:${row.dueDate}`}
      dataSource={rows}
      locale={{ emptyText: '没有须复核的期限' }}
      columns={[
        { title: '辖区', dataIndex: 'jurisdictionName' },
        {
          title: '类别',
          dataIndex: 'kind',
          render: (kind: DeadlineToRecheck['kind']) => KIND_LABELS[kind],
        },
        { title: '原定截止日', dataIndex: 'dueDate' },
        { title: '件数', dataIndex: 'count' },
        {
          title: '该日现为',
          key: 'now',
          render: (_, row) =>
            row.now.workingDay ? (
              <Tag>{row.now.label}</Tag>
            ) : (
              <Tag color="red">{row.now.label}：须重新确定期限</Tag>
            ),
        },
      ]}
    />
  )
}
