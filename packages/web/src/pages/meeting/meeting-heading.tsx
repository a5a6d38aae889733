import { Descriptions, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { MeetingView } from '../../api/meetings.ts'
import { PageTitle } from '../../components/page-title.tsx'
import { CLEARANCE_LABELS } from '../../labels.ts'
import { titledLabel } from '../meetings/meeting-labels.ts'
import { MeetingStateTag } from '../meetings/meeting-state-tag.tsx'
import { meetingTimeLabel } from '../meetings/meeting-time.ts'

const none = <Typography.Text type="secondary">—</Typography.Text>

/** The meeting's name, state and facts, with the article of the rulebook that defines its kind. */
export function MeetingHeading({
  meeting,
  actions,
}: {
  meeting: MeetingView['meeting']
  /** Acts on the meeting itself (编辑), beside its tags. */
  actions?: ReactNode
}) {
  return (
    <div>
      <PageTitle>{meeting.title}</PageTitle>
      <Space size={[0, 8]} wrap style={{ marginBottom: 12 }}>
        <MeetingStateTag state={meeting.state} label={meeting.stateLabel} />
        <Tag>{meeting.typeName}</Tag>
        <Tag color={meeting.secrecy === 'public' ? undefined : 'gold'}>
          {CLEARANCE_LABELS[meeting.secrecy] ?? meeting.secrecy}
        </Tag>
        {actions}
      </Space>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'type', label: '会议种类', children: meeting.typeName },
          {
            key: 'startsAt',
            label: '会议时间',
            children: `${meetingTimeLabel(meeting.startsAt)}（北京时间）`,
          },
          { key: 'location', label: '地点', children: meeting.location || none },
          { key: 'presider', label: '主持人', children: titledLabel(meeting.presider) },
          { key: 'frequency', label: '会议频次', children: meeting.frequency ?? none },
          { key: 'state', label: '会议状态', children: meeting.stateLabel },
        ]}
      />
      {meeting.article && (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>依据：{meeting.article.number}</Typography.Text>
          <blockquote style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {meeting.article.excerpt}
          </blockquote>
        </div>
      )}
    </div>
  )
}
