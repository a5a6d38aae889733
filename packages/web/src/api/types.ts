/** The HTTP API's request and response shapes, as the server's contract states them. */

import type { RecipientChoice } from './distribution.ts'

export interface ApiErrorBody {
  error: {
    code: string
    message: string
    issues?: { path: string; message: string }[]
    /** Where a rule refused the act: the articles it rests on. */
    citations?: Citation[]
  }
}

export type AdminRole = 'systemAdmin' | 'securityAdmin' | 'auditAdmin'

export interface HeldPost {
  postId: string
  title: string
  role: string
  /** The unit the post belongs to: tasks sent to that unit are the holder's too. */
  departmentId: string | null
  /** Set when this entry is a post the person currently acts for (代理). */
  actingFor: { postId: string; title: string } | null
}

export interface Me {
  username: string
  adminRole: AdminRole | null
  expiresAt: string
  csrfToken: string
  person: { id: string; name: string } | null
  jurisdiction: { id: string; name: string } | null
  /** Posts held today, then posts acted for; empty for administrators. */
  posts: HeldPost[]
  currentPostId: string | null
  /** An admin reset the password or it expired: only changing it is allowed (ADR 0021). */
  mustChangePassword?: boolean
}

export interface Revoked {
  revoked: number
}

/** The highest secrecy level a person may read; 绝密 is never handled by this system. */
export type Clearance = 'public' | 'internal' | 'secret' | 'confidential'

export interface AccountSummary {
  id: string
  username: string
  /** null for a post-holder's account. */
  adminRole: AdminRole | null
  person: { id: string; name: string; jurisdictionId: string; clearance: Clearance } | null
  failedCount: number
  /** Sign-in is refused until this instant while it lies in the future. */
  lockedUntil: string | null
}

export interface NewAccount {
  username: string
  password: string
  personId: string
}

export interface PasswordReset {
  revokedSessions: number
}

export interface ClearanceSet {
  personId: string
  clearance: Clearance
}

export type JurisdictionLevel = 'county' | 'district' | 'city'

export interface JurisdictionSummary {
  id: string
  name: string
  level: JurisdictionLevel
  rulebookVersion: string
}

export type DepartmentKind = 'department' | 'township' | 'desk'

export interface PostRef {
  postId: string
  title: string
}

export interface Department {
  id: string
  name: string
  kind: DepartmentKind
  overseers: PostRef[]
}

export interface OrganisationPost {
  postId: string
  role: string
  title: string
  department: string | null
  holders: { personId: string; name: string; from: string; to: string | null }[]
  vacant: boolean
  portfolio: { departmentId: string; name: string }[]
  actedBy: { postId: string; title: string; from: string; to: string; ruleId: string | null } | null
}

export interface ActingAssignment {
  id: string
  postId: string
  postTitle: string
  actingPostId: string
  actingPostTitle: string
  from: string
  to: string
  ruleId: string | null
  /** roster: typed in the roster; else computed from an absence (issue 15). */
  source?: 'roster' | 'rule' | 'designation' | 'standIn'
  /** 代行区长职责 — 第六条 */
  note?: string | null
}

export interface OrganisationChart {
  jurisdiction: JurisdictionSummary
  on: string
  departments: Department[]
  posts: OrganisationPost[]
  actingAssignments: ActingAssignment[]
}

export interface RulebookSummary {
  jurisdiction: string
  name: string
  version: string
  effectiveFrom: string
  rules: number
}

export interface Citation {
  ruleId: string
  source: string
  article: string
  excerpt: string
}

export interface RulebookRule {
  id: string
  kind: string
  title: string
  citation: Citation
}

export interface Rulebook {
  jurisdiction: string
  title: string
  version: string
  effectiveFrom: string
  posts: { id: string; title: string; type: string }[]
  rules: RulebookRule[]
}

export type ArticleClass = 'operational' | 'declarative'

export interface CoverageArticle {
  number: string
  chapter: string | null
  class: ArticleClass
  gist: string
  note: string | null
  rules: string[]
  testedRules: string[]
  /** The rules of the article a running workflow asks. */
  workflowRules: string[]
  /** Operational articles: enforced in a workflow, answered as a decision only, or not for software. */
  status: EnforcementStatus | null
  notForSoftware: string | null
}

export type EnforcementStatus = 'workflow' | 'decisionOnly' | 'notForSoftware'

export interface RulebookCoverage {
  jurisdiction: string
  seed: string
  totals: {
    articles: number
    operational: number
    declarative: number
    encoded: number
    tested: number
    workflow: number
    decisionOnly: number
    notForSoftware: number
  }
  articles: CoverageArticle[]
}

export interface AuditChain {
  /** A jurisdiction id, or 'deployment' for deployment-level acts such as admin sign-ins. */
  chain: string
  name: string
  records: number
  lastAt: string | null
}

export interface AuditRecord {
  chainSeq: number
  occurredAt: string
  actor: string | null
  action: string
  subject: string | null
  ruleIds: string[]
  details: Record<string, unknown>
  hash: string
  prevHash: string
  algorithm: string
}

export interface AuditRecordPage {
  records: AuditRecord[]
  nextBeforeSeq: number | null
}

export interface AuditVerification {
  chain: string
  records: number
  intact: boolean
  problems: { chainSeq: number | null; kind: string; message: string }[]
}

export type Urgency = 'normal' | 'urgent' | 'extraUrgent'

export interface DocumentRecord {
  id: string
  jurisdictionId: string
  direction: 'incoming' | 'outgoing'
  kind: string
  title: string
  body: string
  senderDepartmentId: string | null
  senderReference: string | null
  documentNumber: string | null
  secrecy: Clearance
  secrecyPeriod: string | null
  urgency: Urgency
  mainRecipients: string[]
  signatories: string[]
  contact: string | null
  state: string
  dueDate: string | null
  createdAt: string
  updatedAt: string
  /** The post that drafted or submitted it: it may attach files and revise a draft in review. */
  createdByPostId: string | null
  /** 抄送 of an outgoing document; empty for incoming ones. */
  copyRecipients: string[]
  /** Outgoing: the 核稿 chain and signer the rulebook fixed at drafting; null for incoming. */
  plan: OutgoingPlan | null
  /** Outgoing: decided at 印发. */
  disclosure: Disclosure | null
  disclosureReason: string | null
  /** 收文编号, given at 签收登记 (incoming); null before. */
  receiptNumber: string | null
  /** 来文单位 as written, of a document the office registered from outside; null otherwise. */
  externalSender: string | null
  /** 份数 and 收文日期 of a document the office registered. */
  copies: number | null
  receivedOn: string | null
}

/** 行文方向 of an outgoing document. */
export type WritingDirection = 'downward' | 'upward' | 'parallel'

/** 主动公开, 依申请公开, or 不予公开 (with its reason), after 《政府信息公开条例》. */
export type Disclosure = 'active' | 'onRequest' | 'withheld'

export interface OutgoingPlan {
  /** Rulebook post ids (involvedDepartmentHead, officeDirector…) reviewing in order. */
  reviewChain: string[]
  /** Rulebook post ids, one of which signs (签发). */
  signer: string[]
  /** Index of the review step now due; reviewChain.length once review is done. */
  step: number
  prefix: string
  /** The rulebook's own words for the plan: '经 … 审核后，由区长签发（…）'. */
  summary: string
  /** The 核稿 steps as resolved at drafting: one post standing for two roles is one step. */
  steps?: PlannedStep[]
  /** The 签发 step as resolved at drafting, with any review it stands for. */
  signing?: PlannedStep
  /** What the drafter said of it for sign-off: 重要/全局性, and its subjects (人事任免…). */
  facts?: { important: boolean; subjects: DocumentSubject[] } | null
}

/** A resolved step: the roles it stands for (in the rulebook's words) and the posts asked. */
export interface PlannedStep {
  roles: string[]
  label: string
  postIds: string[]
  /** Every post of the step reviews (each 有关副县长), not any one of them. */
  all?: boolean
}

export interface DocumentTask {
  id: string
  /**
   * register, screen, propose, instruct, refer, handle, read, revise (收文); review, countersign,
   * sign, number, issue (发文); or a kind added later.
   */
  kind: string
  assigneePostId: string | null
  assigneeDepartmentId: string | null
  dueDate: string | null
  openedAt: string
}

export interface DocumentEvent {
  occurredAt: string
  /** The person with the post they acted in: '刘晓燕（副区长（城建））'. */
  actor: string | null
  action: string
  opinion: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}

export interface DocumentView {
  document: DocumentRecord
  events: DocumentEvent[]
  tasks: DocumentTask[]
  /** 附件, without their bytes. */
  attachments: AttachmentSummary[]
  /** The articles the flow has followed so far. */
  citations: Citation[]
  /** Working days to the running time limit on the official calendar; negative when overdue. */
  workingDaysLeft: number | null
  /** 当前办理: who holds each open task (待阅 aside). */
  holders: (Holding & { taskId: string; reassignable: boolean })[]
  /** The ways out open to the current post now. */
  may: DocumentExits
  /** Each open 会签 as its rule reads it today, with the overdue acts open to the current post. */
  countersigns: CountersignStanding[]
}

/** An open 会签: what it waits for (reply, reminder, replyAfterReminder, explanationOrCircular). */
export interface CountersignStanding {
  departmentId: string
  due: string | null
  awaiting: string | null
  settled: string | null
  reminderDue: string | null
  /** The rule's reading in words, with the date. */
  summary: string
  /** The articles the reading rests on. */
  citations?: Citation[]
  /** The rulebook sets no reply period (木里): the summary says so and whom to ask. */
  noPeriod?: boolean
  /** 催办 (the rule's reminder desk), 书面说明 (the late unit), 通报 (the rule's office). */
  may: { remind: boolean; explain: boolean; circulate: boolean }
}

/** 当前办理: who holds an open piece of work now, since when, and its time limit. */
export interface Holding {
  /** What is waiting: a task kind (review, countersign…) or an item's step. */
  kind: string
  postId: string | null
  postTitle: string | null
  departmentId: string | null
  /** The unit when the work was sent to a unit as a whole. */
  unitName: string | null
  holders: string[]
  /**
   * The post acting for a post nobody holds today (代理), or whose holder is away (代行, with
   * the article in `note`: 代行区长职责 — 第六条).
   */
  acting: { postId: string; title: string; holders: string[]; note?: string | null } | null
  /** Nobody holds the post and nobody acts for it. */
  vacant: boolean
  since: string
  dueDate: string | null
  workingDaysLeft: number | null
}

export interface DocumentExits {
  withdraw: boolean
  returnForRevision: boolean
  resubmit: boolean
  void: boolean
  reassign: boolean
}

export interface InboxEntry {
  /** Working days to the task's due date on the official calendar: 0 due today, < 0 overdue. */
  workingDaysLeft: number | null
  task: DocumentTask
  document: {
    id: string
    direction: 'incoming' | 'outgoing'
    kind: string
    title: string
    state: string
    urgency: Urgency
    secrecy: Clearance
    dueDate: string | null
    senderName: string | null
  }
}

export interface IncomingSubmission {
  kind: string
  title: string
  body: string
  senderReference?: string
  /** In words (公开, 内部, 秘密, 机密): 绝密 typed anywhere is refused by the server. */
  secrecy: string
  secrecyPeriod?: string
  urgency: Urgency
  mainRecipients: string[]
  signatories?: string[]
  contact?: string
  /** The unit says it is a 规范性文件: 初审 also reviews its content where the rules say. */
  normativeDocument?: boolean
}

/** A numbering prefix (机关代字) of the jurisdiction's rulebook. */
export interface DocumentPrefix {
  prefix: string
  /** Who issues under it: the government, or its office. */
  issuer: 'government' | 'office'
  label: string
  /** The article naming the prefix ('第三十二条'), when the rulebook does. */
  article: string | null
}

/** 拟稿: the body of POST /api/documents/outgoing. */
export interface OutgoingDraft {
  prefix: string
  /** 文种: the server checks it against 《党政机关公文处理工作条例》第八条. */
  kind: string
  title: string
  body: string
  direction: WritingDirection
  /** Units and groups chosen from the organisation, or outside recipients by name. */
  mainRecipients: RecipientChoice[]
  copyRecipients?: RecipientChoice[]
  /** In words (公开, 内部, 秘密, 机密): 绝密 is refused by the server. */
  secrecy: string
  secrecyPeriod?: string
  urgency: Urgency
  /** Units whose 会签 the draft needs. */
  countersignDepartmentIds?: string[]
  /** The 分管副职 (a deputy's post), named when the drafting unit has none (the office, a leader). */
  portfolioDeputyPostId?: string
  /** 是否重要/全局性公文: the sign-off rules select on it (托克逊 六十四 由县长签发). */
  important?: boolean
  /** 人事任免, 行政规范性文件, 向人大报告: what the draft is about, where sign-off depends on it. */
  subjects?: DocumentSubject[]
}

/** The subjects the sign-off rules select on (the rules core's DOCUMENT_SUBJECTS). */
export type DocumentSubject = 'personnelAppointment' | 'normativeDocument' | 'toPeoplesCongress'

export interface Referral {
  departmentIds: string[]
  dueDate?: string
  note?: string
}

/** The filter of the 收发文登记簿 (GET /api/documents/register and its .xlsx). */
export interface RegisterFilter {
  direction: 'incoming' | 'outgoing'
  /** Civil dates (YYYY-MM-DD, Beijing), both included: registered (收文) or drafted (发文). */
  from?: string
  to?: string
  state?: string
  q?: string
}

/** 登记来文: what the desk records of a document received from outside. */
export interface ExternalReceipt {
  externalSender: string
  senderReference?: string
  kind: string
  title: string
  body?: string
  secrecy: string
  secrecyPeriod?: string
  urgency: Urgency
  copies: number
  /** 收文日期, YYYY-MM-DD. */
  receivedOn: string
  complex?: boolean
}

/** A registered 来文: its 收文编号 and the originals stored. */
export interface ExternalReceived {
  id: string
  receiptNumber: string
  state: string
  dueDate: string | null
  attachments: { id: string; name: string; mediaType: string; sizeBytes: number }[]
}

/** A line of the 收文登记簿. */
export interface IncomingRegisterRow {
  id: string
  /** 收文编号, given at 签收登记. */
  receiptNumber: string | null
  /** 收文日期: the day the office received it (来文), else of 签收登记. */
  receivedOn: string
  sender: string | null
  senderReference: string | null
  title: string
  kind: string
  secrecy: Clearance
  urgency: Urgency
  dueDate: string | null
  /** 承办单位, the lead unit first. */
  handlingUnits: string[]
  state: string
  closedOn: string | null
  /** 当前办理: who holds each open task of the document. */
  holders: Holding[]
}

/** A line of the 发文登记簿. */
export interface OutgoingRegisterRow {
  id: string
  documentNumber: string | null
  title: string
  kind: string
  draftingUnit: string | null
  draftedOn: string
  /** 签发人 and 签发日期, as the sign act recorded them. */
  signer: string | null
  signedOn: string | null
  issuedOn: string | null
  disclosure: Disclosure | null
  secrecy: Clearance
  state: string
  /** 当前办理: who holds each open task of the document. */
  holders: Holding[]
}

export type RegisterPage =
  | { direction: 'incoming'; total: number; rows: IncomingRegisterRow[] }
  | { direction: 'outgoing'; total: number; rows: OutgoingRegisterRow[] }

/** Whether the current post keeps the register (the office), with the article. */
export interface RegisterAccess {
  allowed: boolean
  summary: string
  citations: Citation[]
}

/** A recipient post of a 传阅 and its read receipt. */
export interface CirculationReceipt {
  postId: string
  title: string
  /** Who holds the post today. */
  holders: string[]
  circulatedAt: string
  circulatedBy: string | null
  /** When someone in the post marked it 已阅; null while unread. */
  readAt: string | null
  readBy: string | null
  /** 'read'; 'archived' when archiving closed it unread; null while unread. */
  outcome: string | null
}

export interface CirculationView {
  /** Whether the current post may circulate the document now. */
  mayCirculate: boolean
  receipts: CirculationReceipt[]
}

/** An attachment (附件) as the document view lists it. */
export interface AttachmentSummary {
  id: string
  name: string
  mediaType: string
  sizeBytes: number
  /** SHA-256 of the stored bytes, hex. */
  sha256: string
  uploadedAt: string | null
  /** '姓名（职务）' of the uploader. */
  uploader: string | null
}

/** One saved text of a document (正文版本): 1 at drafting, one more per revision. */
export interface BodyVersion {
  version: number
  title: string
  body: string
  /** SHA-256 of the body, hex. */
  sha256: string
  savedAt: string
  /** '姓名（职务）' of the person who saved it. */
  savedBy: string | null
}
