/**
 * 值班表 (issue 16): the units that keep duty (总值班室, 应急办: 木里 第八十八条, 钟山 第五十七条,
 * 托克逊 七十六), their shifts with the leader on call (带班领导) and staff, and the swaps made on a
 * published shift. Stored by packages/db/src/duty-roster-repository.ts (migration 0040).
 */

export const DUTY_DAY_TYPES = ['workday', 'restday', 'holiday'] as const
export type DutyDayType = (typeof DUTY_DAY_TYPES)[number]

/** One shift of a day: 'HH:MM' times; an end at or before the start is the next day's. */
export interface DutyShiftTemplate {
  label: string
  start: string
  end: string
  /** How many staff (值班员) the shift takes. */
  staff: number
}

/** The shifts of each kind of day (工作日, 双休日, 节假日). */
export type DutyShiftPattern = Record<DutyDayType, DutyShiftTemplate[]>

export interface DutyUnitRecord {
  id: string
  jurisdictionId: string
  departmentId: string
  departmentName: string
  /** The rulebook's id of the unit (dutyOffice, emergencyOffice…), if the rules name it. */
  rulebookPost: string | null
  /** null: year round; else the season's code (floodSeason…) with its dates 'MM-DD'. */
  season: string | null
  seasonFrom: string | null
  seasonTo: string | null
  /** The article (or outside source) the unit's duty follows. */
  seasonBasis: string | null
  shiftPattern: DutyShiftPattern
  leaderPostIds: string[]
  staffPostIds: string[]
}

export type DutyShiftStatus = 'draft' | 'published'

export interface DutyShiftRecord {
  id: string
  jurisdictionId: string
  dutyUnitId: string
  startsAt: string
  endsAt: string
  dayType: DutyDayType
  holidayName: string | null
  label: string
  leaderPostId: string | null
  leaderPersonId: string | null
  staffPersonIds: string[]
  status: DutyShiftStatus
  publishedAt: string | null
  version: number
}

/** A candidate post with its holders over a span, each with the days they are away (C2). */
export interface DutyCandidatePost {
  postId: string
  postTitle: string
  holders: { personId: string; name: string; from: string; to: string | null }[]
}

/** A person named on a roster: name, and the spans they are away (absences, contract C2). */
export interface DutyPerson {
  personId: string
  name: string
  away: { from: string; to: string }[]
}

/** What a roster over a span is read from, in one statement. */
export interface DutyRosterData {
  shifts: DutyShiftRecord[]
  candidates: DutyCandidatePost[]
  /** Everyone a shift or a candidate post names, with their absences over the span. */
  people: DutyPerson[]
}

/** Who is on duty at an instant in one unit: the leader on call and the staff. */
export interface DutyOnCall {
  unitId: string
  departmentName: string
  rulebookPost: string | null
  shiftId: string
  startsAt: string
  endsAt: string
  leader: { personId: string; postId: string | null; name: string } | null
  staff: { personId: string; name: string }[]
}

export interface DutySwapRecord {
  id: string
  shiftId: string
  fromPersonId: string | null
  toPersonId: string
  role: 'leader' | 'staff'
  reason: string
  byPersonId: string
  at: string
}

/** The duty rosters store (packages/db/src/duty-roster-repository.ts). */
export interface DutyRosterRepository {
  units(jurisdictionId: string): Promise<DutyUnitRecord[]>
  unit(id: string, forUpdate?: boolean): Promise<DutyUnitRecord | undefined>
  insertUnit(unit: Omit<DutyUnitRecord, 'departmentName' | 'rulebookPost'>): Promise<void>
  updateUnit(unit: Omit<DutyUnitRecord, 'departmentName' | 'rulebookPost'>): Promise<void>
  /**
   * A unit's shifts starting in [from, to) (instants), its candidate posts with their holders,
   * and every person named with their absences over the dates [fromDate, toDate]: one statement.
   */
  roster(
    unit: DutyUnitRecord,
    span: { from: string; to: string; fromDate: string; toDate: string },
  ): Promise<DutyRosterData>
  /**
   * Replaces the unit's draft shifts starting in [from, to) with `shifts`; a published shift
   * keeps its place (a new shift starting when one does is dropped): one statement.
   */
  replaceDrafts(
    unitId: string,
    span: { from: string; to: string },
    shifts: readonly DutyShiftRecord[],
  ): Promise<DutyShiftRecord[]>
  shift(id: string, forUpdate?: boolean): Promise<DutyShiftRecord | undefined>
  /** Writes the people of a shift, if its version is still `version`; answers the row after. */
  updateShift(
    id: string,
    version: number,
    people: Pick<DutyShiftRecord, 'leaderPostId' | 'leaderPersonId' | 'staffPersonIds'>,
  ): Promise<DutyShiftRecord | undefined>
  /** Publishes the unit's draft shifts starting in [from, to): answers them. */
  publish(
    unitId: string,
    span: { from: string; to: string },
    at: string,
  ): Promise<DutyShiftRecord[]>
  addSwap(swap: DutySwapRecord): Promise<void>
  swaps(shiftId: string): Promise<DutySwapRecord[]>
  /**
   * The published shifts covering `at` in the jurisdiction's duty units (or only the units whose
   * department the rules name `rulebookPost`), with the people's names.
   */
  onDutyAt(jurisdictionId: string, at: string, rulebookPost?: string): Promise<DutyOnCall[]>
  /** Whether the department and which of the posts are the jurisdiction's: one statement. */
  refsIn(
    jurisdictionId: string,
    departmentId: string,
    postIds: readonly string[],
  ): Promise<{ department: boolean; postIds: string[] }>
  /** The government office's department (rulebook post governmentOffice), if any. */
  governmentOfficeOf(jurisdictionId: string): Promise<string | undefined>
  /** The names of people (for the answers). */
  names(personIds: readonly string[]): Promise<Map<string, string>>
}
