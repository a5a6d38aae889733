import { Card, Flex, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { fetchMeetings } from '../api/meetings.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { useMe } from '../session/session-context.ts'
import { MeetingCalendar } from './meetings/meeting-calendar.tsx'
import { MeetingTable } from './meetings/meeting-table.tsx'
import { ScheduleMeetingButton } from './meetings/schedule-meeting-button.tsx'

export function MeetingsPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不参加政府会议，不能查看会议" />
  return <Meetings />
}

/** 会议: the month's meetings the viewer may see, on a calendar and in a list. */
function Meetings() {
  const [month, setMonth] = useState<Dayjs>(() => dayjs())
  const key = month.format('YYYY-MM')
  const meetings = useLoad(`meetings:${key}`, (signal) =>
    fetchMeetings(
      {
        from: month.startOf('month').format('YYYY-MM-DD'),
        to: month.endOf('month').format('YYYY-MM-DD'),
      },
      signal,
    ),
  )
  const data = meetings.data ?? []

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <PageTitle>会议</PageTitle>
          <Typography.Paragraph type="secondary">
            本辖区工作规则规定的政府会议：议题准入、请假、法定人数、会议决定和纪要均按规则办理。时间为北京时间。
          </Typography.Paragraph>
        </div>
        <ScheduleMeetingButton />
      </Flex>
      {meetings.error && <LoadError error={meetings.error} onRetry={meetings.reload} />}
      <Card role="region" aria-label="会议日历">
        <MeetingCalendar month={month} meetings={data} onMonth={setMonth} />
      </Card>
      <Card title="本月会议" role="region" aria-label="本月会议">
        <MeetingTable meetings={data} loading={meetings.loading} />
      </Card>
    </Space>
  )
}
