/**
 * Instants for hour- and minute-based periods (incident reports). Inputs carry an explicit
 * offset; outputs are written in Asia/Shanghai (+08:00, no DST since 1991).
 */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

export function isInstant(value: string): boolean {
  return INSTANT_PATTERN.test(value) && !Number.isNaN(Date.parse(value))
}

export function parseInstant(value: string): number {
  if (!isInstant(value)) {
    throw new RangeError(
      `不是有效时刻（应为 ISO 8601 并带时区，如 2026-03-02T09:30+08:00）：${value}`,
    )
  }
  return Date.parse(value)
}

export function formatShanghai(epochMs: number): string {
  const shifted = new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString()
  return `${shifted.slice(0, 19)}+08:00`
}

export function shanghaiDateOf(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}
