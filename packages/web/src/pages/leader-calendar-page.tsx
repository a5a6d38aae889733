import { LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Flex, Select, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { useSearchParams } from 'react-router-dom'
import { fetchLeaderCalendar, leaderCalendarPrintUrl } from '../api/leader-calendar.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { useNarrow } from '../layout/use-narrow.ts'
import { useMe } from '../session/session-context.ts'
import { DayList } from './leader-calendar/day-list.tsx'
import { ENTRY_KINDS, monthDay } from './leader-calendar/entry-line.tsx'
import { WeekTable } from './leader-calendar/week-table.tsx'

export function LeaderCalendarPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不处理政务，不能查看领导活动安排" />
  return <LeaderCalendar />
}

/**
 * 领导活动安排: one week of the leadership's meetings, trips and leave, events and days acting
 * for another post, for all leaders or one; the weekly table prints on A4 landscape.
 */
function LeaderCalendar() {
  const narrow = useNarrow()
  const [params, setParams] = useSearchParams()
  const week = params.get('week') ?? undefined
  const postId = params.get('leader') ?? undefined
  const calendar = useLoad(`leader-calendar:${week ?? 'today'}`, (signal) =>
    fetchLeaderCalendar({ week }, signal),
  )
  const view = calendar.data
  const go = (next: { week?: string; leader?: string }) => {
    const merged = { week, leader: postId, ...next }
    const search = new URLSearchParams()
    if (merged.week) search.set('week', merged.week)
    if (merged.leader) search.set('leader', merged.leader)
    setParams(search)
  }
  const shown = view
    ? { ...view, leaders: view.leaders.filter((leader) => !postId || leader.postId === postId) }
    : undefined

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <PageTitle>领导活动安排</PageTitle>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {view
            ? `${view.jurisdictionName}，${view.weekStart.slice(0, 4)}年${monthDay(view.weekStart)}至${monthDay(view.weekEnd)}。`
            : ''}
          会议、外出（请假、出差、出访、休假、外出报备）、活动和代行职责按周汇总，时间为北京时间。
        </Typography.Paragraph>
      </div>
      <Flex gap={8} wrap align="center">
        <Space.Compact>
          <Button
            icon={<LeftOutlined aria-hidden />}
            disabled={!view}
            onClick={() => view && go({ week: view.previousWeek })}
          >
            上一周
          </Button>
          <Button onClick={() => go({ week: undefined })}>本周</Button>
          <Button disabled={!view} onClick={() => view && go({ week: view.nextWeek })}>
            下一周
            <RightOutlined aria-hidden />
          </Button>
        </Space.Compact>
        <DatePicker
          aria-label="选择日期所在的周"
          allowClear={false}
          value={view ? dayjs(view.weekStart) : null}
          onChange={(value) => value && go({ week: value.format('YYYY-MM-DD') })}
          style={{ width: 150 }}
        />
        <Select
          aria-label="领导"
          style={{ minWidth: 220 }}
          value={postId ?? ''}
          onChange={(value) => go({ leader: value || undefined })}
          options={[
            { value: '', label: '全体领导' },
            ...(view?.leaders ?? []).map((leader) => ({
              value: leader.postId,
              label: `${leader.title} ${leader.holders.join('、')}`,
            })),
          ]}
        />
        <Button
          icon={<PrinterOutlined aria-hidden />}
          href={leaderCalendarPrintUrl({ week: view?.weekStart ?? week, postId })}
          target="_blank"
          rel="noopener"
        >
          打印安排表
        </Button>
      </Flex>
      {calendar.error && <LoadError error={calendar.error} onRetry={calendar.reload} />}
      {shown &&
        (narrow ? (
          <DayList view={shown} />
        ) : (
          <Card role="region" aria-label="领导活动安排表" styles={{ body: { padding: 0 } }}>
            <WeekTable view={shown} loading={calendar.loading} />
          </Card>
        ))}
      {view && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          图例：
          {Object.values(ENTRY_KINDS)
            .map((kind) => kind.label)
            .join('、')}
          。{view.notes.join(' ')}
        </Typography.Paragraph>
      )}
    </Space>
  )
}
