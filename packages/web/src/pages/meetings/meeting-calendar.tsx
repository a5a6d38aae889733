import { Button, Calendar, Flex, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { Link } from 'react-router-dom'
import type { MeetingSummary } from '../../api/meetings.ts'
import { meetingDateOf, meetingTimeLabel } from './meeting-time.ts'

/**
 * A month of meetings, each title on its date (Beijing) linking to the meeting. The header is
 * the page's own: month to month only, with buttons a keyboard and a test can name.
 */
export function MeetingCalendar({
  month,
  meetings,
  onMonth,
}: {
  month: Dayjs
  meetings: MeetingSummary[]
  onMonth: (month: Dayjs) => void
}) {
  const byDate = new Map<string, MeetingSummary[]>()
  for (const meeting of meetings) {
    const date = meetingDateOf(meeting.startsAt)
    byDate.set(date, [...(byDate.get(date) ?? []), meeting])
  }

  return (
    <Calendar
      value={month}
      onChange={(date) => onMonth(date)}
      headerRender={() => (
        <Flex justify="space-between" align="center" style={{ padding: '8px 0' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {month.format('YYYY年M月')}
          </Typography.Title>
          <Flex gap={8}>
            <Button onClick={() => onMonth(month.subtract(1, 'month'))}>上个月</Button>
            <Button onClick={() => onMonth(dayjs())}>本月</Button>
            <Button onClick={() => onMonth(month.add(1, 'month'))}>下个月</Button>
          </Flex>
        </Flex>
      )}
      cellRender={(date, info) => {
        if (info.type !== 'date') return info.originNode
        const onDate = byDate.get(date.format('YYYY-MM-DD')) ?? []
        return (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {onDate.map((meeting) => (
              <li key={meeting.id} style={{ lineHeight: 1.4, marginBottom: 2 }}>
                <Link to={`/meetings/${meeting.id}`}>
                  {meetingTimeLabel(meeting.startsAt).slice(11)} {meeting.title}
                </Link>
              </li>
            ))}
          </ul>
        )
      }}
    />
  )
}
