/**
 * Instants for hour- and minute-based periods (incident reports). An input may carry an offset
 * (`Z`, `+08:00`); one without, as a legal office writes it ("2026-12-07T09:00"), is a local time
 * in Asia/Shanghai. Outputs are written in Asia/Shanghai (+08:00, no DST since 1991).
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/
const OFFSET_PATTERN = /(Z|[+-]\d{2}:\d{2})$/

/** The text with its offset written out: a local date-time without one is +08:00. */
function withOffset(value: string): string {
  return OFFSET_PATTERN.test(value) ? value : `${value}+08:00`
}

export function isInstant(value: string): boolean {
  return INSTANT_PATTERN.test(value) && !Number.isNaN(Date.parse(withOffset(value)))
}

export function parseInstant(value: string): number {
  if (!isInstant(value)) {
    throw new RangeError(
      `不是有效时刻（应为 ISO 8601，如 2026-03-02T09:30 或 2026-03-02T09:30+08:00；不带时区的按北京时间）：${value}`,
    )
  }
  return Date.parse(withOffset(value))
}

export function formatShanghai(epochMs: number): string {
  const shifted = new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString()
  return `${shifted.slice(0, 19)}+08:00`
}

export function shanghaiDateOf(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** An instant as written in Asia/Shanghai, so its first ten characters are its Shanghai date. */
export function normalizeInstant(value: string): string {
  return formatShanghai(parseInstant(value))
}
