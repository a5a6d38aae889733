import { request, sendFile } from './client.ts'
import type { Citation, Holding } from './types.ts'

/**
 * The supervision ledger (督查台账) of the session's jurisdiction: items, their acts, the
 * dashboard figures and the circulars (通报). Shapes follow packages/http/src/routes/
 * supervision.contract.ts; the server decides who may see and do what.
 */

/** Sources an item may be entered from by hand (立项督办); the server lists them too. */
export type SupervisionSource =
  | 'higherDeployment'
  | 'workReport'
  | 'deputySuggestion'
  | 'cppccProposal'
  | 'leaderInstruction'
  | 'fieldRequest'
  | 'issuedDocument'
  | 'meetingDecision'

/** open: 在办; dueSoon: 本周到期; overdue: 逾期; closed: 已办结. */
export type LedgerState = 'open' | 'dueSoon' | 'overdue' | 'closed'

export interface SupervisionFilter {
  state?: LedgerState
  source?: string
  departmentId?: string
}

export interface SupervisionMilestone {
  title: string
  dueDate: string
  /** Set when the lead unit reported the milestone done. */
  doneOn: string | null
}

/** One line of the ledger, with its standing today as the server counts it. */
export interface SupervisionItem {
  id: string
  source: string
  sourceLabel: string
  meetingId: string | null
  agendaItemId: string | null
  documentId: string | null
  title: string
  requirement: string
  leadDepartmentId: string
  leadDepartmentName: string
  coDepartmentIds: string[]
  coDepartmentNames: string[]
  responsiblePerson: string
  assignedOn: string
  dueDate: string
  /** The due date first set; differs from dueDate once an extension was granted. */
  originalDueDate: string
  milestones: SupervisionMilestone[]
  /** open (办理中), closeRequested (已报办结待审核), closed (已办结). */
  state: string
  stateLabel: string
  pendingExtension: { requestedDue: string; reason: string; requestedAt: string } | null
  closedOn: string | null
  /** Calendar days past the due date when closed; 0 when on time. */
  daysLate: number | null
  /** Working days to the due date on the official calendar; null once closed. */
  workingDaysLeft: number | null
  overdue: boolean
  ruleIds: string[]
  secrecy: string
  /** 当前办理: the lead unit, or the supervision office while a request waits on it. */
  holders: Holding[]
}

export interface SupervisionLedger {
  total: number
  today: string
  items: SupervisionItem[]
}

export type SupervisionAction =
  | 'create'
  | 'progress'
  | 'requestExtension'
  | 'grantExtension'
  | 'refuseExtension'
  | 'requestClosure'
  | 'returnClosure'
  | 'close'
  | 'remind'
  | 'overdue'
  | 'circulated'
  | 'attachEvidence'

export interface SupervisionEvent {
  occurredAt: string
  /** One of SupervisionAction; kept open so a new act still shows, by its code. */
  action: string
  text: string | null
  ruleIds: string[]
  /** null for the system's own entries (催办, 逾期). */
  actorTitle: string | null
}

/** What the current post may do on the item, as the server answers it. */
export interface SupervisionMay {
  report: boolean
  attachEvidence: boolean
  requestExtension: boolean
  decideExtension: boolean
  requestClosure: boolean
  reviewClosure: boolean
}

export interface SupervisionItemView {
  item: SupervisionItem
  /** The articles behind the item's due date. */
  citations: Citation[]
  /** 佐证材料 the units reported with the item. */
  evidence: SupervisionEvidence[]
  events: SupervisionEvent[]
  may: SupervisionMay
}

export interface SupervisionEvidence {
  id: string
  name: string
  mediaType: string
  sizeBytes: number
  sha256: string
  uploadedAt: string
}

export interface NewSupervisionItem {
  source: SupervisionSource
  title: string
  requirement?: string
  leadDepartmentId: string
  coDepartmentIds?: string[]
  responsiblePerson?: string
  assignedOn?: string
  /** Without it the rulebook's period for the source applies; the server refuses a later date. */
  dueDate?: string
  milestones?: { title: string; dueDate: string }[]
  /** 密级 in words (公开, 内部…), as the server parses them. */
  secrecy?: string
}

export interface DepartmentFigures {
  departmentId: string
  departmentName: string
  open: number
  overdue: number
  closed: number
  closedOnTime: number
}

export interface MonthFigures {
  /** YYYY-MM */
  month: string
  assigned: number
  closed: number
  closedLate: number
}

export interface SupervisionDashboard {
  today: string
  open: number
  dueThisWeek: number
  overdue: number
  closed: number
  closedOnTime: number
  /** 0..1; null while nothing is closed. */
  onTimeRate: number | null
  averageDaysLate: number | null
  byDepartment: DepartmentFigures[]
  /** The last twelve months. */
  trend: MonthFigures[]
}

export interface CircularLine {
  departmentId: string
  departmentName: string
  onTime: number
  late: number
  overdue: number
  overdueItems: { id: string; title: string; dueDate: string; daysOverdue: number }[]
}

export interface SupervisionCircular {
  id: string
  periodFrom: string
  periodTo: string
  issuedAt: string
  title: string
  lines: CircularLine[]
}

const itemPath = (id: string, act = '') =>
  `/api/supervision/items/${encodeURIComponent(id)}${act ? `/${act}` : ''}`

const queryOf = (filter: SupervisionFilter) => ({
  state: filter.state,
  source: filter.source,
  departmentId: filter.departmentId,
})

/** One page of the ledger, filtered. */
export const fetchSupervisionLedger = (
  filter: SupervisionFilter,
  page: { limit: number; offset: number },
  signal?: AbortSignal,
) =>
  request<SupervisionLedger>('GET', '/api/supervision/items', {
    query: { ...queryOf(filter), ...page },
    signal,
  })

/** The Excel ledger (督查台账) of the same filter: a plain link, the session cookie goes with it. */
export function supervisionLedgerExportUrl(filter: SupervisionFilter): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(queryOf(filter)))
    if (value !== undefined && value !== '') params.set(key, value)
  const search = params.toString()
  return search ? `/api/supervision/items.xlsx?${search}` : '/api/supervision/items.xlsx'
}

export const createSupervisionItem = (item: NewSupervisionItem) =>
  request<SupervisionItemView>('POST', '/api/supervision/items', { body: item })

export const fetchSupervisionItem = (id: string, signal?: AbortSignal) =>
  request<SupervisionItemView>('GET', itemPath(id), { signal })

export const reportSupervisionProgress = (
  id: string,
  progress: { text: string; milestoneIndex?: number },
) => request<SupervisionItemView>('POST', itemPath(id, 'progress'), { body: progress })

export const requestSupervisionExtension = (
  id: string,
  extension: { requestedDue: string; reason: string },
) => request<SupervisionItemView>('POST', itemPath(id, 'extension'), { body: extension })

export const decideSupervisionExtension = (
  id: string,
  decision: { approve: boolean; text?: string },
) => request<SupervisionItemView>('POST', itemPath(id, 'extension/decide'), { body: decision })

export const requestSupervisionClosure = (id: string, report: string) =>
  request<SupervisionItemView>('POST', itemPath(id, 'closure'), { body: { report } })

export const reviewSupervisionClosure = (id: string, review: { approve: boolean; text?: string }) =>
  request<SupervisionItemView>('POST', itemPath(id, 'closure/review'), { body: review })

/** The jurisdiction's figures, or one unit's. */
export const fetchSupervisionDashboard = (departmentId: string | undefined, signal?: AbortSignal) =>
  request<SupervisionDashboard>('GET', '/api/supervision/dashboard', {
    query: { departmentId },
    signal,
  })

/** 通报 issued in the jurisdiction, latest first. */
export const fetchSupervisionCirculars = (signal?: AbortSignal) =>
  request<SupervisionCircular[]>('GET', '/api/supervision/circulars', { signal })

export const issueSupervisionCircular = (circular: { from: string; to: string; title?: string }) =>
  request<SupervisionCircular>('POST', '/api/supervision/circulars', { body: circular })

/** Where an evidence file downloads from (the browser follows the link with its session cookie). */
export const evidenceUrl = (itemId: string, evidenceId: string) =>
  `/api/supervision/items/${encodeURIComponent(itemId)}/evidence/${encodeURIComponent(evidenceId)}`

/** 上传佐证材料: one file as multipart/form-data, carrying the CSRF token itself. */
export function uploadEvidence(
  itemId: string,
  file: File,
  csrfToken: string,
): Promise<SupervisionEvidence> {
  const form = new FormData()
  form.append('file', file, file.name)
  return sendFile(
    fetch(`/api/supervision/items/${encodeURIComponent(itemId)}/evidence`, {
      method: 'POST',
      headers: { accept: 'application/json', 'x-csrf-token': csrfToken },
      credentials: 'same-origin',
      body: form,
    }),
    (response) => response.json() as Promise<SupervisionEvidence>,
  )
}
