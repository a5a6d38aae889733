import type { WorkflowQuestion } from '@zhengling/rules'

/**
 * Every question a running use case asks the rulebook, in one place: `zhengling rules coverage`
 * and the rulebook browser count an operational article as enforced in a workflow (流程执行)
 * when one of these questions reaches a rule citing it. A test reads the use cases' source and
 * fails when this list and what they ask differ, so a new ask() is declared here or caught.
 */
export const WORKFLOW_QUESTIONS: readonly WorkflowQuestion[] = [
  // 发文: drafting plans the sign-off chain, the 文种 check, the 会签 deadline, the policy steps.
  { decision: 'outgoing-signoff' },
  { decision: 'document-kind-check' },
  { decision: 'countersign-deadline' },
  { decision: 'procedure-check', code: 'policyDocument' },
  { decision: 'procedure-check', code: 'policyDocumentDrafting' },
  { decision: 'procedure-check', code: 'departmentDisagreement' },
  { decision: 'responsible-posts', code: 'documentHandlingOffice' },
  // 收文: registration, 初审, its period, 拟办, 呈批, 批示 (圈阅), 转办, 催办, 办结, 归档.
  { decision: 'responsible-posts', code: 'incomingRegistration' },
  { decision: 'incoming-screening' },
  { decision: 'event-deadline', code: 'documentReceived' },
  { decision: 'responsible-posts', code: 'submittedDocumentVetting' },
  { decision: 'responsible-posts', code: 'documentForApproval' },
  { decision: 'responsible-posts', code: 'majorMatterForApproval' },
  { decision: 'circle-read-meaning' },
  { decision: 'responsible-posts', code: 'documentFollowUp' },
  { decision: 'responsible-posts', code: 'incomingReply' },
  { decision: 'responsible-posts', code: 'vacantTaskReassignment' },
  // 会议: who organises, the date, agenda admission, the notice, leave, quorum, dissent, minutes.
  { decision: 'responsible-posts', code: 'meetingOrganisation' },
  { decision: 'prohibition-check', code: 'holdMeeting' },
  { decision: 'agenda-admission' },
  { decision: 'advance-notice', code: 'agendaMaterialCirculation' },
  { decision: 'leave-approval', code: 'meetingAbsence' },
  { decision: 'meeting-quorum' },
  { decision: 'responsible-posts', code: 'agendaDissent' },
  { decision: 'minutes-due' },
  // 督查督办: the due date by source, the ledger desk, reminders, extensions, the circular.
  { decision: 'supervision-due' },
  { decision: 'responsible-posts', code: 'supervisionLedger' },
  { decision: 'responsible-posts', code: 'supervisionReminder' },
  { decision: 'responsible-posts', code: 'supervisionItemOverdue' },
  { decision: 'responsible-posts', code: 'supervisionAccountability' },
  // 请销假 (issue 15): who approves or is filed with, by post, category and dates (the lead time,
  // 超过半个月); leaders away at the same time.
  { decision: 'leave-approval' },
  { decision: 'leave-conflict' },
  // 代行: who acts for an away post on each day (acting duty, recomputed by every absence act).
  { decision: 'acting-presider' },
  // 会议活动申请 (issue 15): lead times, the no-meeting week (holdMeeting above), the yearly cap.
  { decision: 'advance-notice', code: 'governmentMeetingPlan' },
  { decision: 'advance-notice', code: 'citywideMeetingApproval' },
  { decision: 'advance-notice', code: 'countywideMeetingReport' },
  { decision: 'advance-notice', code: 'eventPlanToStandingMeeting' },
  { decision: 'advance-notice', code: 'leaderInvitation' },
  { decision: 'advance-notice', code: 'foreignGuestInvitation' },
  { decision: 'advance-notice', code: 'memberAttendanceRequest' },
  { decision: 'limit-check', code: 'departmentCountywideMeeting' },
  // 因公出国(境): the duties after the return (公务护照, 出访总结).
  { decision: 'event-deadline', code: 'returnFromAbroad' },
  // 值班日志、交接班 (issue 16): the units keeping 24-hour duty with a leader on call, the duty
  // office's receiving and dispatching of instructions and hotline items (supervision-due above).
  { decision: 'responsible-posts', code: 'yearRoundDuty' },
  // 值班表 (issue 16): which units keep 24-hour duty, with a leader on call, on which days and in
  // which season (汛期, 防火期): the roster's days and its gaps.
  { decision: 'duty-system' },
  { decision: 'responsible-posts', code: 'dutyResponsibilities' },
  // 突发事件信息报送 (issue 16): the categories a unit may report, each incident's steps from when
  // it happened or became known, and the articles a late or missing report breaches (the circular).
  { decision: 'incident-report-options' },
  { decision: 'incident-report-deadline' },
  { decision: 'incident-late-report' },
  // 政务舆情 (issue 16): the categories an item may be recorded under, and each item's response
  // steps from when it was first seen (延津 十六).
  { decision: 'public-opinion-options' },
  { decision: 'public-opinion-deadline' },
]
