import { Button, Table, Tag, Typography } from 'antd'
import type { TableRowSelection } from 'antd/es/table/interface'
import { Link } from 'react-router-dom'
import type { LateEntry, LateKind } from '../../api/duty.ts'
import { shanghaiMinute } from './duty-time.ts'

const LATE_KIND_COLORS: Record<LateKind, string> = {
  late: 'volcano',
  missing: 'red',
  'follow-up-overdue': 'orange',
}

/** Lines of the 迟报漏报 register: what was due by when, when (if ever) it came, how late. */
export function LateEntryTable({
  entries,
  showIncident = true,
  selection,
  onReview,
}: {
  entries: LateEntry[]
  showIncident?: boolean
  selection?: TableRowSelection<LateEntry>
  /** The duty office's 核实 of a line not yet circulated (the register page). */
  onReview?: (entry: LateEntry) => void
}) {
  return (
    <Table<LateEntry>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={entries}
      rowSelection={selection}
      columns={[
        ...(showIncident
          ? [
              {
                title: '事件',
                key: 'incident',
                render: (_: unknown, entry: LateEntry) =>
                  entry.incidentId ? (
                    <Link to={`/incidents/${entry.incidentId}`}>{entry.incidentTitle}</Link>
                  ) : (
                    entry.incidentTitle
                  ),
              },
              {
                title: '报告单位',
                key: 'department',
                render: (_: unknown, entry: LateEntry) => entry.department?.name ?? '—',
              },
            ]
          : []),
        {
          title: '情形',
          key: 'kind',
          render: (_, entry) => <Tag color={LATE_KIND_COLORS[entry.kind]}>{entry.kindLabel}</Tag>,
        },
        { title: '环节', key: 'step', render: (_, entry) => entry.stepLabel ?? '续报' },
        { title: '时限', dataIndex: 'dueAt', render: (at: string) => shanghaiMinute(at) },
        {
          title: '报送时间',
          dataIndex: 'reportedAt',
          render: (at: string | null) => (at ? shanghaiMinute(at) : '未报'),
        },
        {
          title: '超时',
          key: 'minutes',
          render: (_, entry) => (entry.minutesLate !== null ? `${entry.minutesLate} 分钟` : '—'),
        },
        ...(entries.some((entry) => entry.circularId !== undefined)
          ? [
              {
                title: '通报',
                key: 'circular',
                render: (_: unknown, entry: LateEntry) =>
                  entry.circularId ? (
                    <Link to={`/duty/circulars/${entry.circularId}`}>已通报</Link>
                  ) : (
                    '未通报'
                  ),
              },
            ]
          : []),
        ...(onReview || entries.some((entry) => entry.review)
          ? [
              {
                title: '核实',
                key: 'review',
                render: (_: unknown, entry: LateEntry) => (
                  <>
                    {entry.review && (
                      <div style={{ maxWidth: 240, whiteSpace: 'normal', marginBottom: 4 }}>
                        <Tag color={entry.review.decision === 'excused' ? 'default' : 'red'}>
                          {entry.review.decisionLabel}
                        </Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {entry.review.reason}
                          {entry.review.reviewedByName
                            ? `（${entry.review.reviewedByName}，`
                            : '（'}
                          {shanghaiMinute(entry.review.reviewedAt)}）
                        </Typography.Text>
                      </div>
                    )}
                    {onReview && !entry.circularId && (
                      <Button size="small" onClick={() => onReview(entry)}>
                        {entry.review ? '重新核实' : '核实'}
                      </Button>
                    )}
                  </>
                ),
              },
            ]
          : []),
      ]}
    />
  )
}
