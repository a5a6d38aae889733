import type { SecrecyLevel } from '../access/secrecy.ts'

export type SupervisionState = 'open' | 'closeRequested' | 'closed'

/** A milestone (时间节点) of an item; `doneOn` once the lead unit reports it done. */
export interface Milestone {
  title: string
  dueDate: string
  doneOn: string | null
}

/** One line of the supervision ledger (督查台账), with its access facts. */
export interface SupervisionItem {
  id: string
  jurisdictionId: string
  /** The rulebook's source code (meetingDecision, leaderInstruction…) or a manual source. */
  source: string
  sourceLabel: string
  meetingId: string | null
  agendaItemId: string | null
  documentId: string | null
  title: string
  requirement: string
  leadDepartmentId: string
  coDepartmentIds: string[]
  responsiblePerson: string
  assignedOn: string
  dueDate: string
  originalDueDate: string
  milestones: Milestone[]
  state: SupervisionState
  pendingExtension: { requestedDue: string; reason: string; requestedAt: string } | null
  closedOn: string | null
  /** Calendar days past the due date when closed; 0 when on time. */
  daysLate: number | null
  /** When the before-due reminder goes out: a few working days before the due date. */
  remindOn: string
  remindedFor: string | null
  escalatedFor: string | null
  ruleIds: string[]
  secrecy: SecrecyLevel
  distributionPosts: string[]
  distributionDepartments: string[]
  createdAt: string
  updatedAt: string
}

export interface SupervisionEvent {
  itemId: string
  occurredAt: string
  actorPersonId: string | null
  actorPostId: string | null
  action: string
  text: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}

/** A 通报 as issued: each unit's items closed on time, closed late, and overdue. */
export interface SupervisionCircular {
  id: string
  jurisdictionId: string
  periodFrom: string
  periodTo: string
  issuedAt: string
  issuedByPostId: string | null
  title: string
  lines: CircularLine[]
}

export interface CircularLine {
  departmentId: string
  departmentName: string
  onTime: number
  late: number
  overdue: number
  overdueItems: { id: string; title: string; dueDate: string; daysOverdue: number }[]
}

/** A file a unit reported with the item (佐证材料), without its bytes. */
export interface SupervisionEvidence {
  id: string
  itemId: string
  name: string
  mediaType: string
  sizeBytes: number
  sha256: string
  uploadedAt: string
  uploadedByPersonId: string | null
  uploadedByPostId: string | null
}
