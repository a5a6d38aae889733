import type { InTransaction, Repositories } from '@zhengling/app'
import type { Kysely } from 'kysely'
import { createAbsenceRepository } from './absence-repository.ts'
import { createIncidentRepository } from './incident-repository.ts'
import { createActingRepository } from './acting-repository.ts'
import { createDutyRosterRepository } from './duty-roster-repository.ts'
import { createAccountAdminRepository } from './account-admin-repository.ts'
import { createAuditRepository } from './audit-repository.ts'
import { auditCommitted } from './audit-sealer.ts'
import { createCalendarNoticeRepository } from './calendar-notice-repository.ts'
import { createDocumentAttachmentRepository } from './document-attachment-repository.ts'
import { createDocumentBodyVersionRepository } from './document-body-version-repository.ts'
import { createCredentialRepository } from './credential-repository.ts'
import { createDocumentRepository } from './document-repository.ts'
import { createDutyEventRepository } from './duty-event-repository.ts'
import { createOpinionRepository } from './opinion-repository.ts'
import { createDocumentRecipientRepository } from './document-recipient-repository.ts'
import { createIdentityRepository } from './identity-repository.ts'
import { createSecondFactorRepository } from './second-factor-repository.ts'
import { createMeetingRepository } from './meeting-repository.ts'
import { createNotificationRepository, withTaskNotifications } from './notification-repository.ts'
import { createSupervisionRepository } from './supervision-repository.ts'
import { createEventRequestRepository } from './event-request-repository.ts'
import { createAbroadFollowUpRepository } from './abroad-follow-up-repository.ts'
import { createDutyLogRepository } from './duty-log-repository.ts'
import { createInstructionPhraseRepository } from './instruction-phrase-repository.ts'
import { scheduleJob, scheduleJobs } from './job-queue.ts'
import { createOrganisationDirectory } from './organisation-directory.ts'
import { createOrganisationRepository } from './organisation-repository.ts'
import { createRosterRepository } from './roster-repository.ts'
import type { Database } from './schema.ts'

/** Every repository over one connection or transaction. */
export function createRepositories(db: Kysely<Database>): Repositories {
  const notifications = createNotificationRepository(db)
  return {
    identity: createIdentityRepository(db),
    secondFactor: createSecondFactorRepository(db),
    credentials: createCredentialRepository(db),
    audit: createAuditRepository(db),
    calendarNotices: createCalendarNoticeRepository(db),
    organisation: { ...createOrganisationRepository(db), ...createOrganisationDirectory(db) },
    accountAdmin: createAccountAdminRepository(db),
    roster: createRosterRepository(db),
    // A document task opened is a message to its assignee, in the same transaction.
    documents: withTaskNotifications(createDocumentRepository(db), db),
    recipients: createDocumentRecipientRepository(db),
    jobs: {
      schedule: (timer) => scheduleJob(db, timer),
      scheduleAll: (timers) => scheduleJobs(db, timers),
    },
    attachments: createDocumentAttachmentRepository(db),
    bodyVersions: createDocumentBodyVersionRepository(db),
    meetings: createMeetingRepository(db),
    notifications,
    supervision: createSupervisionRepository(db),
    eventRequests: createEventRequestRepository(db),
    abroadFollowUps: createAbroadFollowUpRepository(db),
    dutyLog: createDutyLogRepository(db),
    phrases: createInstructionPhraseRepository(db),
    dutyRosters: createDutyRosterRepository(db),
    acting: createActingRepository(db),
    absences: createAbsenceRepository(db),
    incidents: createIncidentRepository(db),
    dutyEvents: createDutyEventRepository(db),
    opinions: createOpinionRepository(db),
  }
}

/**
 * The application's transaction runner over this database. After a transaction that appended
 * audit records commits, the record sealer (if this process runs one) is told (ADR 0026).
 */
export function createInTransaction(db: Kysely<Database>): InTransaction {
  return async (work) => {
    let audited = false
    const result = await db.transaction().execute((trx) => {
      const repositories = createRepositories(trx)
      const { append } = repositories.audit
      repositories.audit.append = (entry, hasher) => {
        audited = true
        return append(entry, hasher)
      }
      return work(repositories)
    })
    if (audited) auditCommitted(db)
    return result
  }
}
