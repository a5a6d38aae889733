import { Button, Flex, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd'
import type { AuditRecord } from '../../api/types.ts'
import { LoadError } from '../../components/load-error.tsx'
import { Mono } from '../../components/mono.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { AUDIT_ACTION_LABELS } from '../../labels.ts'
import { useAuditRecords } from './use-audit-records.ts'

const none = <Typography.Text type="secondary">—</Typography.Text>

const columns: TableColumnsType<AuditRecord> = [
  { title: '序号', dataIndex: 'chainSeq', key: 'chainSeq', width: 80 },
  {
    title: '时间',
    dataIndex: 'occurredAt',
    key: 'occurredAt',
    width: 180,
    render: (occurredAt: string) => formatShanghaiTime(occurredAt),
  },
  {
    title: '操作人',
    dataIndex: 'actor',
    key: 'actor',
    render: (actor: string | null) => actor ?? none,
  },
  {
    title: '操作',
    dataIndex: 'action',
    key: 'action',
    render: (action: string) => (
      <>
        {AUDIT_ACTION_LABELS[action] ?? ''} <Mono>{action}</Mono>
      </>
    ),
  },
  {
    title: '对象',
    dataIndex: 'subject',
    key: 'subject',
    render: (subject: string | null) => subject ?? none,
  },
  {
    title: '依据规则',
    dataIndex: 'ruleIds',
    key: 'ruleIds',
    render: (ruleIds: string[]) =>
      ruleIds.length === 0 ? (
        none
      ) : (
        <Space orientation="vertical" size={0}>
          {ruleIds.map((ruleId) => (
            <Mono key={ruleId}>{ruleId}</Mono>
          ))}
        </Space>
      ),
  },
  {
    title: '哈希',
    dataIndex: 'hash',
    key: 'hash',
    render: (hash: string, record) => (
      <Tooltip title={`${record.algorithm}：${hash}`}>
        <span tabIndex={0}>
          <Mono>{hash.slice(0, 12)}</Mono>
        </span>
      </Tooltip>
    ),
  },
]

export function AuditRecordsTable({ chain }: { chain: string }) {
  const { records, nextBeforeSeq, loading, error, loadMore, reload } = useAuditRecords(chain)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error && <LoadError error={error} onRetry={records.length === 0 ? reload : loadMore} />}
      <Table
        rowKey="chainSeq"
        size="middle"
        columns={columns}
        dataSource={records}
        loading={loading}
        pagination={false}
        locale={{ emptyText: '没有记录' }}
        expandable={{ expandedRowRender: (record) => <RecordDetail record={record} /> }}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">已显示 {records.length} 条</Typography.Text>
        {nextBeforeSeq !== null && (
          <Button onClick={loadMore} loading={loading}>
            加载更多
          </Button>
        )}
      </Flex>
    </Space>
  )
}

function RecordDetail({ record }: { record: AuditRecord }) {
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text>
        算法：<Mono>{record.algorithm}</Mono>
      </Typography.Text>
      <Typography.Text>
        本条哈希：<Mono>{record.hash}</Mono>
      </Typography.Text>
      <Typography.Text>
        前一条哈希：<Mono>{record.prevHash}</Mono>
      </Typography.Text>
      <Typography.Text>详情：</Typography.Text>
      <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {JSON.stringify(record.details, null, 2)}
      </pre>
    </Space>
  )
}
