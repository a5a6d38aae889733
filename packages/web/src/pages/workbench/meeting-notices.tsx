import { Card, Empty, List, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { Link } from 'react-router-dom'
import { fetchMeetings } from '../../api/meetings.ts'
import { useLoad } from '../../api/use-load.ts'
import { LoadError } from '../../components/load-error.tsx'
import { MeetingStateTag } from '../meetings/meeting-state-tag.tsx'
import { meetingTimeLabel } from '../meetings/meeting-time.ts'

/**
 * 会议通知: the coming month's meetings a post the person holds takes part in (as member or
 * attendee), so the notice reaches them where they start their day.
 */
export function MeetingNotices() {
  const today = dayjs()
  const notices = useLoad(`meeting-notices:${today.format('YYYY-MM-DD')}`, (signal) =>
    fetchMeetings(
      {
        from: today.format('YYYY-MM-DD'),
        to: today.add(30, 'day').format('YYYY-MM-DD'),
        mine: 'true',
      },
      signal,
    ),
  )
  return (
    <Card title="会议通知" role="region" aria-label="会议通知">
      {notices.error ? (
        <LoadError error={notices.error} onRetry={notices.reload} />
      ) : (notices.data ?? []).length === 0 ? (
        <Empty description={notices.loading ? '正在加载' : '近30天没有需要参加的会议'} />
      ) : (
        <List
          dataSource={notices.data}
          renderItem={(meeting) => (
            <List.Item>
              <Space wrap>
                <Typography.Text>{meetingTimeLabel(meeting.startsAt)}</Typography.Text>
                <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
                <MeetingStateTag state={meeting.state} label={meeting.stateLabel} />
                {meeting.location && (
                  <Typography.Text type="secondary">{meeting.location}</Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
