import type { SecrecyLevel } from '../access/secrecy.ts'

/** 出差、出访、休假、学习、请假、离县外出 (the rulebook's category codes, issue 15 contract C1). */
export const ABSENCE_CATEGORY_LABELS = {
  businessTrip: '出差',
  abroad: '出访（因公出国（境））',
  vacation: '休假',
  study: '学习',
  personalLeave: '请假（事假）',
  leaveArea: '离开本行政区域外出',
} as const

export type AbsenceCategory = keyof typeof ABSENCE_CATEGORY_LABELS

export const ABSENCE_CATEGORIES = Object.keys(ABSENCE_CATEGORY_LABELS) as AbsenceCategory[]

/** Approval (请假, 请示) or filing only (报告, 报备: in force when filed). */
export type AbsenceMode = 'approval' | 'filing'

export type AbsenceStatus = 'pending' | 'approved' | 'refused' | 'filed' | 'withdrawn' | 'returned'

export const ABSENCE_STATUS_LABELS: Record<AbsenceStatus, string> = {
  pending: '待审批',
  approved: '已批准',
  refused: '未批准',
  filed: '已报备',
  withdrawn: '已撤回',
  returned: '已销假',
}

export const ABSENCE_ACTION_LABELS: Record<string, string> = {
  request: '提交请假（外出）申请',
  file: '外出报备',
  pass: '审核同意（转报）',
  approve: '批准',
  refuse: '不予批准',
  return: '销假',
  withdraw: '撤回',
}

/** Statuses in which the holder is (or will be) away: what acting duty and the calendar read. */
export const ABSENCE_IN_FORCE: readonly AbsenceStatus[] = ['approved', 'filed', 'returned']

/** A conflict with other leaders' absences flagged at filing (leave-conflict). */
export interface AbsenceConflict {
  summary: string
  /** The rule forbids it outright (not 原则上): such a request is refused, so stored ones are false. */
  forbidden: boolean
  ruleIds: string[]
}

/** One absence request or filing as stored. */
export interface AbsenceRecord {
  id: string
  jurisdictionId: string
  personId: string
  postId: string
  unitId: string | null
  category: string
  from: string
  to: string
  days: number
  destination: string
  reason: string
  contact: string
  standInPostId: string | null
  mode: AbsenceMode
  status: AbsenceStatus
  /** The post that decided, or (while pending) the first of those that may decide. */
  approverPostId: string | null
  approverPostIds: string[]
  viaPostIds: string[]
  informPostIds: string[]
  fileWithPostIds: string[]
  reportBackPostIds: string[]
  filedAt: string
  latestFiling: string | null
  late: boolean
  conflict: AbsenceConflict | null
  decidedAt: string | null
  decidedByPostId: string | null
  opinion: string | null
  returnedOn: string | null
  returnReport: string | null
  ruleIds: string[]
  secrecy: SecrecyLevel
  distributionPosts: string[]
  distributionDepartments: string[]
  version: number
  createdAt: string
  updatedAt: string
}

/** One entry of an absence's history, with who acted in which post (names read with it). */
export interface AbsenceEvent {
  occurredAt: string
  actorPersonId: string | null
  actorPostId: string | null
  actorName: string | null
  actorPostTitle: string | null
  action: string
  text: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}

/** An absence as an act or a view reads it: the record, the names it shows, its history. */
export interface LoadedAbsence {
  record: AbsenceRecord
  personName: string
  /** The role of the absent post (the rulebook post the conflict rules name). */
  postRole: string
  /**
   * The other absences in force touching this one's days (for the conflict check at approval),
   * each up to its day of return.
   */
  overlapping: {
    id: string
    postId: string
    role: string
    postTitle: string
    from: string
    to: string
    status: AbsenceStatus
  }[]
  /** Titles of the posts the record names (its post, stand-in, approvers…), by post id. */
  postTitles: Record<string, string>
  history: AbsenceEvent[]
  /** Who acts for the post over the days it is in force, as acting duty wrote it (none in fakes). */
  acting?: {
    from: string
    to: string
    actingPostTitle: string
    actingHolders: string[]
    /** 代行区长职责 — 第六条. */
    note: string
    ruleId: string | null
  }[]
}

/** Whether the absence is in force and past its end without 销假 on `today`. */
export function returnOverdue(
  record: Pick<AbsenceRecord, 'status' | 'to'>,
  today: string,
): boolean {
  return (record.status === 'approved' || record.status === 'filed') && record.to < today
}

/** Calendar days from `from` to `to`, both counted (a one-day trip is 1). */
export function daysSpanned(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  )
}
