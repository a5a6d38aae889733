import { request } from './client.ts'
import type { Citation } from './types.ts'

/**
 * 值班表 (issue 16): duty units, their rosters by day with the leader on call (带班领导) and staff,
 * gaps, and the holiday periods of the official calendar. Shapes follow
 * packages/http/src/routes/duty-rosters.contract.ts.
 */

export type DutyDayType = 'workday' | 'restday' | 'holiday'

export const DUTY_DAY_TYPE_LABELS: Record<DutyDayType, string> = {
  workday: '工作日',
  restday: '双休日',
  holiday: '节假日',
}

export interface HolidayPeriod {
  code: string
  name: string
  from: string
  to: string
  source: string
}

export interface DutyRule {
  leaderOnCall: boolean
  summary: string
  citations: Citation[]
}

export interface DutyShiftTemplate {
  label: string
  start: string
  end: string
  staff: number
}

export type DutyShiftPattern = Record<DutyDayType, DutyShiftTemplate[]>

export interface DutyUnit {
  id: string
  departmentId: string
  departmentName: string
  season: string | null
  seasonLabel: string
  seasonFrom: string | null
  seasonTo: string | null
  shiftPattern: DutyShiftPattern
  leaderPostIds: string[]
  staffPostIds: string[]
  rule: DutyRule | null
  canManage: boolean
}

export interface DutyShift {
  id: string
  label: string
  startsAt: string
  endsAt: string
  dayType: DutyDayType
  holidayName: string | null
  status: 'draft' | 'published'
  version: number
  leader: { personId: string; postId: string | null; name: string; away: boolean } | null
  staff: { personId: string; name: string; away: boolean }[]
  issues: string[]
  uncovered: boolean
  upcoming: boolean
}

export interface DutyCandidate {
  postId: string
  postTitle: string
  personId: string
  name: string
}

export interface DutyRoster {
  unit: { id: string; departmentName: string; seasonLabel: string; season: string | null }
  from: string
  to: string
  holiday: HolidayPeriod | null
  rule: DutyRule | null
  days: { date: string; dayType: DutyDayType; holidayName: string | null; shifts: DutyShift[] }[]
  gaps: number
  uncovered: number
  drafts: number
  leaders: DutyCandidate[]
  staff: DutyCandidate[]
  holidays: HolidayPeriod[]
  canManage: boolean
}

/** A span: dates, or a holiday period (code and year) of the official calendar. */
export interface DutySpan {
  from?: string
  to?: string
  holiday?: string
  year?: number
}

export const fetchDutyUnits = (signal?: AbortSignal) =>
  request<{ units: DutyUnit[] }>('GET', '/api/duty/units', { signal })

export const updateDutyUnit = (
  id: string,
  body: { shiftPattern: DutyShiftPattern; leaderPostIds: string[]; staffPostIds: string[] },
) => request<{ id: string }>('PATCH', `/api/duty/units/${encodeURIComponent(id)}`, { body })

export const fetchDutyRoster = (unit: string, span: DutySpan, signal?: AbortSignal) =>
  request<DutyRoster>('GET', '/api/duty/rosters', { query: { unit, ...span }, signal })

export const generateDutyRoster = (unitId: string, span: DutySpan) =>
  request<DutyRoster>('POST', '/api/duty/rosters/generate', { body: { unitId, ...span } })

export const publishDutyRoster = (unitId: string, span: DutySpan) =>
  request<DutyRoster>('POST', '/api/duty/rosters/publish', { body: { unitId, ...span } })

export const editDutyShift = (
  id: string,
  body: { leaderPersonId: string | null; staffPersonIds: string[]; version: number },
) => request<{ shift: DutyShift }>('PATCH', `/api/duty/shifts/${encodeURIComponent(id)}`, { body })

export const swapDutyShift = (
  id: string,
  body: {
    role: 'leader' | 'staff'
    fromPersonId: string | null
    toPersonId: string
    reason: string
  },
) =>
  request<{ shift: DutyShift }>('POST', `/api/duty/shifts/${encodeURIComponent(id)}/swap`, {
    body,
  })

/** The printable page's address (opened in a new tab; the browser prints it). */
export function dutyRosterPrintUrl(unit: string, span: DutySpan): string {
  const params = new URLSearchParams({ unit })
  for (const [key, value] of Object.entries(span))
    if (value !== undefined) params.set(key, String(value))
  return `/api/duty/rosters/print?${params.toString()}`
}
