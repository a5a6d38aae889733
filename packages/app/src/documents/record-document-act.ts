import { auditEntry, digestOf } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { DocumentRecord } from './document.ts'

/** The flow event and the audit record of one act on a document, written in its transaction. */
export async function recordDocumentAct(
  r: Repositories,
  deps: { hasher: Hasher },
  act: {
    document: DocumentRecord
    before: DocumentRecord | null
    at: string
    personId: string | null
    postId: string | null
    action: string
    opinion?: string | null
    ruleIds: string[]
    details?: Record<string, unknown>
  },
): Promise<void> {
  await r.documents.appendEvent({
    documentId: act.document.id,
    occurredAt: act.at,
    actorPersonId: act.personId,
    actorPostId: act.postId,
    action: act.action,
    opinion: act.opinion ?? null,
    ruleIds: act.ruleIds,
    details: act.details ?? {},
  })
  const state = (document: DocumentRecord) => ({
    state: document.state,
    dueDate: document.dueDate,
    documentNumber: document.documentNumber,
    distributionPosts: document.distributionPosts,
    distributionDepartments: document.distributionDepartments,
  })
  await r.audit.append(
    auditEntry({
      jurisdictionId: act.document.jurisdictionId,
      occurredAt: act.at,
      actorPersonId: act.personId,
      actorPostId: act.postId,
      action: `document.${act.action}`,
      subject: act.document.id,
      beforeDigest: act.before ? digestOf(state(act.before), deps.hasher) : null,
      afterDigest: digestOf(state(act.document), deps.hasher),
      ruleIds: act.ruleIds,
      details: { title: act.document.title, ...act.details },
    }),
    deps.hasher,
  )
}
