import { request } from './client.ts'
import type { Citation } from './types.ts'

/**
 * 值班日志、交接班 (packages/http/src/routes/duty-log.contract.ts): the entries of a shift to the
 * minute, dispatch of instructions and hotline items to the supervision ledger, and the handover
 * signed by both shifts. Times are instants; the page shows them in Beijing time.
 */
export type DutyLogKind = 'call' | 'instruction' | 'hotline' | 'incident' | 'other'

export interface PersonRef {
  personId: string
  name: string
}

export interface DutyLogEntry {
  id: string
  dutyUnitId: string
  shiftId: string | null
  kind: DutyLogKind
  receivedAt: string
  fromText: string
  summary: string
  actionTaken: string
  passOn: boolean
  supervisionItemId: string | null
  incidentId: string | null
  recordedBy: PersonRef
  recordedAt: string
}

export interface DutyLogShift {
  id: string
  label: string
  startsAt: string
  endsAt: string
  status: string
  leader: PersonRef | null
  staff: PersonRef[]
}

export interface DutyHandover {
  id: string
  dutyUnitId: string
  fromShiftId: string
  toShiftId: string | null
  notes: string
  handedBy: PersonRef
  handedAt: string
  receivedBy: PersonRef | null
  receivedAt: string | null
  mayReceive: boolean
}

export interface DutyLogView {
  serverNow: string
  units: { id: string; name: string; season: string | null }[]
  kinds: { code: DutyLogKind; label: string; dispatchAs: string | null }[]
  citations: Citation[]
  unit: { id: string; name: string; season: string | null } | null
  shift: DutyLogShift | null
  previousShift: DutyLogShift | null
  nextShift: DutyLogShift | null
  entries: DutyLogEntry[]
  passedOn: DutyLogEntry[]
  handoverIn: DutyHandover | null
  handoverOut: DutyHandover | null
  mayWrite: boolean
  mayHand: boolean
}

export const fetchDutyLog = (query: { unit?: string; shift?: string }, signal?: AbortSignal) => {
  const params = new URLSearchParams()
  if (query.unit) params.set('unit', query.unit)
  if (query.shift) params.set('shift', query.shift)
  const search = params.toString()
  return request<DutyLogView>('GET', `/api/duty/log${search ? `?${search}` : ''}`, { signal })
}

export interface NewDutyLogEntry {
  unitId: string
  kind: DutyLogKind
  receivedAt: string
  fromText?: string
  summary: string
  actionTaken?: string
  passOn?: boolean
}

export const recordDutyLogEntry = (body: NewDutyLogEntry) =>
  request<DutyLogEntry & { citations: Citation[] }>('POST', '/api/duty/log', { body })

export interface DutyLogDispatch {
  leadDepartmentId: string
  coDepartmentIds?: string[]
  due?: string
  title?: string
}

export const dispatchDutyLogEntry = (entryId: string, body: DutyLogDispatch) =>
  request<{
    entry: DutyLogEntry
    supervisionItem: {
      id: string
      title: string
      sourceLabel: string
      assignedOn: string
      dueDate: string
      ruleIds: string[]
    }
    citations: Citation[]
  }>('POST', `/api/duty/log/${entryId}/dispatch`, { body: { as: 'supervision', ...body } })

export const handOverDutyShift = (fromShiftId: string, notes: string) =>
  request<DutyHandover>('POST', '/api/duty/handovers', { body: { fromShiftId, notes } })

export const receiveDutyHandover = (handoverId: string) =>
  request<DutyHandover>('POST', `/api/duty/handovers/${handoverId}/receive`, { body: {} })
