import {
  Card,
  Checkbox,
  Empty,
  Flex,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { Link } from 'react-router-dom'
import type { InboxEntry } from '../../api/types.ts'
import { DueDate } from '../../components/due-date.tsx'
import { UrgencyTag } from '../../components/urgency-tag.tsx'
import { DOCUMENT_DIRECTION_LABELS, taskKindLabel } from '../../labels.ts'
import { useNarrow } from '../../layout/use-narrow.ts'

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
    render: (_, { document }) => <DirectionTag direction={document.direction} />,
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

function DirectionTag({ direction }: { direction: InboxEntry['document']['direction'] }) {
  return (
    <Tag color={direction === 'outgoing' ? 'purple' : 'cyan'}>
      {DOCUMENT_DIRECTION_LABELS[direction] ?? direction}
    </Tag>
  )
}

/** 圈阅: which rows may be chosen (待阅 of the current post), the chosen task ids, their change. */
export interface InboxSelection {
  selectable: (entry: InboxEntry) => boolean
  keys: string[]
  onChange: (keys: string[]) => void
}

export function InboxTable({
  entries,
  loading,
  selection,
}: {
  entries: InboxEntry[]
  loading: boolean
  selection?: InboxSelection | undefined
}) {
  const narrow = useNarrow()
  if (narrow) return <InboxCards entries={entries} loading={loading} selection={selection} />
  return (
    <Table
      rowKey={(entry) => entry.task.id}
      rowSelection={
        selection && {
          selectedRowKeys: selection.keys,
          onChange: (keys) => selection.onChange(keys.map(String)),
          getCheckboxProps: (entry) => ({
            disabled: !selection.selectable(entry),
            'aria-label': `选择：${entry.document.title}`,
          }),
        }
      }
      size="middle"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={false}
      locale={{ emptyText: '暂无待办' }}
    />
  )
}

/** On a phone: one card per task, the title first and whole, what to do and by when under it. */
function InboxCards({
  entries,
  loading,
  selection,
}: {
  entries: InboxEntry[]
  loading: boolean
  selection?: InboxSelection | undefined
}) {
  if (entries.length === 0) return <Empty description="暂无待办" />
  return (
    <Spin spinning={loading}>
      <Flex vertical gap={8} role="list" aria-label="待办事项">
        {entries.map((entry) => {
          const { document, task, workingDaysLeft } = entry
          return (
            <Card key={task.id} size="small" role="listitem">
              <Flex vertical gap={6}>
                <Flex gap={8} align="flex-start">
                  {selection?.selectable(entry) && (
                    <Checkbox
                      aria-label={`选择：${document.title}`}
                      checked={selection.keys.includes(task.id)}
                      onChange={(event) =>
                        selection.onChange(
                          event.target.checked
                            ? [...selection.keys, task.id]
                            : selection.keys.filter((key) => key !== task.id),
                        )
                      }
                    />
                  )}
                  <Link to={`/documents/${document.id}`} style={{ fontSize: 15 }}>
                    {document.title}
                  </Link>
                </Flex>
                <Flex wrap gap={4} align="center">
                  <Tag color="blue">{taskKindLabel(task.kind)}</Tag>
                  <DirectionTag direction={document.direction} />
                  <UrgencyTag urgency={document.urgency} />
                  <Typography.Text type="secondary">
                    {document.kind}
                    {document.senderName ? ` · ${document.senderName}` : ''}
                  </Typography.Text>
                </Flex>
                {task.dueDate && <DueDate date={task.dueDate} workingDaysLeft={workingDaysLeft} />}
              </Flex>
            </Card>
          )
        })}
      </Flex>
    </Spin>
  )
}
