const shanghaiClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/** An instant as Beijing time, 'YYYY-MM-DD HH:mm:ss', whatever the browser's time zone. */
export function formatShanghaiTime(instant: string): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant
  const parts = Object.fromEntries(
    shanghaiClock.formatToParts(date).map((part) => [part.type, part.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`
}

/** A civil date range; an open end (still in office) reads "起". */
export function formatDateRange(from: string, to: string | null): string {
  return to === null ? `${from} 起` : `${from} 至 ${to}`
}

/** A civil date as the API and the date pickers exchange it (dayjs format). */
export const DATE_FORMAT = 'YYYY-MM-DD'
