import { shanghaiDateOf } from '@zhengling/rules'
import { parseSecrecyInput } from '../access/secrecy.ts'
import { NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actorOf, type DocumentDeps } from './act-on-document.ts'
import type { DocumentRecord, Urgency } from './document.ts'
import {
  assertDocumentKind,
  postsResponsible,
  responsibleFor,
  ruleIdsOf,
} from './document-rules.ts'
import { recordDocumentAct } from './record-document-act.ts'
import { recordBodyVersion } from './record-body-version.ts'
import { searchTextOf } from './search-text.ts'

export interface IncomingSubmission {
  kind: string
  title: string
  body: string
  senderReference?: string
  secrecy: string
  secrecyPeriod?: string
  urgency: Urgency
  mainRecipients: string[]
  signatories?: string[]
  contact?: string
}

/**
 * A department or township sends a document to the government (上行文): its unit is the
 * sender, the office's registration desk gets a 签收 task. 绝密 is refused before anything is
 * stored, and a 文种 the regulations do not know is refused with 第八条.
 */
export function submitIncomingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: IncomingSubmission,
): Promise<DocumentRecord> {
  const secrecy = parseSecrecyInput(input.secrecy)
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    if (!post.departmentId)
      throw new NotPermittedError(
        'NOT_A_UNIT_POST',
        `${post.title}不属于任何部门或乡镇，不能以单位名义报送公文`,
      )
    const kindCitations = assertDocumentKind(deps.rules, viewer.jurisdictionId, input.kind)
    const registration = responsibleFor(deps.rules, viewer.jurisdictionId, 'incomingRegistration')
    const desks = await postsResponsible(r, viewer.jurisdictionId, registration)
    if (desks.length === 0)
      throw new RuleRefusedError(
        'NO_REGISTRATION_DESK',
        `本辖区没有设置负责收文的职务（${registration.summary}）`,
        registration.citations,
      )
    const at = now.toISOString()
    const document: DocumentRecord = {
      id: deps.newId(),
      jurisdictionId: viewer.jurisdictionId,
      direction: 'incoming',
      kind: input.kind,
      title: input.title,
      body: input.body,
      senderDepartmentId: post.departmentId,
      senderReference: input.senderReference ?? null,
      issuer: null,
      documentNumber: null,
      secrecy,
      secrecyPeriod: input.secrecyPeriod ?? null,
      urgency: input.urgency,
      mainRecipients: input.mainRecipients,
      copyRecipients: [],
      signatories: input.signatories ?? [],
      contact: input.contact ?? null,
      state: 'submitted',
      dueDate: null,
      distributionPosts: desks.map((desk) => desk.postId),
      distributionDepartments: [post.departmentId],
      createdByPersonId: session.personId,
      createdByPostId: post.postId,
      createdAt: at,
      updatedAt: at,
      plan: null,
      disclosure: null,
      disclosureReason: null,
    }
    await r.documents.insert(document, searchTextOf(document))
    await recordBodyVersion(r, document, { personId: session.personId, postId: post.postId, at })
    for (const desk of desks)
      await r.documents.openTask({
        id: deps.newId(),
        documentId: document.id,
        jurisdictionId: document.jurisdictionId,
        assigneePostId: desk.postId,
        assigneeDepartmentId: null,
        kind: 'register',
        dueDate: shanghaiDateOf(now.getTime()),
        openedAt: at,
        closedAt: null,
        outcome: null,
      })
    await recordDocumentAct(r, deps, {
      document,
      before: null,
      at,
      personId: session.personId,
      postId: post.postId,
      action: 'submit',
      ruleIds: ruleIdsOf([...kindCitations, ...registration.citations]),
    })
    return document
  })
}
