import { z } from 'zod'
import { citation, civilDate, civilDateOut, id, text } from './contract-fields.ts'

const dayType = z.enum(['workday', 'restday', 'holiday'])
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')
const shiftTemplate = z.object({
  label: text(20).trim().min(1, '请填写班次名称'),
  start: time,
  end: time,
  staff: z.number().int().min(0).max(10),
})
const dayShifts = z.array(shiftTemplate).max(6)
export const shiftPattern = z.object({
  workday: dayShifts,
  restday: dayShifts,
  holiday: dayShifts,
})
const postIds = z.array(id).max(50)

/** POST /api/duty/units (the government office). */
export const dutyUnitBody = z.object({
  departmentId: id,
  /** A duty season of the rulebook (汛期…); none: year round. */
  season: z.string().max(40).nullable().optional(),
  shiftPattern: shiftPattern.optional(),
  leaderPostIds: postIds,
  staffPostIds: postIds,
})

/** PATCH /api/duty/units/:id (the unit's keeper). */
export const dutyUnitPatch = z.object({
  shiftPattern: shiftPattern.optional(),
  leaderPostIds: postIds.optional(),
  staffPostIds: postIds.optional(),
})

export const idParams = z.object({ id })
export const created = z.object({ id: z.string() })

const ruleOfUnit = z
  .object({ leaderOnCall: z.boolean(), summary: z.string(), citations: z.array(citation) })
  .nullable()

export const dutyUnitView = z.object({
  id: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  season: z.string().nullable(),
  seasonLabel: z.string(),
  seasonFrom: z.string().nullable(),
  seasonTo: z.string().nullable(),
  seasonBasis: z.string().nullable(),
  shiftPattern,
  leaderPostIds: z.array(z.string()),
  staffPostIds: z.array(z.string()),
  rule: ruleOfUnit,
  canManage: z.boolean(),
})
export const dutyUnitList = z.object({ units: z.array(dutyUnitView) })

/** A span: dates, or a holiday period of the official calendar (holiday code + year). */
const spanFields = {
  from: civilDate.optional(),
  to: civilDate.optional(),
  holiday: z.string().max(40).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
}
export const rosterQuery = z.object({ unit: id, ...spanFields })
export const rosterBody = z.object({ unitId: id, ...spanFields })

const holidayPeriod = z.object({
  code: z.string(),
  name: z.string(),
  from: civilDateOut,
  to: civilDateOut,
  source: z.string(),
})

export const shiftView = z.object({
  id: z.string(),
  label: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  dayType,
  holidayName: z.string().nullable(),
  status: z.enum(['draft', 'published']),
  version: z.number(),
  leader: z
    .object({
      personId: z.string(),
      postId: z.string().nullable(),
      name: z.string(),
      away: z.boolean(),
    })
    .nullable(),
  staff: z.array(z.object({ personId: z.string(), name: z.string(), away: z.boolean() })),
  issues: z.array(z.string()),
  uncovered: z.boolean(),
  upcoming: z.boolean(),
})

const candidate = z.object({
  postId: z.string(),
  postTitle: z.string(),
  personId: z.string(),
  name: z.string(),
})

export const rosterView = z.object({
  unit: z.object({
    id: z.string(),
    jurisdictionId: z.string(),
    departmentName: z.string(),
    seasonLabel: z.string(),
    season: z.string().nullable(),
  }),
  from: civilDateOut,
  to: civilDateOut,
  holiday: holidayPeriod.nullable(),
  rule: ruleOfUnit,
  days: z.array(
    z.object({
      date: civilDateOut,
      dayType,
      holidayName: z.string().nullable(),
      shifts: z.array(shiftView),
    }),
  ),
  gaps: z.number(),
  uncovered: z.number(),
  drafts: z.number(),
  leaders: z.array(candidate),
  staff: z.array(candidate),
  holidays: z.array(holidayPeriod),
  canManage: z.boolean(),
})

/** PATCH /api/duty/shifts/:id (a draft shift's people). */
export const shiftEditBody = z.object({
  leaderPersonId: id.nullable(),
  staffPersonIds: z.array(id).max(10),
  version: z.number().int().min(1),
})

/** POST /api/duty/shifts/:id/swap (a published shift). */
export const shiftSwapBody = z.object({
  role: z.enum(['leader', 'staff']),
  fromPersonId: id.nullable(),
  toPersonId: id,
  reason: text(200).trim().min(1, '请填写换班事由'),
})

export const shiftAnswer = z.object({ shift: shiftView })

export const onDutyView = z.object({
  at: z.string(),
  units: z.array(
    z.object({
      unitId: z.string(),
      departmentName: z.string(),
      rulebookPost: z.string().nullable(),
      shiftId: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      leader: z
        .object({ personId: z.string(), postId: z.string().nullable(), name: z.string() })
        .nullable(),
      staff: z.array(z.object({ personId: z.string(), name: z.string() })),
    }),
  ),
})
