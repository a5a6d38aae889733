import officialDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import type { CalendarData } from './calendar-data.ts'

/**
 * The State Council holiday arrangements as shipped by the `chinese-days` package.
 * Its entries look like "Spring Festival,春节,4"; we keep the Chinese name.
 */
export function officialCalendarData(): CalendarData {
  const days: CalendarData['days'] = []
  const years = new Set<number>()
  for (const [date, label] of Object.entries(officialDays.holidays as Record<string, string>)) {
    days.push({ date, kind: 'holiday', name: label.split(',')[1] ?? label })
    years.add(Number(date.slice(0, 4)))
  }
  for (const [date, label] of Object.entries(officialDays.workdays as Record<string, string>)) {
    days.push({ date, kind: 'makeupWorkday', name: `${label.split(',')[1] ?? label}调休上班` })
    years.add(Number(date.slice(0, 4)))
  }
  return {
    calendar: 'national-official',
    scope: 'national',
    covers: [...years].sort((a, b) => a - b),
    source: {
      title: '国务院办公厅关于部分节假日安排的通知（历年，经 chinese-days 软件包收录）',
      reference: 'npm: chinese-days',
    },
    days,
  }
}
