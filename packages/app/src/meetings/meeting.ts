import type { SecrecyLevel } from '../access/secrecy.ts'

export type MeetingState = 'planned' | 'agendaApproved' | 'open' | 'closed'
export type Attendance = 'invited' | 'leaveRequested' | 'onLeave' | 'present' | 'absent'
export type AgendaDecision = 'adopted' | 'adoptedWithChanges' | 'deferred' | 'rejected'

/** A meeting of a kind the rulebook defines (常务会议…), with its access facts. */
export interface MeetingRecord {
  id: string
  jurisdictionId: string
  /** The rulebook's meeting id: standing, plenary, partyGroup… */
  meetingType: string
  title: string
  startsAt: string
  location: string
  presiderPostId: string | null
  state: MeetingState
  secrecy: SecrecyLevel
  distributionPosts: string[]
  distributionDepartments: string[]
  agendaApprovedAt: string | null
  agendaApprovedByPostId: string | null
  openedAt: string | null
  closedAt: string | null
  /** The quorum decision at opening: who counted, the minimum, the article. */
  quorum: Record<string, unknown> | null
  minutesDocumentId: string | null
  minutesDue: string | null
  createdByPersonId: string | null
  createdByPostId: string | null
  createdAt: string
}

/** A member (组成人员, counted for the quorum) or attendee (列席), by post. */
export interface MeetingParticipant {
  meetingId: string
  postId: string
  role: 'member' | 'attendee'
  attendance: Attendance
  leaveReason: string | null
  /** 代会人员 named on the leave request. */
  substitute: string | null
  leaveRequestedAt: string | null
  leaveDecidedByPostId: string | null
  leaveDecidedAt: string | null
  leaveRuleIds: string[]
}

/** A step done before the meeting (合法性审查, 征求意见…) and who recorded it. */
export interface CompletedStep {
  code: string
  note: string | null
  recordedByPostId: string
  recordedAt: string
}

export interface AgendaItemRecord {
  id: string
  meetingId: string
  position: number
  title: string
  summary: string
  submittingDepartmentId: string
  submittedByPersonId: string | null
  submittedByPostId: string | null
  submittedAt: string
  /** What the item is, in the rulebook's condition codes (involvesOtherUnits…). */
  characteristics: string[]
  completed: CompletedStep[]
  involvedDepartmentIds: string[]
  /**
   * The 分管副职 the unit named at submission because no deputy oversees it (the government
   * office; ADR 0010); null for a unit with its own.
   */
  portfolioDeputyPostId: string | null
  /** 临时动议: put on the agenda after it was approved. */
  adHoc: boolean
  state: 'submitted' | 'approved' | 'withdrawn' | 'decided'
  decision: AgendaDecision | null
  decisionText: string | null
  decidedAt: string | null
}

/** 不同意见 raised to the submitting unit before the meeting, and its answer. */
export interface AgendaDissent {
  id: string
  agendaItemId: string
  raisedByPersonId: string | null
  raisedByPostId: string
  raisedAt: string
  text: string
  response: 'adopted' | 'notAdopted' | null
  responseText: string | null
  respondedAt: string | null
}

export interface MeetingEvent {
  meetingId: string
  agendaItemId: string | null
  occurredAt: string
  actorPersonId: string | null
  actorPostId: string | null
  action: string
  text: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}

/** A file put forward with an agenda item (会议材料), without its bytes. */
export interface AgendaMaterial {
  id: string
  agendaItemId: string
  name: string
  mediaType: string
  sizeBytes: number
  sha256: string
  uploadedAt: string
  uploadedByPersonId: string | null
  uploadedByPostId: string | null
}
