import {
  Card,
  Empty,
  List,
  Popover,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import type {
  ActingDutyAssignment,
  ActingDutyDay,
  ActingGap,
  ActingSource,
} from '../../api/acting-duty.ts'
import type { Citation } from '../../api/types.ts'
import { useShowRuleIds } from '../../components/rule-basis.tsx'
import { Mono } from '../../components/mono.tsx'
import { useNarrow } from '../../layout/use-narrow.ts'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

const SOURCE_LABELS: Record<ActingSource, { label: string; color: string }> = {
  rule: { label: '按规则', color: 'blue' },
  designation: { label: '办公室明确', color: 'purple' },
  standIn: { label: '在家主持工作', color: 'cyan' },
}

/** 12-07（一）: a day as a column heading. */
export function dayLabel(date: string): string {
  return `${date.slice(5)}（${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`
}

type Cell = { assignment: ActingDutyAssignment } | { gap: ActingGap }

interface PostRow {
  postId: string
  postTitle: string
  cells: Record<string, Cell[]>
}

/** Rows: every post away on some day of the span; cells: who acts that day, or a gap. */
function rowsOf(days: ActingDutyDay[]): PostRow[] {
  const rows = new Map<string, PostRow>()
  const rowOf = (postId: string, postTitle: string) => {
    let row = rows.get(postId)
    if (!row) rows.set(postId, (row = { postId, postTitle, cells: {} }))
    return row
  }
  for (const day of days) {
    for (const assignment of day.assignments)
      (rowOf(assignment.postId, assignment.postTitle).cells[day.date] ??= []).push({ assignment })
    for (const gap of day.gaps)
      (rowOf(gap.postId, gap.postTitle).cells[day.date] ??= []).push({ gap })
  }
  return [...rows.values()]
}

/**
 * 依据：第六条: the articles of a cell, short enough for a week's columns; each one's words on hover
 * or tap, its rule id with 显示规则编号 on.
 */
function Articles({ citations }: { citations: Citation[] }) {
  const showIds = useShowRuleIds()
  if (citations.length === 0) return null
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      依据：
      {citations.map((citation, index) => (
        <span key={citation.ruleId}>
          {index > 0 && '、'}
          <Popover
            title={`${citation.source}${citation.article}`}
            content={
              <div style={{ maxWidth: 360, whiteSpace: 'pre-wrap' }}>{citation.excerpt}</div>
            }
          >
            <Typography.Text type="secondary" underline style={{ fontSize: 12, cursor: 'help' }}>
              {citation.article}
            </Typography.Text>
          </Popover>
          {showIds && (
            <>
              {' '}
              <Mono small>{citation.ruleId}</Mono>
            </>
          )}
        </span>
      ))}
    </Typography.Text>
  )
}

function CellContent({ cell }: { cell: Cell }) {
  if ('gap' in cell)
    return (
      <Space orientation="vertical" size={0}>
        <Tooltip title={cell.gap.summary}>
          <Tag color="red">无人代行</Tag>
        </Tooltip>
        <Articles citations={cell.gap.citations} />
      </Space>
    )
  const { assignment } = cell
  const source = SOURCE_LABELS[assignment.source]
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text>
        {assignment.actingPostTitle}
        {assignment.actingHolders.join('、')}
      </Typography.Text>
      <Tooltip title={assignment.note}>
        <Tag color={source.color}>{source.label}</Tag>
      </Tooltip>
      <Articles citations={assignment.citations} />
    </Space>
  )
}

/**
 * 代行职责 over the span: posts × days on a wide screen (a row per post whose holder is away on
 * some day), day by day on a phone. A gap — nobody may act — shows in red with its article.
 */
export function DutyGrid({ days, loading }: { days: ActingDutyDay[]; loading: boolean }) {
  const narrow = useNarrow()
  const rows = rowsOf(days)
  if (narrow)
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {days.map((day) => {
          const cells = [
            ...day.assignments.map((assignment) => ({
              title: assignment.postTitle,
              cell: { assignment } as Cell,
            })),
            ...day.gaps.map((gap) => ({ title: gap.postTitle, cell: { gap } as Cell })),
          ]
          return (
            <Card key={day.date} size="small" title={dayLabel(day.date)}>
              {cells.length === 0 ? (
                <Typography.Text type="secondary">当日无代行安排</Typography.Text>
              ) : (
                <List
                  size="small"
                  split={false}
                  dataSource={cells}
                  renderItem={({ title, cell }) => (
                    <List.Item style={{ paddingInline: 0, alignItems: 'start' }}>
                      <Space orientation="vertical" size={0}>
                        <Typography.Text strong>{title}</Typography.Text>
                        <CellContent cell={cell} />
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          )
        })}
      </Space>
    )
  const columns: TableColumnsType<PostRow> = [
    { title: '外出职务', dataIndex: 'postTitle', key: 'post', fixed: 'left', width: 160 },
    ...days.map((day) => ({
      title: dayLabel(day.date),
      key: day.date,
      render: (_: unknown, row: PostRow) => {
        const cells = row.cells[day.date] ?? []
        return cells.length === 0 ? (
          <Typography.Text type="secondary">在岗</Typography.Text>
        ) : (
          <Space orientation="vertical" size={4}>
            {cells.map((cell, index) => (
              <CellContent key={index} cell={cell} />
            ))}
          </Space>
        )
      },
    })),
  ]
  return (
    <Table
      aria-label="代行职责表"
      rowKey="postId"
      size="small"
      bordered
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description="本周无代行安排" /> }}
    />
  )
}
