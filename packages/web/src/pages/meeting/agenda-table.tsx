import { Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import type { AgendaItem, MeetingView } from '../../api/meetings.ts'
import {
  conditionLabels,
  DECISION_LABELS,
  ITEM_STATE_LABELS,
  titledLabel,
} from '../meetings/meeting-labels.ts'
import { AgendaHolders } from './agenda-holders.tsx'
import { AgendaMaterials } from './agenda-materials.tsx'
import { DissentList } from './dissent-list.tsx'
import { GateVerdict } from './gate-verdict.tsx'
import { RaiseDissentButton } from './raise-dissent-button.tsx'
import { RecordStepButton } from './record-step-button.tsx'

const none = <Typography.Text type="secondary">—</Typography.Text>

/** Steps are what a gate condition asks to be done; the other reasons (排除情形, 议题已满) are not. */
const STEP_TYPES = new Set(['required', 'requiredWhen', 'overCap'])

/**
 * The agenda: each item with its submitter (and, once decided, the decision), the rulebook's
 * verdict (and articles), the steps done and the dissent on it. Before the meeting, a missing step
 * can be recorded from the verdict and dissent raised or answered from the row.
 */
export function AgendaTable({
  view,
  departmentId,
  onChanged,
}: {
  view: MeetingView
  /** The unit of the viewer's current post: its own items are answered, not disputed. */
  departmentId: string | null
  onChanged: () => void
}) {
  const meetingId = view.meeting.id
  const beforeMeeting = view.meeting.state === 'planned' || view.meeting.state === 'agendaApproved'
  const labels = conditionLabels(view.agenda.flatMap((item) => item.gate.conditions))

  const columns: TableColumnsType<AgendaItem> = [
    { title: '序号', key: 'position', width: 56, render: (_, item) => item.position },
    {
      title: '议题',
      key: 'title',
      width: 220,
      render: (_, item) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text strong>{item.title}</Typography.Text>
          <Space size={[0, 4]} wrap>
            <Tag color={item.state === 'decided' ? 'green' : undefined}>
              {ITEM_STATE_LABELS[item.state] ?? item.state}
            </Tag>
            {item.adHoc && <Tag color="purple">临时动议</Tag>}
          </Space>
          {item.summary && (
            <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              {item.summary}
            </Typography.Text>
          )}
          {/* The decision under the item rather than in a column of its own: the table is wide. */}
          {item.decision && (
            <span>
              <Tag color={item.decision === 'rejected' ? 'red' : 'green'}>
                会议决定：{DECISION_LABELS[item.decision]}
              </Tag>
              <span style={{ whiteSpace: 'pre-wrap' }}>{item.decisionText}</span>
            </span>
          )}
        </Space>
      ),
    },
    {
      title: '报送单位',
      key: 'submittedBy',
      width: 140,
      render: (_, item) => titledLabel(item.submittedBy),
    },
    {
      title: '当前办理',
      key: 'holders',
      width: 220,
      render: (_, item) => <AgendaHolders meetingId={meetingId} item={item} onDone={onChanged} />,
    },
    {
      title: '准入',
      key: 'gate',
      width: 340,
      render: (_, item) => {
        const steps = new Set(
          item.gate.conditions.filter((c) => STEP_TYPES.has(c.type)).map((c) => c.code),
        )
        const open = beforeMeeting && (item.state === 'submitted' || item.state === 'approved')
        return (
          <GateVerdict
            gate={item.gate}
            action={(reason) =>
              open &&
              steps.has(reason.code) && (
                <RecordStepButton
                  meetingId={meetingId}
                  itemId={item.id}
                  code={reason.code}
                  label={labels.get(reason.code) ?? reason.code}
                  recorders={item.recorders[reason.code] ?? []}
                  onDone={onChanged}
                />
              )
            }
          />
        )
      },
    },
    {
      title: '会议材料',
      key: 'materials',
      width: 180,
      render: (_, item) => (
        <AgendaMaterials
          meetingId={meetingId}
          item={item}
          mayUpload={beforeMeeting && departmentId === item.submittingDepartmentId}
          onChanged={onChanged}
        />
      ),
    },
    {
      title: '已完成程序',
      key: 'completed',
      width: 180,
      render: (_, item) =>
        item.completed.length === 0 ? (
          none
        ) : (
          <ul aria-label="已完成程序" style={{ margin: 0, paddingInlineStart: 18 }}>
            {item.completed.map((step) => (
              <li key={step.code}>
                {labels.get(step.code) ?? step.code}
                {step.note && <Typography.Text type="secondary">：{step.note}</Typography.Text>}
              </li>
            ))}
          </ul>
        ),
    },
    {
      title: '不同意见',
      key: 'dissents',
      width: 220,
      render: (_, item) => {
        const own = departmentId !== null && departmentId === item.submittingDepartmentId
        const mayRaise = beforeMeeting && !own && item.state !== 'withdrawn'
        if (item.dissents.length === 0 && !mayRaise) return none
        return (
          <Space orientation="vertical" size="small">
            <DissentList
              meetingId={meetingId}
              dissents={item.dissents}
              mayAnswer={beforeMeeting && own}
              onDone={onChanged}
            />
            {mayRaise && (
              <RaiseDissentButton
                meetingId={meetingId}
                itemId={item.id}
                itemTitle={item.title}
                onDone={onChanged}
              />
            )}
          </Space>
        )
      },
    },
  ]
  return (
    <Table<AgendaItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={view.agenda}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '尚无议题' }}
    />
  )
}
