import type { Viewer } from '../access/can-see.ts'
import type { ScheduledTimer } from '../jobs/job-scheduler.ts'
import type { AbsenceRecord, AbsenceStatus, LoadedAbsence } from './absence.ts'

/** The fields an act may change on an absence (the version moves with every change). */
export type AbsenceChanges = Partial<
  Pick<
    AbsenceRecord,
    | 'status'
    | 'approverPostId'
    | 'approverPostIds'
    | 'decidedAt'
    | 'decidedByPostId'
    | 'opinion'
    | 'returnedOn'
    | 'returnReport'
    | 'ruleIds'
  >
>

/** One history entry as an act appends it. */
export interface NewAbsenceEvent {
  absenceId: string
  occurredAt: string
  actorPersonId: string | null
  actorPostId: string | null
  action: string
  text: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}

/** Another absence overlapping a span, as the conflict check reads it (no access filter: a rule check). */
export interface OverlappingAbsence {
  id: string
  postId: string
  role: string
  postTitle: string
  from: string
  /** The last day away: the earlier of its end and the day of 销假. */
  to: string
  status: AbsenceStatus
}

export interface AbsenceListQuery {
  scope: 'mine' | 'toDecide' | 'office'
  personId: string
  /** The posts the viewer acts in today (toDecide: those that may decide). */
  postIds: readonly string[]
  status?: AbsenceStatus
  /** Absences touching [from, to]. */
  from?: string
  to?: string
  limit: number
}

/** A line of a list: the record with the names it shows. */
export interface AbsenceLine {
  record: AbsenceRecord
  personName: string
  postTitle: string
  approverTitle: string | null
}

/** 请销假 storage, bound to the command's transaction. */
export interface AbsenceRepository {
  /** The new absence, its first history entry and its timers, in one statement. */
  insert(
    record: AbsenceRecord,
    event: Omit<NewAbsenceEvent, 'absenceId'>,
    timers?: readonly ScheduledTimer[],
  ): Promise<void>
  /**
   * The absence if the viewer may see it, with its names and history (locked when asked), and
   * the acting person's name for the entry an act adds: one statement.
   */
  load(
    viewer: Viewer,
    id: string,
    options?: { forUpdate?: boolean; actorPersonId?: string },
  ): Promise<(LoadedAbsence & { actorName: string | null }) | undefined>
  /** Writes the changes, the history entry and the timers of one act, in one statement. */
  update(
    id: string,
    changes: AbsenceChanges,
    at: string,
    event: NewAbsenceEvent,
    timers?: readonly ScheduledTimer[],
  ): Promise<void>
  /** The absences in force or pending of the jurisdiction that touch [from, to], but `exceptId`. */
  overlapping(
    jurisdictionId: string,
    from: string,
    to: string,
    options: { exceptId?: string; statuses: readonly AbsenceStatus[] },
  ): Promise<OverlappingAbsence[]>
  list(viewer: Viewer, query: AbsenceListQuery): Promise<AbsenceLine[]>
}
