import { actingPresider } from './acting-presider.ts'
import { advanceNoticeCheck } from './advance-notice-check.ts'
import { agendaAdmission } from './agenda-admission.ts'
import { circleReadMeaning } from './circle-read-meaning.ts'
import { collectiveDecision } from './collective-decision.ts'
import { countersignDeadline } from './countersign-deadline.ts'
import type { DecisionDefinition } from './decision.ts'
import { disclosureReplyDeadline } from './disclosure-reply-deadline.ts'
import { documentKindCheck } from './document-kind-check.ts'
import { eventDeadline } from './event-deadline.ts'
import { fundsApproval } from './funds-approval.ts'
import { dutySystem } from './duty-system.ts'
import { incidentLateReport } from './incident-late-report.ts'
import { incidentReportDeadline } from './incident-report-deadline.ts'
import { incidentReportOptions } from './incident-report-options.ts'
import { incomingScreening } from './incoming-screening.ts'
import { leaveApproval } from './leave-approval.ts'
import { leaveConflict } from './leave-conflict.ts'
import { limitCheck } from './limit-check.ts'
import { meetingQuorum } from './meeting-quorum.ts'
import { minutesDue } from './minutes-due.ts'
import { outgoingSignoff } from './outgoing-signoff.ts'
import { procedureCheck } from './procedure-check.ts'
import { prohibitionCheck } from './prohibition-check.ts'
import { publicOpinionDeadline } from './public-opinion-deadline.ts'
import { publicOpinionOptions } from './public-opinion-options.ts'
import { responsiblePosts } from './responsible-posts.ts'
import { scheduleCheck } from './schedule-check.ts'
import { sealApproval } from './seal-approval.ts'
import { supervisionDue } from './supervision-due.ts'

/** Every question the rules core answers, by the name the CLI, API and conformance cases use. */
export const DECISIONS: readonly DecisionDefinition[] = [
  outgoingSignoff,
  incomingScreening,
  countersignDeadline,
  meetingQuorum,
  agendaAdmission,
  minutesDue,
  advanceNoticeCheck,
  actingPresider,
  leaveApproval,
  leaveConflict,
  fundsApproval,
  collectiveDecision,
  sealApproval,
  supervisionDue,
  incidentReportDeadline,
  incidentReportOptions,
  incidentLateReport,
  publicOpinionDeadline,
  publicOpinionOptions,
  dutySystem,
  disclosureReplyDeadline,
  eventDeadline,
  procedureCheck,
  responsiblePosts,
  limitCheck,
  documentKindCheck,
  circleReadMeaning,
  prohibitionCheck,
  scheduleCheck,
] as DecisionDefinition[]

export function findDecision(name: string): DecisionDefinition | undefined {
  return DECISIONS.find((decision) => decision.name === name)
}
