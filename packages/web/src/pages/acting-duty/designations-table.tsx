import { Button, Popconfirm, Table, type TableColumnsType } from 'antd'
import type { ActingDesignation } from '../../api/acting-duty.ts'
import { formatDateRange } from '../../format.ts'

/** 办公室明确的代行安排 over the week, each revocable by the office director (audited). */
export function DesignationsTable({
  designations,
  onRevoke,
}: {
  designations: ActingDesignation[]
  onRevoke: ((id: string) => void) | null
}) {
  const columns: TableColumnsType<ActingDesignation> = [
    { title: '被代行职务', dataIndex: 'postTitle', key: 'post' },
    { title: '代行职务', dataIndex: 'actingPostTitle', key: 'acting' },
    {
      title: '起止日期',
      key: 'period',
      render: (_, designation) => formatDateRange(designation.from, designation.to),
    },
    { title: '事由', dataIndex: 'reason', key: 'reason' },
    ...(onRevoke
      ? [
          {
            title: '操作',
            key: 'revoke',
            render: (_: unknown, designation: ActingDesignation) => (
              <Popconfirm
                title="撤销这项代行安排？"
                okText="撤销"
                cancelText="取消"
                onConfirm={() => onRevoke(designation.id)}
              >
                <Button size="small" danger>
                  撤销
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ]
  return (
    <Table
      aria-label="办公室明确的代行安排"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={designations}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本周没有办公室明确的代行安排' }}
    />
  )
}
