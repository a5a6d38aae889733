import type { Dayjs } from 'dayjs'
import { formatShanghaiTime } from '../../format.ts'

/** The civil date (Beijing) a meeting is held on, whatever the browser's time zone. */
export function meetingDateOf(startsAt: string): string {
  return formatShanghaiTime(startsAt).slice(0, 10)
}

/** 'YYYY-MM-DD HH:mm', Beijing time: meetings are set to the minute. */
export function meetingTimeLabel(startsAt: string): string {
  return formatShanghaiTime(startsAt).slice(0, 16)
}

/**
 * The instant of a time picked on the form, read as Beijing time: the picker shows the
 * browser's wall clock, and a meeting at 09:00 is 09:00 in 钟山 even when the browser is set
 * elsewhere, so the picked wall time is sent with the +08:00 offset rather than converted.
 */
export function shanghaiInstantOf(picked: Dayjs): string {
  return `${picked.format('YYYY-MM-DDTHH:mm')}:00+08:00`
}
