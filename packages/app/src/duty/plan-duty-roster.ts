import { shanghaiDateOf } from '@zhengling/rules'
import { type DutyDay, type DutyRuleOfUnit, inSeason, shiftsOfDay } from './duty-calendar.ts'
import type { DutyRosterData, DutyShiftRecord, DutyUnitRecord } from './duty-roster.ts'

/** The civil dates a shift covers in Asia/Shanghai (its start's, to its last minute's). */
export function shiftDates(shift: Pick<DutyShiftRecord, 'startsAt' | 'endsAt'>) {
  return {
    from: shanghaiDateOf(Date.parse(shift.startsAt)),
    to: shanghaiDateOf(Date.parse(shift.endsAt) - 60_000),
  }
}

/** Whether a person is away (请假, 外出; contract C2) on some day of [from, to]. */
export function isAway(data: DutyRosterData, personId: string, from: string, to: string): boolean {
  const person = data.people.find((p) => p.personId === personId)
  return (person?.away ?? []).some((a) => a.from <= to && from <= a.to)
}

/** Who holds a candidate post on a date. */
function holdersOn(data: DutyRosterData, postId: string, date: string) {
  const post = data.candidates.find((c) => c.postId === postId)
  return (post?.holders ?? []).filter((h) => h.from <= date && (h.to === null || h.to >= date))
}

/** A rotation over candidate posts: each pick takes the next one whose holder is free. */
function rotation(postIds: readonly string[]) {
  let next = 0
  return (
    data: DutyRosterData,
    dates: { from: string; to: string },
    taken: ReadonlySet<string>,
  ): { postId: string; personId: string } | undefined => {
    for (let step = 0; step < postIds.length; step += 1) {
      const index = (next + step) % postIds.length
      const postId = postIds[index] as string
      const holder = holdersOn(data, postId, dates.from).find(
        (h) => !taken.has(h.personId) && !isAway(data, h.personId, dates.from, dates.to),
      )
      if (holder) {
        next = index + 1
        return { postId, personId: holder.personId }
      }
    }
    return undefined
  }
}

/**
 * The draft shifts of a roster over some days (值班表): each day's shifts by the unit's pattern for
 * its kind of day, on the days the rule keeps duty (its kinds of day, the unit's season); the
 * leader on call and staff taken in rotation from the unit's candidates, skipping whoever is
 * away over the shift (请假, 外出报备). A shift nobody can take is left empty: the view flags it.
 */
export function planDutyRoster(
  unit: DutyUnitRecord,
  days: readonly DutyDay[],
  data: DutyRosterData,
  rule: DutyRuleOfUnit | undefined,
  newId: () => string,
): DutyShiftRecord[] {
  const leaders = rotation(unit.leaderPostIds)
  const staff = rotation(unit.staffPostIds)
  return days
    .filter((day) => !rule || rule.dayTypes.includes(day.dayType))
    .filter((day) => unit.season === null || inSeason(day.date, unit.seasonFrom, unit.seasonTo))
    .flatMap((day) =>
      shiftsOfDay(unit.shiftPattern, day).map(({ template, startsAt, endsAt }) => {
        const dates = shiftDates({ startsAt, endsAt })
        const leader = leaders(data, dates, new Set())
        const taken = new Set(leader ? [leader.personId] : [])
        const staffIds: string[] = []
        for (let n = 0; n < template.staff; n += 1) {
          const pick = staff(data, dates, taken)
          if (!pick) break
          taken.add(pick.personId)
          staffIds.push(pick.personId)
        }
        return {
          id: newId(),
          jurisdictionId: unit.jurisdictionId,
          dutyUnitId: unit.id,
          startsAt,
          endsAt,
          dayType: day.dayType,
          holidayName: day.holidayName,
          label: template.label,
          leaderPostId: leader?.postId ?? null,
          leaderPersonId: leader?.personId ?? null,
          staffPersonIds: staffIds,
          status: 'draft' as const,
          publishedAt: null,
          version: 1,
        }
      }),
    )
}

/** What is wrong with a shift as it stands: nobody, no leader on call, too few staff, someone away. */
export interface ShiftGaps {
  /** Nobody can stand the shift (no one named, or everyone named away). */
  uncovered: boolean
  issues: string[]
}

export function shiftGaps(
  shift: DutyShiftRecord,
  unit: DutyUnitRecord,
  data: DutyRosterData,
  rule: DutyRuleOfUnit | undefined,
): ShiftGaps {
  const dates = shiftDates(shift)
  const nameOf = (id: string) => data.people.find((p) => p.personId === id)?.name ?? ''
  const issues: string[] = []
  const leaderAway =
    shift.leaderPersonId !== null && isAway(data, shift.leaderPersonId, dates.from, dates.to)
  const staffAway = shift.staffPersonIds.filter((id) => isAway(data, id, dates.from, dates.to))
  const present =
    (shift.leaderPersonId !== null && !leaderAway ? 1 : 0) +
    shift.staffPersonIds.length -
    staffAway.length
  if (present === 0) issues.push('无人值班')
  if (shift.leaderPersonId === null && (rule?.leaderOnCall ?? unit.leaderPostIds.length > 0))
    issues.push(
      rule
        ? `无带班领导（${rule.citations.map((c) => c.article).join('、')}要求领导带班）`
        : '无带班领导',
    )
  if (leaderAway && shift.leaderPersonId)
    issues.push(`带班领导${nameOf(shift.leaderPersonId)}不在岗（请假或外出）`)
  for (const id of staffAway) issues.push(`值班员${nameOf(id)}不在岗（请假或外出）`)
  const wanted = unit.shiftPattern[shift.dayType]?.find((t) => t.label === shift.label)?.staff ?? 0
  if (present > 0 && shift.staffPersonIds.length < wanted)
    issues.push(`值班员不足（应${wanted}人，排${shift.staffPersonIds.length}人）`)
  return { uncovered: present === 0, issues }
}
