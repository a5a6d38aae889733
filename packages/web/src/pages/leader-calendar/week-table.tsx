import { Table, Typography } from 'antd'
import type { LeaderCalendarView } from '../../api/leader-calendar.ts'
import { EntryLine, monthDay } from './entry-line.tsx'

type Leader = LeaderCalendarView['leaders'][number]

/** The week as the office lays it out: a row per leader, a column per day. */
export function WeekTable({ view, loading }: { view: LeaderCalendarView; loading: boolean }) {
  return (
    <Table<Leader>
      rowKey="postId"
      size="small"
      bordered
      pagination={false}
      loading={loading}
      dataSource={view.leaders}
      scroll={{ x: 940 }}
      locale={{ emptyText: '本级政府领导职务暂无人任职' }}
      columns={[
        {
          title: '领导',
          key: 'leader',
          fixed: 'left',
          width: 120,
          render: (_, leader) => (
            <div>
              <div>{leader.title}</div>
              <Typography.Text strong>{leader.holders.join('、') || '（空缺）'}</Typography.Text>
            </div>
          ),
        },
        ...view.days.map((day) => ({
          title: (
            <span>
              {day.weekday}
              <br />
              {monthDay(day.date)}
            </span>
          ),
          key: day.date,
          onCell: () => ({ style: { verticalAlign: 'top' as const } }),
          render: (_: unknown, leader: Leader) =>
            leader.entries
              .filter((entry) => entry.date === day.date)
              .map((entry, index) => (
                <EntryLine key={index} entry={entry} weekStart={view.weekStart} />
              )),
        })),
      ]}
    />
  )
}
