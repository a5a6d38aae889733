import type {
  AgendaDecision,
  AgendaItemState,
  Attendance,
  GateCondition,
  MeetingState,
  Titled,
} from '../../api/meetings.ts'

/** Colours of the meeting's state; the words come from the server (stateLabel). */
export const MEETING_STATE_COLORS: Record<MeetingState, string> = {
  planned: 'blue',
  agendaApproved: 'geekblue',
  open: 'orange',
  closed: 'green',
}

export const ATTENDANCE_LABELS: Record<Attendance, string> = {
  invited: '应到',
  leaveRequested: '请假待批',
  onLeave: '已准假',
  present: '出席',
  absent: '缺席',
}

export const ATTENDANCE_COLORS: Record<Attendance, string | undefined> = {
  invited: undefined,
  leaveRequested: 'orange',
  onLeave: 'gold',
  present: 'green',
  absent: 'red',
}

export const ROLE_LABELS: Record<'member' | 'attendee', string> = {
  member: '组成人员',
  attendee: '列席',
}

export const ITEM_STATE_LABELS: Record<AgendaItemState, string> = {
  submitted: '待审定',
  approved: '已列入议程',
  decided: '已决定',
  withdrawn: '已撤回',
}

export const DECISION_LABELS: Record<AgendaDecision, string> = {
  adopted: '通过',
  adoptedWithChanges: '修改后通过',
  deferred: '暂缓',
  rejected: '不予通过',
}

/** Decisions that may set tasks (议定事项): the server refuses tasks on the others. */
export const ADOPTING: ReadonlySet<AgendaDecision> = new Set(['adopted', 'adoptedWithChanges'])

/** Meeting history actions (the use cases' `action`), as 会议记录 names them. */
const EVENT_LABELS: Record<string, string> = {
  schedule: '安排会议',
  edit: '修改会议',
  submitItem: '报送议题',
  recordStep: '登记程序',
  approveAgenda: '审定议题',
  withdrawItem: '撤回议题',
  raiseDissent: '提出不同意见',
  adoptDissent: '采纳不同意见',
  reportDissentToConvener: '不同意见未采纳，报会议召集人',
  requestLeave: '请假',
  approveLeave: '准假',
  refuseLeave: '不准假',
  open: '宣布开会',
  decideItem: '作出决定',
  close: '散会',
  draftMinutes: '起草纪要',
}

/** An action the web app does not know yet shows its code, so nothing is hidden. */
export function meetingEventLabel(action: string): string {
  return EVENT_LABELS[action] ?? action
}

/** '区财政局局长（吴静）', or '（空缺）' for a post nobody holds today. */
export function titledLabel(post: Titled): string {
  if (!post.title) return '—'
  return `${post.title}（${post.holders.length ? post.holders.join('、') : '空缺'}）`
}

/**
 * Steps recorded by a designated post, in words, for when the meeting's gate conditions do not
 * name them: approving the agenda records the head's own consent on each item approved.
 */
const RECORDED_STEP_LABELS: Record<string, string> = {
  legalityReview: '合法性审查',
  principalApproval: '政府主要负责人审批同意',
  principalConsent: '政府主要负责人同意',
  presiderConsent: '会议主持人同意',
  deputyProposal: '副职提出议题建议',
  materialsReviewedByOffice: '办公室审核材料',
  explainedToOffice: '向办公室说明情况',
}

/** The label of a step or characteristic code, from the gate conditions that name it. */
export function conditionLabels(conditions: readonly GateCondition[]): Map<string, string> {
  const labels = new Map<string, string>(Object.entries(RECORDED_STEP_LABELS))
  for (const condition of conditions) {
    labels.set(condition.code, condition.label)
    if (condition.when) labels.set(condition.when.code, condition.when.label)
  }
  return labels
}
