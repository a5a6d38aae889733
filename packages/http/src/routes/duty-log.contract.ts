import { z } from 'zod'
import {
  citation,
  civilDate,
  civilDateOut,
  id,
  instant,
  text,
  titleField,
} from './contract-fields.ts'

/** 值班日志、交接班 (issue 16, contract C5): the duty log, dispatch to the ledger, handovers. */
export const entryParams = z.object({ id })
export const handoverParams = z.object({ id })

export const logQuery = z.object({
  unit: id.optional(),
  shift: id.optional(),
  from: instant().optional(),
  to: instant().optional(),
})

const kind = z.enum(['call', 'instruction', 'hotline', 'incident', 'other'], {
  message: '记录类别只能是：来电来报、领导指示批示、热线事项、突发事件信息、其他',
})

export const entryBody = z.object({
  unitId: id,
  kind,
  receivedAt: instant('请填写收到的时间（精确到分钟，带时区）'),
  fromText: text(200).trim().optional(),
  summary: text(2000).trim().min(1, '请填写主要内容'),
  actionTaken: text(2000).trim().optional(),
  passOn: z.boolean().optional(),
  incidentId: id.optional(),
})

export const dispatchBody = z.object({
  as: z.literal('supervision', { message: '只能分办为督办事项' }),
  leadDepartmentId: id,
  coDepartmentIds: z.array(id).max(30).optional(),
  due: civilDate.optional(),
  title: titleField().optional(),
})

export const handBody = z.object({
  fromShiftId: id,
  notes: text(4000).trim().optional(),
})
export const receiveBody = z.object({})

const person = z.object({ personId: z.string(), name: z.string() })

export const entryView = z.object({
  id: z.string(),
  dutyUnitId: z.string(),
  shiftId: z.string().nullable(),
  kind,
  receivedAt: z.string(),
  fromText: z.string(),
  summary: z.string(),
  actionTaken: z.string(),
  passOn: z.boolean(),
  supervisionItemId: z.string().nullable(),
  incidentId: z.string().nullable(),
  recordedBy: person,
  recordedAt: z.string(),
})

const shiftView = z.object({
  id: z.string(),
  label: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  leader: person.nullable(),
  staff: z.array(person),
})

export const handoverView = z.object({
  id: z.string(),
  dutyUnitId: z.string(),
  fromShiftId: z.string(),
  toShiftId: z.string().nullable(),
  notes: z.string(),
  handedBy: person,
  handedAt: z.string(),
  receivedBy: person.nullable(),
  receivedAt: z.string().nullable(),
})

const unitView = z.object({ id: z.string(), name: z.string(), season: z.string().nullable() })

export const logResponse = z.object({
  serverNow: z.string(),
  units: z.array(unitView),
  kinds: z.array(
    z.object({ code: z.string(), label: z.string(), dispatchAs: z.string().nullable() }),
  ),
  citations: z.array(citation),
  unit: unitView.nullable(),
  shift: shiftView.nullable(),
  previousShift: shiftView.nullable(),
  nextShift: shiftView.nullable(),
  entries: z.array(entryView),
  passedOn: z.array(entryView),
  handoverIn: handoverView.extend({ mayReceive: z.boolean() }).nullable(),
  handoverOut: handoverView.extend({ mayReceive: z.boolean() }).nullable(),
  mayWrite: z.boolean(),
  mayHand: z.boolean(),
})

export const entryResponse = entryView.extend({ citations: z.array(citation) })

export const dispatchResponse = z.object({
  entry: entryView,
  supervisionItem: z.object({
    id: z.string(),
    title: z.string(),
    sourceLabel: z.string(),
    assignedOn: civilDateOut,
    dueDate: civilDateOut,
    ruleIds: z.array(z.string()),
  }),
  citations: z.array(citation),
})

export const handoverResponse = handoverView.extend({ citations: z.array(citation) })

export const handoversQuery = z.object({
  unit: id,
  from: instant().optional(),
  to: instant().optional(),
})
export const handoversResponse = z.object({
  handovers: z.array(handoverView.extend({ fromShift: shiftView, toShift: shiftView.nullable() })),
})
