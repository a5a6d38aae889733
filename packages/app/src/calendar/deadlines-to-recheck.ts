import type { CalendarLayers } from './calendar-layers.ts'
import type { StoredDeadline } from './calendar-notice-repository.ts'

export interface DeadlineToRecheck extends StoredDeadline {
  /** The due day as the calendar now counts it: still a working day, or now a rest day. */
  now: { workingDay: boolean; label: string }
}

const REASONS: Record<string, string> = {
  weekday: '工作日',
  weekend: '周末',
  holiday: '节假日',
  makeupWorkday: '调休上班日',
  unknownYear: '暂定工作日',
}

/** Each stored due date with what the calendar says of that day now. */
export function describeDeadlines(
  calendar: CalendarLayers,
  deadlines: StoredDeadline[],
): DeadlineToRecheck[] {
  return deadlines.map((deadline) => {
    const day = calendar.day(deadline.dueDate)
    const reason = REASONS[day.reason] ?? day.reason
    return {
      ...deadline,
      now: { workingDay: day.workingDay, label: day.name ? `${reason}（${day.name}）` : reason },
    }
  })
}
