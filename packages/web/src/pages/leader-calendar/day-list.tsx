import { Card, List, Space, Typography } from 'antd'
import type { LeaderCalendarView } from '../../api/leader-calendar.ts'
import { EntryLine, monthDay } from './entry-line.tsx'

/** The week on a phone: a card per day, each leader's entries under their name. */
export function DayList({ view }: { view: LeaderCalendarView }) {
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      {view.days.map((day) => {
        const leaders = view.leaders
          .map((leader) => ({
            leader,
            entries: leader.entries.filter((entry) => entry.date === day.date),
          }))
          .filter((row) => row.entries.length > 0)
        return (
          <Card
            key={day.date}
            size="small"
            title={`${day.weekday} ${monthDay(day.date)}`}
            role="region"
            aria-label={`${day.weekday} ${monthDay(day.date)}`}
          >
            {leaders.length === 0 ? (
              <Typography.Text type="secondary">无安排</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={leaders}
                renderItem={({ leader, entries }) => (
                  <List.Item key={leader.postId} style={{ display: 'block', paddingInline: 0 }}>
                    <Typography.Text strong>
                      {leader.title} {leader.holders.join('、')}
                    </Typography.Text>
                    {entries.map((entry, index) => (
                      <EntryLine key={index} entry={entry} weekStart={view.weekStart} />
                    ))}
                  </List.Item>
                )}
              />
            )}
          </Card>
        )
      })}
    </Space>
  )
}
