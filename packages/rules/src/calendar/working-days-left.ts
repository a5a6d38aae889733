import { type LocalDate, toEpochDay } from '../dates/local-date.ts'
import type { WorkingCalendar } from './working-calendar.ts'

/**
 * Working days left until a due date, as a 待办 list shows them: 0 when due today, 1 when due on
 * the next working day; negative when overdue, counting the working days since the due date.
 */
export function workingDaysLeft(
  calendar: WorkingCalendar,
  today: LocalDate,
  due: LocalDate,
): number {
  const from = toEpochDay(today)
  const to = toEpochDay(due)
  let count = 0
  if (to >= from) {
    for (let day = from + 1; day <= to; day += 1) if (calendar.isWorkingEpochDay(day)) count += 1
    return count
  }
  for (let day = to + 1; day <= from; day += 1) if (calendar.isWorkingEpochDay(day)) count -= 1
  return count
}
