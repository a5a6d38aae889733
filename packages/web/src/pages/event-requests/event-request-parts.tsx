import { Alert, Empty, List, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type {
  EventRequestCheck,
  EventRequestStatus,
  EventRequestSummary,
} from '../../api/event-requests.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { useNarrow } from '../../layout/use-narrow.ts'

const STATUS_COLORS: Record<EventRequestStatus, string> = {
  pending: 'gold',
  approved: 'green',
  refused: 'red',
  withdrawn: 'default',
}

/** The request's standing: its status, and 未满足原则性规定 when filed late. */
export function EventRequestTags({ request }: { request: EventRequestSummary }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[request.status]}>{request.statusLabel}</Tag>
      {request.late && <Tag color="orange">未满足原则性规定</Tag>}
    </Space>
  )
}

/**
 * The rules a request is checked against, each with its article: met, breached in principle
 * (accepted, recorded) or breached (refused). Nothing here is decided by the page.
 */
export function EventRequestChecks({
  checks,
  empty,
}: {
  checks: EventRequestCheck[]
  empty: string
}) {
  if (checks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {checks.map((check) => (
        <Alert
          key={check.code}
          type={check.passed ? 'success' : check.refuses ? 'error' : 'warning'}
          showIcon
          title={
            check.passed
              ? check.summary
              : check.refuses
                ? `不符合规定，将不予受理：${check.summary}`
                : `不符合原则性规定，可以提出但将记录在案：${check.summary}`
          }
          description={<CitationList citations={check.citations} />}
        />
      ))}
    </Space>
  )
}

const columns: TableColumnsType<EventRequestSummary> = [
  {
    title: '会议活动',
    key: 'title',
    render: (_, request) => <Link to={`/event-requests/${request.id}`}>{request.title}</Link>,
  },
  { title: '类别', dataIndex: 'kindLabel', key: 'kind' },
  {
    title: '日期',
    key: 'date',
    render: (_, request) => [request.date, request.time].filter(Boolean).join(' '),
  },
  { title: '申请单位', dataIndex: 'unitName', key: 'unit' },
  {
    title: '邀请领导',
    key: 'invited',
    render: (_, request) => request.invited.map((post) => post.title).join('、') || '—',
  },
  {
    title: '状态',
    key: 'status',
    render: (_, request) => <EventRequestTags request={request} />,
  },
]

/** A list of requests: a table on a wide screen, one line per request on a phone. */
export function EventRequestTable({
  items,
  loading,
  empty,
  label,
}: {
  items: EventRequestSummary[]
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
        renderItem={(request) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Space orientation="vertical" size={2}>
              <Link to={`/event-requests/${request.id}`}>{request.title}</Link>
              <Typography.Text type="secondary">
                {request.date} · {request.kindLabel} · {request.unitName}
              </Typography.Text>
              <EventRequestTags request={request} />
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
