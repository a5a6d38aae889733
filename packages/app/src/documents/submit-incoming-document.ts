import { shanghaiDateOf } from '@zhengling/rules'
import { assertClearedFor, parseSecrecyInput, parseSecrecyPeriod } from '../access/secrecy.ts'
import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actorOf, type DocumentDeps } from './act-on-document.ts'
import type { DocumentRecord, Urgency } from './document.ts'
import { assertDocumentKind, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { loadRoutingOrganisation } from '../organisation/routing-organisation.ts'
import { approvingLeaders, staffedResponsible } from './plan-incoming-document.ts'
import { categoriesSaid } from './incoming-categories.ts'
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
  /** The unit says the document is a 规范性文件 (its content is screened where the rules say). */
  normativeDocument?: boolean
}

/**
 * A department or township sends a document to the government (上行文): its unit is the
 * sender, the office's registration desk gets a 签收 task. 绝密 is refused before anything is
 * stored, and a 文种 the regulations do not know is refused with 第八条. Refused up front, with
 * the post and article, when a step ahead has nobody to take it (the desk, 拟办, every 呈批 route).
 */
export function submitIncomingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: IncomingSubmission,
): Promise<DocumentRecord> {
  const secrecy = parseSecrecyInput(input.secrecy)
  const secrecyPeriod = parseSecrecyPeriod(secrecy, input.secrecyPeriod)
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    assertClearedFor(viewer.clearance, secrecy, '报送此密级的公文')
    if (!post.departmentId)
      throw new NotPermittedError(
        'NOT_A_UNIT_POST',
        `${post.title}不属于任何部门或乡镇，不能以单位名义报送公文`,
      )
    const kindCitations = assertDocumentKind(deps.rules, viewer.jurisdictionId, input.kind)
    const registration = responsibleFor(deps.rules, viewer.jurisdictionId, 'incomingRegistration')
    const today = shanghaiDateOf(now.getTime())
    const organisation = await loadRoutingOrganisation(r.organisation, viewer.jurisdictionId, today)
    const desks = staffedResponsible(organisation, registration, '签收登记')
    staffedResponsible(
      organisation,
      responsibleFor(deps.rules, viewer.jurisdictionId, 'submittedDocumentVetting'),
      '拟办',
    )
    // 呈批 by the sender's portfolio; when that has nobody, 拟办 may still route it as major.
    try {
      approvingLeaders(deps.rules, organisation, { unitIds: [post.departmentId], major: false })
    } catch {
      approvingLeaders(deps.rules, organisation, { unitIds: [post.departmentId], major: true })
    }
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
      secrecyPeriod,
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
      receiptNumber: null,
      externalSender: null,
      copies: null,
      receivedOn: null,
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
      ...(input.normativeDocument
        ? { details: { categories: categoriesSaid(input.normativeDocument) } }
        : {}),
    })
    return document
  })
}
