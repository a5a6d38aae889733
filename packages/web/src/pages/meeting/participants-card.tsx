import { Button, Card, Divider, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { decideLeave, type MeetingParticipant, type MeetingView } from '../../api/meetings.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { ATTENDANCE_COLORS, ATTENDANCE_LABELS, ROLE_LABELS } from '../meetings/meeting-labels.ts'
import { MeetingNotice } from './meeting-notice.tsx'
import { AttendanceForm } from './attendance-form.tsx'
import { LeaveForm } from './leave-form.tsx'
import { useMeetingAct } from './use-meeting-act.ts'

const none = <Typography.Text type="secondary">—</Typography.Text>

/**
 * 参会人员: members first, then attendees, with attendance and leave. The presider decides leave
 * requests from the table; the current post asks for leave below it; once the agenda is
 * approved the office signs people in and opens the meeting.
 */
export function ParticipantsCard({
  view,
  onChanged,
}: {
  view: MeetingView
  onChanged: () => void
}) {
  const { meeting, may, quorum } = view
  const decision = useMeetingAct(onChanged)
  const participants = [...view.participants].sort((a, b) =>
    a.role === b.role ? 0 : a.role === 'member' ? -1 : 1,
  )

  const columns: TableColumnsType<MeetingParticipant> = [
    {
      title: '职务',
      key: 'title',
      render: (_, p) => (
        <>
          {p.title}
          <br />
          <Typography.Text type="secondary">{p.holders.join('、') || '空缺'}</Typography.Text>
        </>
      ),
    },
    { title: '身份', key: 'role', render: (_, p) => ROLE_LABELS[p.role] ?? p.role },
    {
      title: '出席',
      key: 'attendance',
      render: (_, p) => (
        <Tag color={ATTENDANCE_COLORS[p.attendance]}>{ATTENDANCE_LABELS[p.attendance]}</Tag>
      ),
    },
    {
      title: '请假',
      key: 'leave',
      render: (_, p) =>
        p.leaveReason ? (
          <>
            {p.leaveReason}
            {p.substitute && (
              <>
                <br />
                <Typography.Text type="secondary">代会：{p.substitute}</Typography.Text>
              </>
            )}
          </>
        ) : (
          none
        ),
    },
  ]
  if (may.decideLeave)
    columns.push({
      title: '审批',
      key: 'decide',
      render: (_, p) =>
        p.attendance === 'leaveRequested' && (
          <Space size="small">
            <Button
              size="small"
              type="primary"
              loading={decision.submitting}
              onClick={() => decision.act(() => decideLeave(meeting.id, p.postId, true))}
            >
              准假
            </Button>
            <Button
              size="small"
              danger
              loading={decision.submitting}
              onClick={() => decision.act(() => decideLeave(meeting.id, p.postId, false))}
            >
              不准假
            </Button>
          </Space>
        ),
    })

  return (
    <Card title="参会人员" role="region" aria-label="参会人员">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Table<MeetingParticipant>
          rowKey="postId"
          size="small"
          columns={columns}
          dataSource={participants}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '本会议没有参会人员' }}
        />
        {decision.error && <SubmitError error={decision.error} />}
        {meeting.state !== 'planned' && <MeetingNotice view={view} onDone={onChanged} />}
        <section aria-label="法定人数">
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            <Typography.Text strong>法定人数：</Typography.Text>
            {quorum.summary}
          </Typography.Paragraph>
          {quorum.citations.length > 0 && <CitationList citations={quorum.citations} />}
        </section>
      </Space>
      {may.requestLeave && (
        <>
          <Divider />
          <LeaveForm meetingId={meeting.id} onDone={onChanged} />
        </>
      )}
      {may.organise && meeting.state === 'agendaApproved' && (
        <>
          <Divider />
          <AttendanceForm view={view} onDone={onChanged} />
        </>
      )}
      {may.organise && meeting.state === 'planned' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          议题审定后，即可在此签到并宣布开会。
        </Typography.Paragraph>
      )}
    </Card>
  )
}
