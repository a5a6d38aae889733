import type { AbsenceCategory, AbsenceStatus } from '../../api/absences.ts'

/** The categories a person may file, in the order the form offers them (C1 codes). */
export const CATEGORY_OPTIONS: { value: AbsenceCategory; label: string }[] = [
  { value: 'businessTrip', label: '出差' },
  { value: 'abroad', label: '出访（因公出国、出境）' },
  { value: 'vacation', label: '休假' },
  { value: 'study', label: '学习、培训' },
  { value: 'personalLeave', label: '请假（事假、病假）' },
  { value: 'leaveArea', label: '离开辖区外出（其他事由）' },
]

/** The colour of a request's status tag; the words come from the server (statusLabel). */
export const STATUS_COLORS: Record<AbsenceStatus, string> = {
  pending: 'gold',
  approved: 'green',
  filed: 'cyan',
  refused: 'red',
  withdrawn: 'default',
  returned: 'blue',
}

export function statusColor(status: string): string {
  return STATUS_COLORS[status as AbsenceStatus] ?? 'default'
}

/** 审批 or 报备, as the article asks. */
export function modeLabel(mode: string): string {
  return mode === 'filing' ? '报备' : '审批'
}
