import { request, sendFile } from './client.ts'
import type { Citation, Clearance, Holding } from './types.ts'

/**
 * Meetings (会议), as packages/http/src/routes/meetings.contract.ts states them. Acts on a
 * meeting answer the meeting as it now stands, so the page can redraw from any answer.
 */

export type MeetingState = 'planned' | 'agendaApproved' | 'open' | 'closed'
export type Attendance = 'invited' | 'leaveRequested' | 'onLeave' | 'present' | 'absent'
export type AgendaItemState = 'submitted' | 'approved' | 'decided' | 'withdrawn'
export type AgendaDecision = 'adopted' | 'adoptedWithChanges' | 'deferred' | 'rejected'

/** The article of the rulebook that defines a kind of meeting (常务会议: 第四十条…). */
export interface MeetingArticle {
  number: string
  excerpt: string
}

/** A kind of meeting the jurisdiction's rulebook defines. */
export interface MeetingType {
  /** The rulebook's id: standing, plenary, headOffice… */
  id: string
  name: string
  /** How often it meets, in the rulebook's words ('一般每月召开一次'); null when it says nothing. */
  frequency: string | null
  article: MeetingArticle | null
}

/** A post as the meeting names it: its title and who holds it today. */
export interface Titled {
  title: string
  holders: string[]
}

export interface MeetingRecord {
  id: string
  jurisdictionId: string
  meetingType: string
  title: string
  /** ISO instant. */
  startsAt: string
  location: string
  presiderPostId: string | null
  state: MeetingState
  secrecy: Clearance
  agendaApprovedAt: string | null
  openedAt: string | null
  closedAt: string | null
  minutesDocumentId: string | null
  /** The civil date by which the minutes are due, once the meeting closed under a rule that sets one. */
  minutesDue: string | null
  createdAt: string
}

/** A line of the meeting calendar. */
export interface MeetingSummary extends MeetingRecord {
  stateLabel: string
  typeName: string
}

export interface MeetingParticipant {
  postId: string
  /** member: 组成人员, counted for the quorum; attendee: 列席. */
  role: 'member' | 'attendee'
  attendance: Attendance
  leaveReason: string | null
  /** 代会人员 named on the leave request. */
  substitute: string | null
  leaveRequestedAt: string | null
  leaveDecidedAt: string | null
  leaveRuleIds: string[]
  title: string
  holders: string[]
}

/**
 * One check the rulebook makes of an item. excluded: an item of this kind is not admitted;
 * required: every item needs this step; requiredWhen: the step is needed when the item is of the
 * kind in `when`; overCap: the step lets an item in once the agenda is full.
 */
export interface GateCondition {
  type: 'excluded' | 'required' | 'requiredWhen' | 'overCap'
  code: string
  label: string
  ruleId: string
  when?: { code: string; label: string }
  /** For a step: the rulebook posts that record it (any of them), and their titles in words. */
  recordedBy?: string[]
  recorderTitle?: string
}

/** The rulebook's answer whether an item may go on the agenda, and why not, with the articles. */
export interface AgendaGate {
  admitted: boolean
  reasons: { code: string; label: string; ruleId: string; recordedBy?: string[] }[]
  conditions: GateCondition[]
  /** Rulebook post ids that approve the agenda (principal…); empty: the presider does. */
  approvers: string[]
  summary: string
  citations: Citation[]
}

export interface CompletedStep {
  code: string
  note: string | null
  recordedByPostId: string
  recordedAt: string
}

export interface AgendaItemRecord {
  id: string
  position: number
  title: string
  summary: string
  submittingDepartmentId: string
  submittedAt: string
  /** What the item is, in the rulebook's condition codes (involvesOtherUnits…). */
  characteristics: string[]
  completed: CompletedStep[]
  involvedDepartmentIds: string[]
  /** The 分管副职 the unit named at submission (a unit no deputy oversees), else null. */
  portfolioDeputyPostId: string | null
  /** 临时动议: put forward after the agenda was approved. */
  adHoc: boolean
  state: AgendaItemState
  decision: AgendaDecision | null
  decisionText: string | null
  decidedAt: string | null
}

/** 不同意见 raised with the submitting unit before the meeting, and its answer. */
export interface AgendaDissent {
  id: string
  text: string
  raisedAt: string
  raisedBy: Titled
  response: 'adopted' | 'notAdopted' | null
  responseText: string | null
  respondedAt: string | null
}

export interface AgendaItem extends AgendaItemRecord {
  submittedBy: Titled
  gate: AgendaGate
  /** Per step code: the posts that may record it on this item, with their holders today. */
  recorders: Record<string, { postId: string; title: string; holders: string[] }[]>
  /** 当前办理: the submitting unit, the approvers, or the presider, up to the meeting day. */
  holders: Holding[]
  /** The viewer's unit submitted it and it awaits approval: it may withdraw it. */
  mayWithdraw: boolean
  /** 会议材料 put forward with the item. */
  materials: AgendaMaterial[]
  dissents: AgendaDissent[]
}

export interface QuorumView {
  /** null when the rulebook sets no quorum for this meeting. */
  quorate: boolean | null
  members: number
  present: number
  minimum: number | null
  summary: string
  citations: Citation[]
}

export interface MeetingMinutes {
  documentId: string
  state: string
  documentNumber: string | null
  dueDate: string | null
}

export interface MeetingEvent {
  occurredAt: string
  action: string
  text: string | null
  ruleIds: string[]
  agendaItemId: string | null
  actor: Titled
}

export interface MeetingView {
  meeting: MeetingSummary & {
    frequency: string | null
    article: MeetingArticle | null
    presider: Titled
  }
  participants: MeetingParticipant[]
  /** The items the viewer may read, in order. */
  agenda: AgendaItem[]
  quorum: QuorumView
  /** What the rulebook asks of an item for this meeting (the submission form's checklist). */
  checklist: GateCondition[]
  /** 会议通知: when it went out, and the rulebook's last day for the items' materials. */
  notice: MeetingNotice
  /** null until drafted, or when the viewer may not read the minutes. */
  minutes: MeetingMinutes | null
  events: MeetingEvent[]
  /** The supervision items the meeting's decisions opened (议定事项). */
  followUps: MeetingFollowUp[]
  /** What the current post may do now, as the server judges it. */
  may: {
    /** The office: schedule, take attendance, open, record decisions, close, draft minutes. */
    organise: boolean
    sendNotice: boolean
    submitItem: boolean
    requestLeave: boolean
    /** The presider: decide leave requests. */
    decideLeave: boolean
  }
}

/** The body of 安排会议. */
export interface MeetingPlan {
  meetingType: string
  title?: string
  /** ISO with an offset: '2026-03-12T09:00:00+08:00'. */
  startsAt: string
  location?: string
  presiderPostId?: string
  /** In words (公开, 内部, 秘密, 机密), as for documents. */
  secrecy?: string
}

/** The body of 报送议题. */
export interface ItemSubmission {
  title: string
  summary?: string
  characteristics?: string[]
  /** Steps the unit did itself; steps with designated recorders are refused here. */
  completed?: { code: string; note?: string }[]
  involvedDepartmentIds?: string[]
  /** The 分管副职 a unit no deputy oversees names (ADR 0010). */
  portfolioDeputyPostId?: string
}

export interface ItemWithGate {
  item: AgendaItemRecord
  gate: AgendaGate
}

/** A task the meeting decided (议定事项), followed up in the supervision ledger. */
export interface DecidedTask {
  title: string
  requirement?: string
  leadDepartmentId: string
  coDepartmentIds?: string[]
  responsiblePerson?: string
  /** YYYY-MM-DD; required where the rulebook sets no period for meeting decisions. */
  dueDate?: string
}

export interface ItemDecision {
  decision: AgendaDecision
  text: string
  tasks?: DecidedTask[]
}

/** A 督办事项 the decision opened. */
export interface AgendaMaterial {
  id: string
  name: string
  mediaType: string
  sizeBytes: number
  sha256: string
  uploadedAt: string
}

export interface MeetingNotice {
  sentAt: string | null
  latest: string | null
  onTime: boolean | null
  summary: string | null
  citations: Citation[]
}

export interface MeetingFollowUp {
  id: string
  title: string
  agendaItemId: string | null
  dueDate: string
  state: string
}

export interface OpenedSupervision {
  id: string
  title: string
  dueDate: string
  ruleIds: string[]
}

const meetingPath = (id: string, act = '') =>
  `/api/meetings/${encodeURIComponent(id)}${act ? `/${act}` : ''}`
const itemPath = (id: string, itemId: string, act: string) =>
  meetingPath(id, `items/${encodeURIComponent(itemId)}/${act}`)

export const fetchMeetingTypes = (signal?: AbortSignal) =>
  request<MeetingType[]>('GET', '/api/meeting-types', { signal })

/** Meetings the viewer may see between two civil dates (YYYY-MM-DD, Beijing), both included. */
export const fetchMeetings = (
  range: { from: string; to: string; mine?: 'true' },
  signal?: AbortSignal,
) => request<MeetingSummary[]>('GET', '/api/meetings', { query: range, signal })

export const scheduleMeeting = (plan: MeetingPlan) =>
  request<MeetingView>('POST', '/api/meetings', { body: plan })

/** 修改会议: only the fields that change; refused once the meeting opened. */
export const editMeeting = (
  id: string,
  changes: { title?: string; startsAt?: string; location?: string; presiderPostId?: string },
) => request<MeetingView>('POST', meetingPath(id, 'edit'), { body: changes })

export const fetchMeeting = (id: string, signal?: AbortSignal) =>
  request<MeetingView>('GET', meetingPath(id), { signal })

export const submitAgendaItem = (id: string, submission: ItemSubmission) =>
  request<ItemWithGate>('POST', meetingPath(id, 'items'), { body: submission })

export const recordAgendaStep = (
  id: string,
  itemId: string,
  step: { code: string; note?: string },
) => request<ItemWithGate>('POST', itemPath(id, itemId, 'steps'), { body: step })

/** `itemIds` in the order they go on the agenda. */
export const approveAgenda = (id: string, itemIds: string[]) =>
  request<MeetingView>('POST', meetingPath(id, 'agenda/approve'), { body: { itemIds } })

/** 撤回议题 by the submitting unit before the item is approved for the agenda. */
export const withdrawAgendaItem = (id: string, itemId: string, reason?: string) =>
  request<MeetingView>('POST', itemPath(id, itemId, 'withdraw'), { body: { reason } })

export const raiseDissent = (id: string, itemId: string, text: string) =>
  request<MeetingView>('POST', itemPath(id, itemId, 'dissents'), { body: { text } })

export const answerDissent = (
  id: string,
  dissentId: string,
  answer: { adopted: boolean; text: string },
) =>
  request<MeetingView>(
    'POST',
    meetingPath(id, `dissents/${encodeURIComponent(dissentId)}/answer`),
    {
      body: answer,
    },
  )

export const requestLeave = (id: string, leave: { reason: string; substitute?: string }) =>
  request<MeetingView>('POST', meetingPath(id, 'leave'), { body: leave })

export const decideLeave = (id: string, postId: string, approve: boolean) =>
  request<MeetingView>('POST', meetingPath(id, `leave/${encodeURIComponent(postId)}/decide`), {
    body: { approve },
  })

export const openMeeting = (id: string, presentPostIds: string[]) =>
  request<MeetingView>('POST', meetingPath(id, 'open'), { body: { presentPostIds } })

export const decideAgendaItem = (id: string, itemId: string, decision: ItemDecision) =>
  request<{ item: AgendaItemRecord; supervision: OpenedSupervision[] }>(
    'POST',
    itemPath(id, itemId, 'decide'),
    { body: decision },
  )

export const sendMeetingNotice = (id: string) =>
  request<MeetingView>('POST', meetingPath(id, 'notice'), { body: {} })

export const closeMeeting = (id: string) =>
  request<MeetingView>('POST', meetingPath(id, 'close'), { body: {} })

export const draftMinutes = (id: string) =>
  request<{ documentId: string; dueDate: string | null }>('POST', meetingPath(id, 'minutes'), {
    body: {},
  })

/** Where a material downloads from (the browser follows the link with its session cookie). */
export const materialUrl = (id: string, itemId: string, materialId: string) =>
  itemPath(id, itemId, `materials/${encodeURIComponent(materialId)}`)

/** 上传会议材料: one file as multipart/form-data, carrying the CSRF token itself. */
export function uploadAgendaMaterial(
  id: string,
  itemId: string,
  file: File,
  csrfToken: string,
): Promise<AgendaMaterial> {
  const form = new FormData()
  form.append('file', file, file.name)
  return sendFile(
    fetch(itemPath(id, itemId, 'materials'), {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: form,
    }),
    (response) => response.json() as Promise<AgendaMaterial>,
  )
}
