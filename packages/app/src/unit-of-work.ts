import type { AbsenceRepository } from './absences/absence-repository.ts'
import type { DutyRosterRepository } from './duty/duty-roster.ts'
import type { DutyEventRepository } from './duty/duty-events.ts'
import type { ActingRepository } from './acting/acting-repository.ts'
import type { AccountAdminRepository } from './admin/account-admin-repository.ts'
import type { AuditRepository } from './audit/audit-repository.ts'
import type { CalendarNoticeRepository } from './calendar/calendar-notice-repository.ts'
import type { AttachmentRepository } from './documents/attachment-repository.ts'
import type { BodyVersionRepository } from './documents/body-version-repository.ts'
import type { DocumentRepository } from './documents/document-repository.ts'
import type { DocumentRecipientRepository } from './documents/recipient-repository.ts'
import type { CredentialRepository } from './identity/credential-repository.ts'
import type { IdentityRepository } from './identity/log-in.ts'
import type { SecondFactorRepository } from './identity/second-factor/second-factor-repository.ts'
import type { JobScheduler } from './jobs/job-scheduler.ts'
import type { MeetingRepository } from './meetings/meeting-repository.ts'
import type { NotificationRepository } from './notifications/notification.ts'
import type { SupervisionRepository } from './supervision/supervision-repository.ts'
import type { DutyLogRepository } from './duty/duty-log.ts'
import type { EventRequestRepository } from './event-requests/event-request.ts'
import type { AbroadFollowUpRepository } from './abroad-follow-ups/abroad-follow-up.ts'
import type { InstructionPhraseRepository } from './phrases/instruction-phrase-repository.ts'
import type { RosterRepository } from './organisation/roster-repository.ts'
import type { IncidentRepository } from './incidents/incident.ts'
import type { OpinionRepository } from './opinions/opinion.ts'
import type {
  OrganisationDirectory,
  OrganisationRepository,
} from './organisation/organisation-repository.ts'

/** The repositories a command may use, all bound to one transaction. */
export interface Repositories {
  identity: IdentityRepository
  /** TOTP factors, recovery codes and the challenges between password and code. */
  secondFactor: SecondFactorRepository
  /** Password age and history, security settings, login failure counts (ADR 0021). */
  credentials: CredentialRepository
  audit: AuditRepository
  /** The State Council holiday notices the system admin activated. */
  calendarNotices: CalendarNoticeRepository
  organisation: OrganisationRepository & OrganisationDirectory
  accountAdmin: AccountAdminRepository
  roster: RosterRepository
  documents: DocumentRepository
  /** 主送/抄送 as written, and the units' receipts (签收, 催收). */
  recipients: DocumentRecipientRepository
  /** Durable timers (催办…), scheduled in the command's transaction. */
  jobs: JobScheduler
  attachments: AttachmentRepository
  bodyVersions: BodyVersionRepository
  meetings: MeetingRepository
  /** 消息中心: messages written in the act's transaction, with their outside deliveries (outbox). */
  notifications: NotificationRepository
  /** The supervision ledger (督查台账). */
  supervision: SupervisionRepository
  /** 值班日志、交接班 (issue 16). */
  dutyLog: DutyLogRepository
  /** 会议活动申请 in the government's name (issue 15). */
  eventRequests: EventRequestRepository
  /** 因公出国(境) follow-ups after 销假 (issue 15). */
  abroadFollowUps: AbroadFollowUpRepository
  /** Each person's 常用批示语. */
  phrases: InstructionPhraseRepository
  /** 值班表: duty units, shifts with the leader on call and staff, swaps (issue 16). */
  dutyRosters: DutyRosterRepository
  /** Acting duty computed from absences and the acting rules; the office's designations. */
  acting: ActingRepository
  /** 请销假 and 外出报备 (issue 15). */
  absences: AbsenceRepository
  /** 突发事件信息报送, the 迟报漏报 register and its circulars (issue 16). */
  incidents: IncidentRepository
  /** The duty board's feed (issue 16): incidents' and opinions' acts append, the stream reads. */
  dutyEvents: DutyEventRepository
  /** 政务舆情 and their responses (issue 16). */
  opinions: OpinionRepository
}

/**
 * Runs `work` in one database transaction: it commits when `work` resolves and rolls back when
 * it throws, so a command and its audit record are written together or not at all.
 */
export type InTransaction = <T>(work: (repositories: Repositories) => Promise<T>) => Promise<T>
