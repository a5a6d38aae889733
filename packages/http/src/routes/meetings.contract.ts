import { z } from 'zod'
import { citation, civilDate, holding, id, instant, titleField } from './contract-fields.ts'

const titled = z.object({ title: z.string(), holders: z.array(z.string()) })

export const meetingParams = z.object({ id })
export const meetingItemParams = z.object({ id, itemId: id })
export const meetingMaterialParams = z.object({ id, itemId: id, materialId: id })
export const meetingDissentParams = z.object({ id, dissentId: id })
export const meetingParticipantParams = z.object({ id, postId: id })

export const meetingRange = z.object({
  from: civilDate.optional(),
  to: civilDate.optional(),
  /** Only meetings a post the person holds takes part in. */
  mine: z.enum(['true', 'false']).optional(),
})

export const scheduleMeetingBody = z.object({
  meetingType: z.string().min(1).max(32),
  title: titleField().optional(),
  startsAt: instant('会议时间格式不正确'),
  location: z.string().max(100).optional(),
  presiderPostId: id.optional(),
  secrecy: z.string().min(1).max(16).optional(),
})

/** 修改会议: until it opens, its name, time, place and presider (not its kind or 密级). */
export const editMeetingBody = z
  .object({
    title: titleField().optional(),
    startsAt: instant('会议时间格式不正确').optional(),
    location: z.string().max(100).optional(),
    presiderPostId: id.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), '没有修改任何内容')

const step = z.object({ code: z.string().min(1).max(64), note: z.string().max(500).optional() })

export const submitItemBody = z.object({
  title: titleField('请填写议题名称'),
  summary: z.string().max(5000).optional(),
  characteristics: z.array(z.string().min(1).max(64)).max(20).optional(),
  completed: z.array(step).max(20).optional(),
  involvedDepartmentIds: z.array(id).max(30).optional(),
  /** The 分管副职 a unit no deputy oversees names (the office; ADR 0010). */
  portfolioDeputyPostId: id.optional(),
})
export const recordStepBody = step
/** An act that takes nothing but the meeting (散会). */
export const emptyBody = z.object({}).default({})
export const approveAgendaBody = z.object({ itemIds: z.array(id).min(1, '请选择议题').max(60) })
export const dissentBody = z.object({ text: z.string().trim().min(1, '请填写不同意见').max(2000) })
/** 撤回议题: the reason is optional. */
export const withdrawItemBody = z.object({ reason: z.string().max(500).optional() }).default({})
export const answerDissentBody = z.object({
  adopted: z.boolean(),
  text: z.string().trim().min(1).max(2000),
})
export const leaveBody = z.object({
  reason: z.string().trim().min(1, '请填写请假事由').max(500),
  substitute: z.string().trim().max(64).optional(),
})
export const decideLeaveBody = z.object({ approve: z.boolean() })
export const openMeetingBody = z.object({ presentPostIds: z.array(id).max(200) })
export const decideItemBody = z.object({
  decision: z.enum(['adopted', 'adoptedWithChanges', 'deferred', 'rejected']),
  text: z.string().trim().min(1, '请填写会议决定').max(5000),
  tasks: z
    .array(
      z.object({
        title: z.string().trim().min(1, '请填写议定事项').max(200),
        requirement: z.string().max(2000).optional(),
        leadDepartmentId: id,
        coDepartmentIds: z.array(id).max(20).optional(),
        responsiblePerson: z.string().max(64).optional(),
        dueDate: civilDate.optional(),
        milestones: z
          .array(z.object({ title: z.string().min(1).max(200), dueDate: civilDate }))
          .max(20)
          .optional(),
      }),
    )
    .max(30)
    .optional(),
})

const gate = z.object({
  admitted: z.boolean(),
  reasons: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      ruleId: z.string(),
      recordedBy: z.array(z.string()).optional(),
    }),
  ),
  conditions: z.array(
    z.object({
      type: z.string(),
      code: z.string(),
      label: z.string(),
      ruleId: z.string(),
      when: z.object({ code: z.string(), label: z.string() }).optional(),
      /** A step's recorders: rulebook post ids (any of them) and their titles in words. */
      recordedBy: z.array(z.string()).optional(),
      recorderTitle: z.string().optional(),
    }),
  ),
  approvers: z.array(z.string()),
  summary: z.string(),
  citations: z.array(citation),
})

const item = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  summary: z.string(),
  submittingDepartmentId: z.string(),
  submittedAt: z.string(),
  characteristics: z.array(z.string()),
  completed: z.array(
    z.object({
      code: z.string(),
      note: z.string().nullable(),
      recordedByPostId: z.string(),
      recordedAt: z.string(),
    }),
  ),
  involvedDepartmentIds: z.array(z.string()),
  /** The 分管副职 the unit named at submission (a unit no deputy oversees). */
  portfolioDeputyPostId: z.string().nullable(),
  adHoc: z.boolean(),
  state: z.string(),
  decision: z.string().nullable(),
  decisionText: z.string().nullable(),
  decidedAt: z.string().nullable(),
})

export const itemWithGate = z.object({ item, gate })

const meeting = z.object({
  id: z.string(),
  jurisdictionId: z.string(),
  meetingType: z.string(),
  title: z.string(),
  startsAt: z.string(),
  location: z.string(),
  presiderPostId: z.string().nullable(),
  state: z.string(),
  secrecy: z.string(),
  agendaApprovedAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  minutesDocumentId: z.string().nullable(),
  minutesDue: z.string().nullable(),
  createdAt: z.string(),
})

export const meetingSummary = meeting.extend({ stateLabel: z.string(), typeName: z.string() })

const participant = z.object({
  postId: z.string(),
  role: z.string(),
  attendance: z.string(),
  leaveReason: z.string().nullable(),
  substitute: z.string().nullable(),
  leaveRequestedAt: z.string().nullable(),
  leaveDecidedAt: z.string().nullable(),
  leaveRuleIds: z.array(z.string()),
  title: z.string(),
  holders: z.array(z.string()),
})

export const quorumView = z.object({
  quorate: z.boolean().nullable(),
  members: z.number(),
  present: z.number(),
  minimum: z.number().nullable(),
  summary: z.string(),
  citations: z.array(citation),
})

export const meetingView = z.object({
  meeting: meeting.extend({
    stateLabel: z.string(),
    typeName: z.string(),
    frequency: z.string().nullable(),
    article: z.object({ number: z.string(), excerpt: z.string() }).nullable(),
    presider: titled,
  }),
  participants: z.array(participant),
  agenda: z.array(
    item.extend({
      submittedBy: titled,
      gate,
      /** Per step code: the posts that may record it on this item, with their holders today. */
      recorders: z.record(
        z.string(),
        z.array(z.object({ postId: z.string(), title: z.string(), holders: z.array(z.string()) })),
      ),
      /** 当前办理: the submitting unit, the approvers, or the presider, up to the meeting day. */
      holders: z.array(holding),
      /** The viewer's unit submitted it and it awaits approval: it may withdraw it (撤回). */
      mayWithdraw: z.boolean(),
      /** 会议材料, without their bytes (download each from its own route). */
      materials: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          mediaType: z.string(),
          sizeBytes: z.number(),
          sha256: z.string(),
          uploadedAt: z.string(),
        }),
      ),
      dissents: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          raisedAt: z.string(),
          raisedBy: titled,
          response: z.string().nullable(),
          responseText: z.string().nullable(),
          respondedAt: z.string().nullable(),
        }),
      ),
    }),
  ),
  quorum: quorumView,
  /** What the rulebook asks of an item for this meeting, for the submission form's checklist. */
  checklist: gate.shape.conditions,
  /** 会议通知: when it went out, and the rulebook's last day for the materials (二连浩特 四十一). */
  notice: z.object({
    sentAt: z.string().nullable(),
    latest: z.string().nullable(),
    onTime: z.boolean().nullable(),
    summary: z.string().nullable(),
    citations: z.array(citation),
  }),
  minutes: z
    .object({
      documentId: z.string(),
      state: z.string(),
      documentNumber: z.string().nullable(),
      dueDate: z.string().nullable(),
    })
    .nullable(),
  events: z.array(
    z.object({
      occurredAt: z.string(),
      action: z.string(),
      text: z.string().nullable(),
      ruleIds: z.array(z.string()),
      agendaItemId: z.string().nullable(),
      actor: titled,
    }),
  ),
  /** Supervision items the meeting's decisions opened (议定事项), as the viewer may see them. */
  followUps: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      agendaItemId: z.string().nullable(),
      dueDate: z.string(),
      state: z.string(),
    }),
  ),
  may: z.object({
    organise: z.boolean(),
    sendNotice: z.boolean(),
    submitItem: z.boolean(),
    requestLeave: z.boolean(),
    decideLeave: z.boolean(),
  }),
})

export const meetingTypesResponse = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    frequency: z.string().nullable(),
    article: z.object({ number: z.string(), excerpt: z.string() }).nullable(),
  }),
)

export const decidedItemResponse = z.object({
  item,
  supervision: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      dueDate: z.string(),
      ruleIds: z.array(z.string()),
    }),
  ),
})

export const minutesDraftResponse = z.object({
  documentId: z.string(),
  dueDate: z.string().nullable(),
})

export const materialUploaded = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedAt: z.string(),
})
