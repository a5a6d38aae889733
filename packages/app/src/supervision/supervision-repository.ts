import type { Viewer } from '../access/can-see.ts'
import type {
  SupervisionCircular,
  SupervisionEvent,
  SupervisionEvidence,
  SupervisionItem,
} from './supervision-item.ts'

export type SupervisionChanges = Partial<
  Pick<
    SupervisionItem,
    | 'state'
    | 'dueDate'
    | 'milestones'
    | 'pendingExtension'
    | 'closedOn'
    | 'daysLate'
    | 'remindOn'
    | 'remindedFor'
    | 'escalatedFor'
    | 'ruleIds'
  >
>

export interface LedgerQuery {
  state?: 'open' | 'closed' | 'overdue' | 'dueSoon'
  source?: string
  departmentId?: string
  /** Items a meeting decided (议定事项). */
  meetingId?: string
  /** Items waiting on the supervision office: a closing review or an extension to decide. */
  awaitingOffice?: boolean
  /** The civil date "overdue" and "due soon" are judged on. */
  today: string
  /** Due on or before this date counts as due soon (this week). */
  dueSoonBy?: string
  limit: number
  offset: number
}

export interface DashboardFigures {
  open: number
  dueThisWeek: number
  overdue: number
  closed: number
  closedOnTime: number
  /** Mean calendar days late over items closed late; null when none. */
  averageDaysLate: number | null
  byDepartment: {
    departmentId: string
    departmentName: string
    open: number
    overdue: number
    closed: number
    closedOnTime: number
  }[]
  /** Items assigned and closed per month, the last twelve months. */
  trend: { month: string; assigned: number; closed: number; closedLate: number }[]
}

/** A due item the reminder scan acts on, with the id of its lead unit. */
export interface DueForReminder {
  id: string
  title: string
  jurisdictionId: string
  dueDate: string
  leadDepartmentId: string
  kind: 'reminder' | 'escalation'
}

/**
 * The supervision ledger in storage. Reads take the viewer and apply the access rule in the
 * query; the reminder scan works across jurisdictions for the timer worker, not for a person.
 */
export interface SupervisionRepository {
  insert(item: SupervisionItem): Promise<void>
  visible(
    viewer: Viewer,
    id: string,
    options?: { forUpdate?: boolean },
  ): Promise<SupervisionItem | undefined>
  ledger(viewer: Viewer, query: LedgerQuery): Promise<{ items: SupervisionItem[]; total: number }>
  update(id: string, changes: SupervisionChanges, at: string): Promise<void>
  appendEvent(event: SupervisionEvent): Promise<void>
  events(itemId: string): Promise<SupervisionEvent[]>
  /** The latest progress report of each item, for the ledger's 办理进展 column. */
  latestProgress(itemIds: readonly string[]): Promise<Map<string, { text: string; at: string }>>
  dashboard(
    viewer: Viewer,
    query: { today: string; weekEnd: string; departmentId?: string },
  ): Promise<DashboardFigures>
  /**
   * Open items whose reminder day has come, or whose due date has passed, without the reminder
   * or escalation for their current due date — locked, and skipped by other workers.
   */
  claimDue(query: { today: string; limit: number }): Promise<DueForReminder[]>
  /** Items of the jurisdiction relevant to a circular over [from, to]: closed in it, or open and overdue at its end. */
  forCircular(
    jurisdictionId: string,
    period: { from: string; to: string },
  ): Promise<SupervisionItem[]>
  /** Evidence is stored once and never changes (a database trigger refuses it). */
  insertEvidence(evidence: SupervisionEvidence, content: Uint8Array): Promise<void>
  evidence(itemId: string): Promise<SupervisionEvidence[]>
  evidenceContent(
    itemId: string,
    evidenceId: string,
  ): Promise<(SupervisionEvidence & { content: Uint8Array }) | undefined>
  insertCircular(circular: SupervisionCircular): Promise<void>
  circulars(jurisdictionId: string, limit: number): Promise<SupervisionCircular[]>
}
