import { shanghaiDateOf } from '@zhengling/rules'
import { parseSecrecyInput, parseSecrecyPeriod, rankOf } from '../access/secrecy.ts'
import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { loadRoutingOrganisation } from '../organisation/routing-organisation.ts'
import { actorOf, type DocumentDeps } from './act-on-document.ts'
import type { AttachmentRecord } from './attachment-repository.ts'
import { checkScannedOriginal, MAX_ATTACHMENT_BYTES } from './attachment-content.ts'
import type { DocumentRecord, Urgency } from './document.ts'
import {
  assertDocumentKind,
  assertResponsible,
  responsibleFor,
  ruleIdsOf,
} from './document-rules.ts'
import { staffedResponsible } from './plan-incoming-document.ts'
import { recordBodyVersion, sha256Of } from './record-body-version.ts'
import { recordDocumentAct } from './record-document-act.ts'
import { registerReceipt } from './register-incoming-document.ts'
import { searchTextOf } from './search-text.ts'

/** The most 来文 originals (扫描件, 电子公文) one registration takes. */
export const MAX_SCANS = 5
/** The most copies (份数) of one received document. */
export const MAX_COPIES = 9999

const URGENCIES: readonly Urgency[] = ['normal', 'urgent', 'extraUrgent']

export interface ExternalReceipt {
  /** 来文单位 as written on the document: a 上级机关, another organ, anyone outside. */
  externalSender: string
  /** 来文字号, if it has one. */
  senderReference?: string
  /** 文种 as the document names itself (通知, 函, 批复…). */
  kind: string
  title: string
  /** The text, where the desk types or pastes it; the original is the scan. */
  body?: string
  secrecy: string
  secrecyPeriod?: string
  urgency: string
  copies: number
  /** 收文日期, YYYY-MM-DD: not after today. */
  receivedOn: string
  /** The matter is complex and wide-ranging (a longer period where the rulebook gives one). */
  complex?: boolean
  /** Scanned (PDF) or electronic (OFD) originals. */
  scans?: { fileName: string; declaredType: string; bytes: Uint8Array }[]
}

const isCivilDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value

/** The input's own faults, in Chinese with a code, before anything is read or written. */
function checkReceipt(input: ExternalReceipt, today: string, maxBytes: number) {
  const externalSender = input.externalSender?.trim() ?? ''
  if (!externalSender) throw new InvalidInputError('EXTERNAL_SENDER_REQUIRED', '请填写来文单位')
  if ([...externalSender].length > 100)
    throw new InvalidInputError('EXTERNAL_SENDER_TOO_LONG', '来文单位不能超过100个字')
  const title = input.title?.trim() ?? ''
  if (!title) throw new InvalidInputError('TITLE_REQUIRED', '请填写来文标题')
  if ([...title].length > 200) throw new InvalidInputError('TITLE_TOO_LONG', '标题不能超过200个字')
  if (!Number.isInteger(input.copies) || input.copies < 1 || input.copies > MAX_COPIES)
    throw new InvalidInputError('COPIES_INVALID', `份数应为1至${MAX_COPIES}的整数`)
  if (!isCivilDate(input.receivedOn))
    throw new InvalidInputError('RECEIVED_ON_INVALID', '收文日期格式应为 YYYY-MM-DD')
  if (input.receivedOn > today)
    throw new InvalidInputError('RECEIVED_ON_IN_FUTURE', `收文日期不能晚于今天（${today}）`)
  if (!URGENCIES.includes(input.urgency as Urgency))
    throw new InvalidInputError('UNKNOWN_URGENCY', '紧急程度只能是：一般、加急、特急')
  const secrecy = parseSecrecyInput(input.secrecy)
  const secrecyPeriod = parseSecrecyPeriod(secrecy, input.secrecyPeriod)
  const scans = input.scans ?? []
  if (scans.length > MAX_SCANS)
    throw new InvalidInputError('TOO_MANY_SCANS', `一次最多上传${MAX_SCANS}个来文原件`)
  const checked = scans.map((scan) => ({ scan, ...checkScannedOriginal(scan, maxBytes) }))
  return {
    externalSender,
    title,
    secrecy,
    secrecyPeriod,
    urgency: input.urgency as Urgency,
    scans: checked,
    senderReference: input.senderReference?.trim() || null,
  }
}

/**
 * 登记来文: the desk the rulebook names for 签收登记 registers a document the government received
 * from outside — from a 上级机关, another organ, or on paper — with its 来文单位 as written, 来文字号,
 * 密级, 紧急程度, 份数, 收文日期 and its scanned (PDF) or electronic (OFD) originals. It is
 * registered as a submitted document is at 签收登记 (register-incoming-document.ts: the 收文编号,
 * the time limit from the day of receipt, the desk's 初审 task), then runs the same flow: 初审 →
 * 拟办 → 批示 → 转办 → 办结. One transaction: a refused file or field leaves nothing written.
 */
export function receiveExternalDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: ExternalReceipt,
  options: { maxBytes?: number } = {},
): Promise<{ document: DocumentRecord; attachments: AttachmentRecord[] }> {
  const now = deps.now()
  const today = shanghaiDateOf(now.getTime())
  const checked = checkReceipt(input, today, options.maxBytes ?? MAX_ATTACHMENT_BYTES)
  return deps.inTransaction(async (r) => {
    const { viewer, post } = await actorOf(r, session, now)
    const registration = responsibleFor(deps.rules, viewer.jurisdictionId, 'incomingRegistration')
    assertResponsible(post, registration)
    if (rankOf(checked.secrecy) > rankOf(viewer.clearance))
      throw new NotPermittedError(
        'SECRECY_ABOVE_CLEARANCE',
        '您的涉密等级低于此件的密级，不能登记；请交有相应涉密等级的人员办理',
      )
    const kindCitations = assertDocumentKind(deps.rules, viewer.jurisdictionId, input.kind)
    // 拟办 must have someone to take it, or the document would wait for nobody.
    const organisation = await loadRoutingOrganisation(r.organisation, viewer.jurisdictionId, today)
    const desks = staffedResponsible(organisation, registration, '签收登记')
    staffedResponsible(
      organisation,
      responsibleFor(deps.rules, viewer.jurisdictionId, 'submittedDocumentVetting'),
      '拟办',
    )
    const at = now.toISOString()
    const document: DocumentRecord = {
      id: deps.newId(),
      jurisdictionId: viewer.jurisdictionId,
      direction: 'incoming',
      kind: input.kind,
      title: checked.title,
      body: input.body ?? '',
      senderDepartmentId: null,
      senderReference: checked.senderReference,
      issuer: null,
      documentNumber: null,
      secrecy: checked.secrecy,
      secrecyPeriod: checked.secrecyPeriod,
      urgency: checked.urgency,
      mainRecipients: [],
      copyRecipients: [],
      signatories: [],
      contact: null,
      state: 'registered',
      dueDate: null,
      distributionPosts: [...new Set([post.postId, ...desks.map((desk) => desk.postId)])],
      distributionDepartments: [],
      createdByPersonId: session.personId,
      createdByPostId: post.postId,
      createdAt: at,
      updatedAt: at,
      plan: null,
      disclosure: null,
      disclosureReason: null,
      receiptNumber: null,
      externalSender: checked.externalSender,
      copies: input.copies,
      receivedOn: input.receivedOn,
    }
    await r.documents.insert(document, searchTextOf(document))
    await recordBodyVersion(r, document, { personId: session.personId, postId: post.postId, at })
    const receipt = await registerReceipt(r, deps, {
      document,
      post,
      today,
      receivedOn: input.receivedOn,
      complex: input.complex ?? false,
      at,
    })
    const registered: DocumentRecord = {
      ...document,
      receiptNumber: receipt.receiptNumber,
      dueDate: receipt.dueDate,
    }
    await r.documents.update(
      document.id,
      { receiptNumber: receipt.receiptNumber, dueDate: receipt.dueDate },
      at,
    )
    const attachments: AttachmentRecord[] = []
    for (const { scan, name, mediaType, sizeBytes } of checked.scans) {
      const attachment: AttachmentRecord = {
        id: deps.newId(),
        documentId: document.id,
        name,
        mediaType,
        sizeBytes,
        sha256: sha256Of(scan.bytes),
        uploadedAt: at,
        uploadedByPersonId: session.personId,
        uploadedByPostId: post.postId,
      }
      await r.attachments.insert(attachment, scan.bytes)
      attachments.push(attachment)
    }
    await recordDocumentAct(r, deps, {
      document: registered,
      before: null,
      at,
      personId: session.personId,
      postId: post.postId,
      action: 'register',
      ruleIds: [...new Set([...ruleIdsOf(kindCitations), ...receipt.ruleIds])],
      details: {
        ...receipt.details,
        external: true,
        externalSender: checked.externalSender,
        copies: input.copies,
        receivedOn: input.receivedOn,
        attachments: attachments.map(({ id, name, mediaType, sizeBytes, sha256 }) => ({
          id,
          name,
          mediaType,
          sizeBytes,
          sha256,
        })),
      },
    })
    return { document: registered, attachments }
  })
}
