import { Table, type TableColumnsType, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { MeetingSummary } from '../../api/meetings.ts'
import { MeetingStateTag } from './meeting-state-tag.tsx'
import { meetingTimeLabel } from './meeting-time.ts'

const columns: TableColumnsType<MeetingSummary> = [
  {
    title: '会议时间',
    key: 'startsAt',
    width: 150,
    render: (_, meeting) => meetingTimeLabel(meeting.startsAt),
  },
  {
    title: '会议名称',
    key: 'title',
    render: (_, meeting) => <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>,
  },
  { title: '会议种类', key: 'type', render: (_, meeting) => meeting.typeName },
  {
    title: '地点',
    key: 'location',
    render: (_, meeting) =>
      meeting.location || <Typography.Text type="secondary">—</Typography.Text>,
  },
  {
    title: '状态',
    key: 'state',
    render: (_, meeting) => <MeetingStateTag state={meeting.state} label={meeting.stateLabel} />,
  },
]

/** The month's meetings in time order, for reading (and for screen readers) beside the calendar. */
export function MeetingTable({
  meetings,
  loading,
}: {
  meetings: MeetingSummary[]
  loading: boolean
}) {
  const sorted = [...meetings].sort((a, b) => a.startsAt.localeCompare(b.startsAt))
  return (
    <Table<MeetingSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={sorted}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本月没有会议' }}
    />
  )
}
