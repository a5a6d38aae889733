import type { DutyShift } from '../../api/duty-rosters.ts'
import { formatShanghaiTime } from '../../format.ts'

/** '10-01 08:30 — 10-02 08:30' in Beijing time, with the shift's label. */
export function shiftTime(shift: Pick<DutyShift, 'label' | 'startsAt' | 'endsAt'>): string {
  const start = formatShanghaiTime(shift.startsAt).slice(5, 16)
  const end = formatShanghaiTime(shift.endsAt).slice(5, 16)
  return `${shift.label} ${start} — ${end}`
}
