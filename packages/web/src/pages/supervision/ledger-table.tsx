import { Table, type TableColumnsType, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { SupervisionItem, SupervisionLedger } from '../../api/supervision.ts'
import { holderNames } from '../../components/current-holders.tsx'
import { ClosingResult } from './closing-result.tsx'
import { stateColorOf, supervisionHoldingLabel } from './supervision-labels.ts'
import { TimeLimit } from './time-limit.tsx'

const none = <Typography.Text type="secondary">—</Typography.Text>

const COLUMNS: TableColumnsType<SupervisionItem> = [
  {
    title: '督办事项',
    key: 'title',
    width: 280,
    render: (_, item) => <Link to={`/supervision/${item.id}`}>{item.title}</Link>,
  },
  { title: '来源', key: 'source', render: (_, item) => item.sourceLabel, width: 160 },
  { title: '牵头单位', key: 'lead', render: (_, item) => item.leadDepartmentName || none },
  {
    title: '配合单位',
    key: 'co',
    render: (_, item) =>
      item.coDepartmentNames.length > 0 ? item.coDepartmentNames.join('、') : none,
  },
  { title: '交办日期', key: 'assignedOn', render: (_, item) => item.assignedOn, width: 110 },
  { title: '办理时限', key: 'dueDate', render: (_, item) => <TimeLimit item={item} /> },
  {
    title: '状态',
    key: 'state',
    render: (_, item) => <Tag color={stateColorOf(item.state)}>{item.stateLabel}</Tag>,
  },
  {
    title: '当前办理',
    key: 'holders',
    // The lead unit has its own column: here what is awaited and from whom, by name.
    render: (_, item) =>
      item.holders.length > 0
        ? item.holders
            .map((h) => `${supervisionHoldingLabel(h.kind)}：${holderNames(h)}`)
            .join('；')
        : none,
  },
  {
    title: '办结日期/超期天数',
    key: 'closedOn',
    render: (_, item) => <ClosingResult item={item} />,
  },
]

/** One page of the ledger; the pager asks the server for the next. */
export function LedgerTable({
  ledger,
  loading,
  current,
  pageSize,
  onPage,
}: {
  ledger: SupervisionLedger
  loading: boolean
  current: number
  pageSize: number
  onPage: (page: number) => void
}) {
  return (
    <Table<SupervisionItem>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={COLUMNS}
      dataSource={ledger.items}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '没有符合条件的督办事项' }}
      pagination={{
        current,
        pageSize,
        total: ledger.total,
        showSizeChanger: false,
        showTotal: (total: number) => `共 ${total} 件`,
        onChange: onPage,
      }}
    />
  )
}
