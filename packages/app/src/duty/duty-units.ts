import type { Citation } from '@zhengling/rules'
import { shanghaiDateOf } from '@zhengling/rules'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import type { ActDeps } from '../acts/act-kernel.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { assertMayManageDuty, mayManageDuty } from './duty-access.ts'
import { dutyRuleOf, dutySeasonsOf } from './duty-calendar.ts'
import {
  DUTY_DAY_TYPES,
  type DutyShiftPattern,
  type DutyShiftTemplate,
  type DutyUnitRecord,
} from './duty-roster.ts'

/**
 * The shifts a new unit starts with: one 24-hour shift a day from 08:30 (24小时值班), one staff.
 * A unit's own times are its keeper's to set (they are not in the rules).
 */
export const DEFAULT_SHIFT_PATTERN: DutyShiftPattern = {
  workday: [{ label: '全天', start: '08:30', end: '08:30', staff: 1 }],
  restday: [{ label: '全天', start: '08:30', end: '08:30', staff: 1 }],
  holiday: [{ label: '全天', start: '08:30', end: '08:30', staff: 1 }],
}

export interface DutyUnitView {
  id: string
  departmentId: string
  departmentName: string
  season: string | null
  seasonLabel: string
  seasonFrom: string | null
  seasonTo: string | null
  seasonBasis: string | null
  shiftPattern: DutyShiftPattern
  leaderPostIds: string[]
  staffPostIds: string[]
  /** What the rulebook says of this unit's duty (领导带班, which days), with its articles. */
  rule: { leaderOnCall: boolean; summary: string; citations: Citation[] } | null
  canManage: boolean
}

export function dutyUnitView(
  rules: RulesPort,
  unit: DutyUnitRecord,
  on: string,
  canManage: boolean,
): DutyUnitView {
  const rule = dutyRuleOf(rules, unit, on)
  return {
    id: unit.id,
    departmentId: unit.departmentId,
    departmentName: unit.departmentName,
    season: unit.season,
    seasonLabel: rule?.seasonLabel ?? (unit.season === null ? '全年' : unit.season),
    seasonFrom: unit.seasonFrom,
    seasonTo: unit.seasonTo,
    seasonBasis: unit.seasonBasis,
    shiftPattern: unit.shiftPattern,
    leaderPostIds: unit.leaderPostIds,
    staffPostIds: unit.staffPostIds,
    rule: rule
      ? { leaderOnCall: rule.leaderOnCall, summary: rule.summary, citations: rule.citations }
      : null,
    canManage,
  }
}

/** The duty units of the viewer's jurisdiction. */
export async function listDutyUnits(
  deps: {
    repositories: Pick<Repositories, 'organisation' | 'dutyRosters'>
    rules: RulesPort
    now: Date
  },
  session: SessionRecord,
): Promise<DutyUnitView[]> {
  const viewer = await actorOfSession(deps.repositories, session, deps.now)
  const today = shanghaiDateOf(deps.now.getTime())
  const units = await deps.repositories.dutyRosters.units(viewer.jurisdictionId)
  return units.map((unit) => dutyUnitView(deps.rules, unit, today, mayManageDuty(viewer, unit)))
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

function checkPattern(pattern: DutyShiftPattern): DutyShiftPattern {
  const out = {} as DutyShiftPattern
  for (const dayType of DUTY_DAY_TYPES) {
    const shifts: DutyShiftTemplate[] = pattern[dayType] ?? []
    for (const shift of shifts)
      if (!TIME.test(shift.start) || !TIME.test(shift.end))
        throw new InvalidInputError('DUTY_SHIFT_TIME', '班次时间应为 HH:MM')
    // The shifts of a day run one after another and cover at most 24 hours.
    const minutes = shifts.reduce((sum, s) => {
      const [sh, sm] = s.start.split(':').map(Number) as [number, number]
      const [eh, em] = s.end.split(':').map(Number) as [number, number]
      const length = (eh * 60 + em - (sh * 60 + sm) + 1440) % 1440 || 1440
      return sum + length
    }, 0)
    if (minutes > 1440)
      throw new InvalidInputError('DUTY_SHIFT_OVERLAP', '一天的班次合计不能超过24小时')
    const starts = new Set(shifts.map((s) => s.start))
    if (starts.size !== shifts.length)
      throw new InvalidInputError('DUTY_SHIFT_OVERLAP', '同一天两个班次不能同时开始')
    out[dayType] = shifts
  }
  return out
}

export interface DutyUnitInput {
  departmentId: string
  season?: string | null
  shiftPattern?: DutyShiftPattern
  leaderPostIds: string[]
  staffPostIds: string[]
}

/**
 * Sets up a duty unit (the government office): its department, season (a rulebook season:
 * its dates and article come from the rulebook), shifts, and the candidates for 带班领导 and
 * 值班员 in rotation order. Audited.
 */
export async function createDutyUnit(
  deps: ActDeps,
  session: SessionRecord,
  input: DutyUnitInput,
): Promise<{ id: string }> {
  const shiftPattern = checkPattern(input.shiftPattern ?? DEFAULT_SHIFT_PATTERN)
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const actor = actingIn(await actorOfSession(r, session, now))
    assertMayManageDuty(actor)
    const today = shanghaiDateOf(now.getTime())
    const refs = await r.dutyRosters.refsIn(actor.jurisdictionId, input.departmentId, [
      ...input.leaderPostIds,
      ...input.staffPostIds,
    ])
    if (!refs.department) throw new NotFoundError('DUTY_DEPARTMENT_NOT_FOUND', '本辖区没有这个单位')
    if (![...input.leaderPostIds, ...input.staffPostIds].every((p) => refs.postIds.includes(p)))
      throw new NotFoundError('POST_NOT_FOUND', '本辖区没有这个职务')
    const season = seasonOf(deps.rules, actor.jurisdictionId, today, input.season ?? null)
    const units = await r.dutyRosters.units(actor.jurisdictionId)
    if (units.some((u) => u.departmentId === input.departmentId && u.season === season.season))
      throw new ConflictError('DUTY_UNIT_EXISTS', '该单位已设置这一值班期的值班，请修改原设置')
    const id = deps.newId()
    const unit = {
      id,
      jurisdictionId: actor.jurisdictionId,
      departmentId: input.departmentId,
      ...season,
      shiftPattern,
      leaderPostIds: input.leaderPostIds,
      staffPostIds: input.staffPostIds,
    }
    await r.dutyRosters.insertUnit(unit)
    await r.audit.append(
      auditEntry({
        jurisdictionId: actor.jurisdictionId,
        occurredAt: now.toISOString(),
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'duty.unit.create',
        subject: id,
        afterDigest: digestOf(unit, deps.hasher),
        details: { departmentId: input.departmentId, season: unit.season },
      }),
      deps.hasher,
    )
    return { id }
  })
}

/** A season's dates and article from the rulebook (汛期, 防火期), or year round. */
function seasonOf(rules: RulesPort, jurisdictionId: string, on: string, code: string | null) {
  if (code === null) return { season: null, seasonFrom: null, seasonTo: null, seasonBasis: null }
  const season = dutySeasonsOf(rules, jurisdictionId, on).find((s) => s.code === code)
  if (!season)
    throw new InvalidInputError('DUTY_SEASON_UNKNOWN', `规则库没有“${code}”值班期的起止日期`)
  return {
    season: code,
    seasonFrom: season.from,
    seasonTo: season.to,
    seasonBasis: season.citation
      ? `${season.citation.source}${season.citation.article}`
      : season.label,
  }
}

/** Changes a unit's shifts and candidates (the unit's keeper). Audited. */
export async function updateDutyUnit(
  deps: ActDeps,
  session: SessionRecord,
  id: string,
  input: Partial<Pick<DutyUnitInput, 'shiftPattern' | 'leaderPostIds' | 'staffPostIds'>>,
): Promise<{ id: string }> {
  const shiftPattern = input.shiftPattern ? checkPattern(input.shiftPattern) : undefined
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const actor = actingIn(await actorOfSession(r, session, now))
    const unit = await r.dutyRosters.unit(id, true)
    if (!unit || unit.jurisdictionId !== actor.jurisdictionId)
      throw new NotFoundError('DUTY_UNIT_NOT_FOUND', '没有这个值班单位')
    assertMayManageDuty(actor, unit)
    const named = [...(input.leaderPostIds ?? []), ...(input.staffPostIds ?? [])]
    const refs = await r.dutyRosters.refsIn(actor.jurisdictionId, unit.departmentId, named)
    if (!named.every((p) => refs.postIds.includes(p)))
      throw new NotFoundError('POST_NOT_FOUND', '本辖区没有这个职务')
    const after = {
      ...unit,
      shiftPattern: shiftPattern ?? unit.shiftPattern,
      leaderPostIds: input.leaderPostIds ?? unit.leaderPostIds,
      staffPostIds: input.staffPostIds ?? unit.staffPostIds,
    }
    await r.dutyRosters.updateUnit(after)
    await r.audit.append(
      auditEntry({
        jurisdictionId: actor.jurisdictionId,
        occurredAt: now.toISOString(),
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'duty.unit.update',
        subject: id,
        beforeDigest: digestOf(unit, deps.hasher),
        afterDigest: digestOf(after, deps.hasher),
      }),
      deps.hasher,
    )
    return { id }
  })
}
