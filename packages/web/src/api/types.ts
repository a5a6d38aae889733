/** The HTTP API's request and response shapes, as the server's contract states them. */

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
}

export interface RulebookCoverage {
  jurisdiction: string
  seed: string
  totals: {
    articles: number
    operational: number
    declarative: number
    encoded: number
    tested: number
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
}

export interface DocumentTask {
  id: string
  /** register, screen, propose, instruct, refer, handle, read, revise, or a kind added later. */
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
  /** The articles the flow has followed so far. */
  citations: Citation[]
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
}

export interface Referral {
  departmentIds: string[]
  dueDate?: string
  note?: string
}
