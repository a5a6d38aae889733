/**
 * The duty log and handover (值班日志、交接班, issue 16): what came in on duty at the minute it came
 * (calls, leaders' instructions, hotline items, incidents), what was done, what passes to the next
 * shift; the handover between shifts signed by the one who hands and the one who receives (木里
 * 第八十八条 值班记录、交接班; 钟山 第五十七条 领导同志批示及有关热线收集、分办和反馈). Instructions and
 * hotline items are dispatched to the supervision ledger with the rulebook's due date.
 */

export type DutyLogKind = 'call' | 'instruction' | 'hotline' | 'incident' | 'other'

/** The kinds of entry and their labels, in the order the page offers them. */
export const DUTY_LOG_KINDS: Record<DutyLogKind, string> = {
  call: '来电来报',
  instruction: '领导指示、批示',
  hotline: '热线（专线、信箱、直通车）事项',
  incident: '突发事件信息',
  other: '其他',
}

/** What an entry of each kind becomes in the supervision ledger, when dispatched (分办). */
export const DISPATCH_SOURCES: Partial<Record<DutyLogKind, { source: string; label: string }>> = {
  instruction: { source: 'leaderInstruction', label: '领导批示件' },
  hotline: { source: 'dutyHotline', label: '热线（专线、信箱、直通车）交办事项' },
}

export interface PersonRef {
  personId: string
  name: string
}

/** A duty unit as the log sees it (duty_units, migration 0040): its department and candidates. */
export interface DutyUnitForLog {
  id: string
  jurisdictionId: string
  departmentId: string
  departmentName: string
  season: string | null
  leaderPostIds: string[]
  staffPostIds: string[]
}

/** A shift of a duty unit (duty_shifts, migration 0040) with who is on it. */
export interface DutyShiftForLog {
  id: string
  dutyUnitId: string
  label: string
  startsAt: string
  endsAt: string
  status: string
  leader: PersonRef | null
  staff: PersonRef[]
}

export interface DutyLogEntry {
  id: string
  jurisdictionId: string
  dutyUnitId: string
  shiftId: string | null
  kind: DutyLogKind
  /** When it came in, to the minute (ISO instant). */
  receivedAt: string
  fromText: string
  summary: string
  actionTaken: string
  passOn: boolean
  supervisionItemId: string | null
  incidentId: string | null
  recordedBy: PersonRef
  recordedAt: string
}

export interface DutyHandover {
  id: string
  jurisdictionId: string
  dutyUnitId: string
  fromShiftId: string
  toShiftId: string | null
  notes: string
  handedBy: PersonRef
  handedAt: string
  receivedBy: PersonRef | null
  receivedAt: string | null
}

/** One duty unit's desk around an instant: the unit, its shifts over the span, their handovers. */
export interface DutyDesk {
  unit: DutyUnitForLog
  /** Shifts overlapping the span asked, in order. */
  shifts: DutyShiftForLog[]
  handovers: DutyHandover[]
}

/** The duty log store (packages/db/src/duty-log-repository.ts). */
export interface DutyLogRepository {
  /**
   * The duty units of a jurisdiction, with their department's name and whether the person
   * stands on one of its shifts over [from, to) (a swap may put someone on a unit not theirs).
   */
  units(
    jurisdictionId: string,
    standing: { personId: string; from: string; to: string },
  ): Promise<(DutyUnitForLog & { standsOn: boolean })[]>
  /**
   * One unit's desk in one statement: the unit, its shifts overlapping [from, to) and the
   * handovers from those shifts. `forUpdate` locks the unit (one act at a time on its log).
   */
  desk(
    jurisdictionId: string,
    unitId: string,
    span: { from: string; to: string },
    options?: { forUpdate?: boolean },
  ): Promise<DutyDesk | undefined>
  /**
   * A shift locked, with its unit, the unit's next shift and the shift's handover if any: one
   * statement.
   */
  shiftForUpdate(
    jurisdictionId: string,
    shiftId: string,
  ): Promise<
    | {
        unit: DutyUnitForLog
        shift: DutyShiftForLog
        nextShift: DutyShiftForLog | null
        handover: DutyHandover | null
      }
    | undefined
  >
  /** Entries of a unit received in [from, to), oldest first. */
  entries(
    unitId: string,
    span: { from: string; to: string },
    limit: number,
  ): Promise<DutyLogEntry[]>
  /**
   * Claims an entry for a supervision item about to be written (分办), locking it: answers the
   * entry as it was before (its `supervisionItemId` null unless dispatched already, which the
   * claim leaves as it was) with its unit, in one statement.
   */
  claimForSupervision(
    jurisdictionId: string,
    entryId: string,
    supervisionItemId: string,
  ): Promise<{ entry: DutyLogEntry; unit: DutyUnitForLog } | undefined>
  /**
   * Inserts an entry; answers the recorder's name and the incident kept, which is null when the
   * entry names no incident of its jurisdiction.
   */
  insertEntry(
    entry: DutyLogEntry & { recordedByPostId: string },
  ): Promise<{ recordedByName: string; incidentId: string | null }>
  /** One handover locked, with the unit and both shifts: one statement. */
  handoverForUpdate(
    jurisdictionId: string,
    handoverId: string,
  ): Promise<
    | {
        handover: DutyHandover
        unit: DutyUnitForLog
        fromShift: DutyShiftForLog
        toShift: DutyShiftForLog | null
      }
    | undefined
  >
  /** Inserts a handover; answers the name of the one who hands. */
  insertHandover(handover: DutyHandover): Promise<string>
  /** Signs a handover received; answers the receiver's name. */
  receiveHandover(handoverId: string, personId: string, at: string): Promise<string>
}
