import { Flex, Typography } from 'antd'
import type { NoticeDay } from '../../api/calendar.ts'

const WEEK = ['一', '二', '三', '四', '五', '六', '日']

/** The months a notice touches, each as a small grid: 休 on holidays, 班 on makeup working days. */
export function NoticeMonths({ days }: { days: NoticeDay[] }) {
  const byDate = new Map(days.map((day) => [day.date, day]))
  const months = [...new Set(days.map((day) => day.date.slice(0, 7)))].sort()
  return (
    <Flex wrap gap={16} role="list" aria-label="通知涉及的月份">
      {months.map((month) => (
        <Month key={month} month={month} byDate={byDate} />
      ))}
    </Flex>
  )
}

function Month({ month, byDate }: { month: string; byDate: Map<string, NoticeDay> }) {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const first = new Date(Date.UTC(year, m - 1, 1))
  const length = new Date(Date.UTC(year, m, 0)).getUTCDate()
  const lead = (first.getUTCDay() + 6) % 7
  const cells: (number | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length }, (_, i) => i + 1),
  ]
  return (
    <div role="listitem" style={{ width: 238 }}>
      <Typography.Text strong>
        {year}年{m}月
      </Typography.Text>
      <div
        style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 34px)', marginTop: 4 }}
        role="grid"
        aria-label={`${year}年${m}月`}
      >
        {WEEK.map((w) => (
          <div key={w} style={{ textAlign: 'center', color: '#888', fontSize: 12 }}>
            {w}
          </div>
        ))}
        {cells.map((d, index) => {
          if (d === null) return <div key={`lead-${index}`} />
          const date = `${month}-${String(d).padStart(2, '0')}`
          const day = byDate.get(date)
          const weekend = index % 7 >= 5
          const mark = day?.kind === 'holiday' ? '休' : day?.kind === 'makeupWorkday' ? '班' : ''
          return (
            <div
              key={date}
              role="gridcell"
              title={day ? `${date} ${day.name}` : date}
              aria-label={day ? `${m}月${d}日 ${mark} ${day.name}` : `${m}月${d}日`}
              style={{
                textAlign: 'center',
                lineHeight: '16px',
                padding: '2px 0',
                borderRadius: 4,
                background:
                  day?.kind === 'holiday'
                    ? '#fff1f0'
                    : day?.kind === 'makeupWorkday'
                      ? '#e6f4ff'
                      : undefined,
                color: day?.kind === 'holiday' ? '#cf1322' : weekend && !day ? '#999' : undefined,
              }}
            >
              <div>{d}</div>
              <div style={{ fontSize: 10, minHeight: 12 }}>{mark}</div>
            </div>
          )
        })}
      </div>
    </div>
  )
}
