import { List, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { AbsenceSummary } from '../../api/absences.ts'
import { formatDateRange } from '../../format.ts'
import { useNarrow } from '../../layout/use-narrow.ts'
import { modeLabel, statusColor } from './absence-labels.ts'

/** The request's standing: its status, 迟报 and 逾期未销假. */
export function AbsenceTags({ absence }: { absence: AbsenceSummary }) {
  return (
    <Space size={4} wrap>
      <Tag color={statusColor(absence.status)}>{absence.statusLabel}</Tag>
      {absence.late && <Tag color="orange">迟报</Tag>}
      {absence.returnOverdue && <Tag color="red">逾期未销假</Tag>}
    </Space>
  )
}

const columns: TableColumnsType<AbsenceSummary> = [
  {
    title: '人员',
    key: 'who',
    render: (_, absence) => (
      <Link to={`/absences/${absence.id}`}>
        {absence.personName}（{absence.postTitle}）
      </Link>
    ),
  },
  { title: '类别', dataIndex: 'categoryLabel', key: 'category' },
  {
    title: '起止日期',
    key: 'period',
    render: (_, absence) => formatDateRange(absence.from, absence.to),
  },
  { title: '前往地点', dataIndex: 'destination', key: 'destination' },
  { title: '方式', key: 'mode', render: (_, absence) => modeLabel(absence.mode) },
  { title: '状态', key: 'status', render: (_, absence) => <AbsenceTags absence={absence} /> },
]

/** A list of requests: a table on a wide screen, one line per request on a phone. */
export function AbsenceTable({
  items,
  loading,
  empty,
  label,
}: {
  items: AbsenceSummary[]
  loading: boolean
  empty: string
  label: string
}) {
  const narrow = useNarrow()
  if (narrow)
    return (
      <List
        aria-label={label}
        loading={loading}
        dataSource={items}
        locale={{ emptyText: empty }}
        renderItem={(absence) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Space orientation="vertical" size={2}>
              <Link to={`/absences/${absence.id}`}>
                {absence.personName}（{absence.postTitle}）· {absence.categoryLabel}
              </Link>
              <Typography.Text type="secondary">
                {formatDateRange(absence.from, absence.to)} · {absence.destination}
              </Typography.Text>
              <AbsenceTags absence={absence} />
            </Space>
          </List.Item>
        )}
      />
    )
  return (
    <Table
      aria-label={label}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      locale={{ emptyText: empty }}
      scroll={{ x: 'max-content' }}
    />
  )
}
