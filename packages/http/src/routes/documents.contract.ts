import { DOCUMENT_SUBJECTS, type DocumentSubject } from '@zhengling/rules'
import { z } from 'zod'
import { citation, civilDate, holding, id, LIMITS, text, titleField } from './contract-fields.ts'
import { attachmentSummary } from './document-files.contract.ts'
import { recipientChoice } from './document-distribution.contract.ts'

export const documentParams = z.object({ id })

export const submitIncomingBody = z.object({
  kind: z.string().min(1).max(16),
  title: titleField('请填写标题'),
  body: text(LIMITS.body).default(''),
  senderReference: z.string().max(64).optional(),
  // A string, not an enum: 绝密 must reach the use case to be refused with its own code.
  secrecy: z.string().min(1).max(16),
  secrecyPeriod: z.string().max(32).optional(),
  urgency: z.enum(['normal', 'urgent', 'extraUrgent']).default('normal'),
  mainRecipients: z.array(z.string().min(1).max(64)).min(1, '请填写主送机关').max(20),
  signatories: z.array(z.string().min(1).max(32)).max(10).optional(),
  contact: z.string().max(64).optional(),
  /** The unit says it is a 规范性文件: 初审 then reviews its content where the rules say. */
  normativeDocument: z.boolean().optional(),
})

const plannedStep = z.object({
  roles: z.array(z.string()),
  label: z.string(),
  postIds: z.array(z.string()),
  /** Every post of the step reviews (托克逊 六十四: each 有关副县长), not any one of them. */
  all: z.boolean().optional(),
})

export const draftOutgoingBody = z.object({
  prefix: z.string().min(1).max(16),
  kind: z.string().min(1).max(16),
  title: titleField('请填写标题'),
  body: text(LIMITS.body).default(''),
  direction: z.enum(['downward', 'upward', 'parallel']).default('downward'),
  /** 主送/抄送 chosen from the organisation (units, groups) or outside recipients by name. */
  mainRecipients: z.array(recipientChoice).min(1, '请选择主送机关').max(50),
  copyRecipients: z.array(recipientChoice).max(50).optional(),
  secrecy: z.string().min(1).max(16),
  secrecyPeriod: z.string().max(32).optional(),
  urgency: z.enum(['normal', 'urgent', 'extraUrgent']).default('normal'),
  countersignDepartmentIds: z.array(id).max(20).optional(),
  /** The 分管副职 (a deputy's post), named when the drafting unit has none (the office, a leader). */
  portfolioDeputyPostId: id.optional(),
  /** A policy document (政策性文件) with its 政策解读, signed off together. */
  policyDocument: z.boolean().optional(),
  interpretation: z.string().max(50_000).optional(),
  /** 是否重要/全局性公文 (事关全局的重要部署或重大事项): the sign-off rules select on it. */
  important: z.boolean().optional(),
  /** 人事任免, 行政规范性文件, 向人大报告: the sign-off rules select on what the draft is about. */
  subjects: z
    .array(z.enum(Object.keys(DOCUMENT_SUBJECTS) as [DocumentSubject, ...DocumentSubject[]]))
    .max(3)
    .optional(),
})
export const reviewBody = z.object({ opinion: z.string().max(2000) })
export const countersignBody = z.object({
  agree: z.boolean(),
  opinion: z.string().max(2000).optional(),
})
export const signBody = z.object({
  opinion: z.string().max(2000).optional(),
  /** A policy document's 政策解读 steps signed off with it (codes from plan.policy.steps). */
  policySteps: z.array(z.string().max(64)).max(20).optional(),
})
export const emptyBody = z.object({}).default({})
/** 归档 with an optional opinion (归档意见); the use case bounds it. */
export const archiveBody = z.object({ opinion: z.string().max(2000).optional() }).default({})
export const issueBody = z.object({
  disclosure: z.enum(['active', 'onRequest', 'withheld']),
  disclosureReason: z.string().max(500).optional(),
})

/** 撤回: a reason is optional. */
export const withdrawBody = z.object({ reason: z.string().max(500).optional() }).default({})
/** 退回修改: the opinion is required (the use case refuses it empty with OPINION_EMPTY). */
export const returnForRevisionBody = z.object({ opinion: z.string().max(2000) })
/** 重新送审 after 撤回 or 退回修改. */
export const resubmitBody = z.object({ note: z.string().max(2000).optional() }).default({})
/** 作废: the reason is required (REASON_REQUIRED). */
export const voidBody = z.object({ reason: z.string().max(500) })
/** 催办 of an overdue 会签: the unit, and the date it must now reply by where the rule sets none. */
export const remindCountersignBody = z.object({
  departmentId: id,
  dueDate: civilDate.optional(),
  opinion: z.string().max(2000).optional(),
})
/** 书面说明 of an overdue 会签 by the late unit: the situation and reasons (required). */
export const explainCountersignBody = z.object({ explanation: z.string().max(2000) })
/** 通报 of a unit whose 会签 is overdue and unexplained. */
export const circulateCountersignBody = z.object({
  departmentId: id,
  opinion: z.string().max(2000).optional(),
})
/** 改派 of a task waiting on a vacant post, to another post, with the reason. */
export const reassignBody = z.object({ taskId: id, postId: id, reason: z.string().max(500) })

export const registerBody = z.object({
  complex: z.boolean().optional(),
  /** The registrar confirms or corrects whether it is a 规范性文件 (unset: as the unit said). */
  normativeDocument: z.boolean().optional(),
})
export const screenBody = z.object({ findings: z.record(z.string().max(64), z.boolean()) })
export const proposeBody = z.object({
  opinion: z.string().trim().min(1, '请填写拟办意见').max(2000),
  concernedDepartmentIds: z.array(id).max(20).optional(),
  major: z.boolean().optional(),
})
export const instructBody = z.object({
  text: z.string().max(2000).optional(),
  circleRead: z.boolean().optional(),
})
export const referBody = z.object({
  departmentIds: z.array(id).min(1, '请至少选择一个承办单位').max(20),
  dueDate: civilDate.optional(),
  note: z.string().max(2000).optional(),
})
export const completeBody = z.object({ result: z.string().max(5000) })
export const searchQuery = z.object({
  q: z.string().trim().min(1, '请输入检索词').max(100),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

export const inboxQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) })

const documentRecord = z.object({
  id: z.string(),
  jurisdictionId: z.string(),
  direction: z.enum(['incoming', 'outgoing']),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  senderDepartmentId: z.string().nullable(),
  senderReference: z.string().nullable(),
  documentNumber: z.string().nullable(),
  secrecy: z.string(),
  secrecyPeriod: z.string().nullable(),
  urgency: z.string(),
  mainRecipients: z.array(z.string()),
  signatories: z.array(z.string()),
  contact: z.string().nullable(),
  state: z.string(),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The post that drafted or submitted it (may attach files, may revise a draft under review). */
  createdByPostId: z.string().nullable(),
  copyRecipients: z.array(z.string()),
  plan: z
    .object({
      reviewChain: z.array(z.string()),
      signer: z.array(z.string()),
      step: z.number(),
      prefix: z.string(),
      summary: z.string(),
      /** The steps as resolved at drafting: roles (merged when one post stands for several), posts. */
      steps: z.array(plannedStep).optional(),
      signing: plannedStep.optional(),
      policy: z
        .object({
          interpretation: z.string(),
          steps: z.array(z.object({ code: z.string(), label: z.string() })),
        })
        .nullable()
        .optional(),
      /** What the drafter said of it for sign-off: important/whole-government, its subjects. */
      facts: z
        .object({ important: z.boolean(), subjects: z.array(z.string()) })
        .nullable()
        .optional(),
      /** A meeting's 纪要: the meeting and who attended, was away or sat in. */
      minutes: z
        .object({
          meetingId: z.string(),
          meetingName: z.string(),
          heldAt: z.string(),
          location: z.string(),
          presider: z.string(),
          present: z.array(z.string()),
          onLeave: z.array(z.string()),
          attendees: z.array(z.string()),
        })
        .nullable()
        .optional(),
    })
    .nullable(),
  disclosure: z.string().nullable(),
  disclosureReason: z.string().nullable(),
  /** 收文编号, given at 签收登记 (incoming); null before. */
  receiptNumber: z.string().nullable(),
  /** 来文单位 as written, of a document the office registered from outside; null otherwise. */
  externalSender: z.string().nullable(),
  /** 份数 and 收文日期 of a document the office registered. */
  copies: z.number().nullable(),
  receivedOn: z.string().nullable(),
})

const task = z.object({
  id: z.string(),
  kind: z.string(),
  assigneePostId: z.string().nullable(),
  assigneeDepartmentId: z.string().nullable(),
  dueDate: z.string().nullable(),
  openedAt: z.string(),
})

export const documentView = z.object({
  document: documentRecord,
  /** 当前办理: each open task but 待阅, with post, holder, since when and time limit. */
  holders: z.array(
    holding.extend({
      taskId: z.string(),
      /** Vacant and of a kind the office director may give to another post (改派). */
      reassignable: z.boolean(),
    }),
  ),
  /** The ways out open to the viewer's current post now. */
  may: z.object({
    withdraw: z.boolean(),
    returnForRevision: z.boolean(),
    resubmit: z.boolean(),
    void: z.boolean(),
    reassign: z.boolean(),
  }),
  /**
   * Each open 会签 as the countersign rule reads it today: what it waits for (reply, 催办,
   * 书面说明 or 通报), and which of the overdue acts the viewer's post may record now.
   */
  countersigns: z.array(
    z.object({
      departmentId: z.string(),
      due: z.string().nullable(),
      awaiting: z.string().nullable(),
      settled: z.string().nullable(),
      reminderDue: z.string().nullable(),
      summary: z.string(),
      /** The articles the reading rests on (the countersign rule, or the document office's). */
      citations: z.array(citation),
      /** No countersign rule (木里): no reply period, no effect of silence; summary says whom to ask. */
      noPeriod: z.boolean(),
      may: z.object({ remind: z.boolean(), explain: z.boolean(), circulate: z.boolean() }),
    }),
  ),
  events: z.array(
    z.object({
      occurredAt: z.string(),
      actor: z.string().nullable(),
      action: z.string(),
      opinion: z.string().nullable(),
      ruleIds: z.array(z.string()),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
  tasks: z.array(task),
  /** 附件, without their bytes (GET /api/documents/:id/attachments/:attachmentId). */
  attachments: z.array(attachmentSummary),
  /** The articles the flow has followed so far, for the rule panel. */
  citations: z.array(citation),
  /** Working days to the running time limit on the official calendar; negative when overdue. */
  workingDaysLeft: z.number().nullable(),
})

export const inboxResponse = z.array(
  z.object({
    /** Working days to the task's due date on the official calendar; negative when overdue. */
    workingDaysLeft: z.number().nullable(),
    task,
    document: z.object({
      id: z.string(),
      direction: z.string(),
      kind: z.string(),
      title: z.string(),
      state: z.string(),
      urgency: z.string(),
      secrecy: z.string(),
      dueDate: z.string().nullable(),
      senderName: z.string().nullable(),
    }),
  }),
)

export const prefixesResponse = z.array(
  z.object({
    prefix: z.string(),
    issuer: z.string(),
    label: z.string(),
    /** The article naming the prefix, when the rulebook does. */
    article: z.string().nullable(),
  }),
)

export const screeningConditionsResponse = z.array(
  z.object({
    code: z.string(),
    label: z.string(),
    /** The record already shows it: the form ticks it and the server counts it anyway. */
    foundOnRecord: z.boolean(),
    citations: z.array(citation),
  }),
)
