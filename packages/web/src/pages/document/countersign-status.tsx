import { Tag, Typography } from 'antd'
import type { CountersignStanding, DocumentEvent, DocumentTask } from '../../api/types.ts'

interface Reply {
  departmentId: string
  status: 'agreed' | 'disagreed' | 'pending' | 'deemed' | 'explained' | 'circulated'
  dueDate: string | null
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []
}

/**
 * Where each unit asked to countersign stands: replies are events, open requests are tasks, and
 * overdue ones settled at signing are named in the sign event (逾期视为无不同意见).
 */
export function repliesOf(events: DocumentEvent[], tasks: DocumentTask[]): Reply[] {
  const replies = new Map<string, Reply>()
  for (const event of events) {
    const unit = event.details.departmentId
    if (typeof unit === 'string' && event.action === 'countersign')
      replies.set(unit, { departmentId: unit, status: 'agreed', dueDate: null })
    if (typeof unit === 'string' && event.action === 'countersignDisagree')
      replies.set(unit, { departmentId: unit, status: 'disagreed', dueDate: null })
    if (event.action === 'sign') {
      for (const deemed of stringsOf(event.details.deemedNoObjection))
        replies.set(deemed, { departmentId: deemed, status: 'deemed', dueDate: null })
      for (const explained of stringsOf(event.details.explainedLate))
        replies.set(explained, { departmentId: explained, status: 'explained', dueDate: null })
      for (const circulated of stringsOf(event.details.circulatedLate))
        replies.set(circulated, { departmentId: circulated, status: 'circulated', dueDate: null })
    }
  }
  for (const task of tasks)
    if (task.kind === 'countersign' && task.assigneeDepartmentId)
      replies.set(task.assigneeDepartmentId, {
        departmentId: task.assigneeDepartmentId,
        status: 'pending',
        dueDate: task.dueDate,
      })
  return [...replies.values()]
}

const STATUS: Record<Reply['status'], { label: string; color?: string }> = {
  agreed: { label: '同意', color: 'green' },
  disagreed: { label: '有不同意见', color: 'red' },
  pending: { label: '待回复', color: 'orange' },
  deemed: { label: '逾期未回复，视为无不同意见' },
  explained: { label: '逾期未回复，已书面说明' },
  circulated: { label: '逾期未回复，已通报' },
}

export function CountersignStatus({
  events,
  tasks,
  standings = [],
  departmentNames,
}: {
  events: DocumentEvent[]
  tasks: DocumentTask[]
  /** The server's reading of each open request; one without a period says so and whom to ask. */
  standings?: CountersignStanding[]
  departmentNames: ReadonlyMap<string, string>
}) {
  const replies = repliesOf(events, tasks)
  const noPeriod = new Map(
    standings
      .filter((standing) => standing.noPeriod)
      .map((standing) => [standing.departmentId, standing]),
  )
  if (replies.length === 0) return null
  return (
    <div>
      <Typography.Text strong>会签</Typography.Text>
      <ul aria-label="会签" style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {replies.map((reply) => (
          <li key={reply.departmentId}>
            {departmentNames.get(reply.departmentId) ?? reply.departmentId}{' '}
            <Tag color={STATUS[reply.status].color}>{STATUS[reply.status].label}</Tag>
            {reply.dueDate && (
              <Typography.Text type="secondary">回复期限 {reply.dueDate}</Typography.Text>
            )}
            {reply.status === 'pending' && noPeriod.has(reply.departmentId) && (
              <Typography.Paragraph type="warning" style={{ margin: 0 }}>
                {noPeriod.get(reply.departmentId)?.summary}
                {noPeriod
                  .get(reply.departmentId)
                  ?.citations?.map((citation) => `（${citation.source}${citation.article}）`)
                  .join('')}
              </Typography.Paragraph>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}
