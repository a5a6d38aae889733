import { Table, type TableColumnsType, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { InboxEntry } from '../../api/types.ts'
import { DueDate } from '../../components/due-date.tsx'
import { UrgencyTag } from '../../components/urgency-tag.tsx'
import { DOCUMENT_DIRECTION_LABELS, taskKindLabel } from '../../labels.ts'

const none = <Typography.Text type="secondary">—</Typography.Text>

const columns: TableColumnsType<InboxEntry> = [
  {
    title: '标题',
    key: 'title',
    render: (_, { document }) => <Link to={`/documents/${document.id}`}>{document.title}</Link>,
  },
  {
    title: '类别',
    key: 'direction',
    render: (_, { document }) => (
      <Tag color={document.direction === 'outgoing' ? 'purple' : 'cyan'}>
        {DOCUMENT_DIRECTION_LABELS[document.direction] ?? document.direction}
      </Tag>
    ),
  },
  { title: '文种', key: 'kind', render: (_, { document }) => document.kind },
  // The sending unit of 收文, the drafting unit of 发文.
  {
    title: '来文/拟稿单位',
    key: 'sender',
    render: (_, { document }) => document.senderName ?? none,
  },
  { title: '事项', key: 'task', render: (_, { task }) => taskKindLabel(task.kind) },
  {
    title: '紧急程度',
    key: 'urgency',
    render: (_, { document }) => <UrgencyTag urgency={document.urgency} />,
  },
  {
    title: '期限',
    key: 'due',
    render: (_, { task, workingDaysLeft }) =>
      task.dueDate ? <DueDate date={task.dueDate} workingDaysLeft={workingDaysLeft} /> : none,
  },
]

export function InboxTable({ entries, loading }: { entries: InboxEntry[]; loading: boolean }) {
  return (
    <Table
      rowKey={(entry) => entry.task.id}
      size="middle"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      locale={{ emptyText: '暂无待办' }}
    />
  )
}
