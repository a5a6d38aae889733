import type { SecrecyLevel } from '../access/secrecy.ts'

export type DocumentDirection = 'incoming' | 'outgoing'
export type Urgency = 'normal' | 'urgent' | 'extraUrgent'

/**
 * Where an incoming document stands, after 《党政机关公文处理工作条例》第二十四条: submitted by
 * the unit → 签收/登记 (registered) → 初审 (returned, or accepted) → 拟办 (proposed) → 批示
 * (instructed) → 转办 (referred) → 办结 (closed).
 */
export const INCOMING_STATES = [
  'submitted',
  'registered',
  'returned',
  'accepted',
  'proposed',
  'instructed',
  'referred',
  'closed',
] as const
export type IncomingState = (typeof INCOMING_STATES)[number]

export interface DocumentRecord {
  id: string
  jurisdictionId: string
  direction: DocumentDirection
  /** 文种 as the rulebook names it (请示, 报告, 通知…). */
  kind: string
  title: string
  body: string
  senderDepartmentId: string | null
  /** 来文文号 of an incoming document. */
  senderReference: string | null
  issuer: string | null
  /** 发文字号 of an outgoing document, once assigned. */
  documentNumber: string | null
  secrecy: SecrecyLevel
  secrecyPeriod: string | null
  urgency: Urgency
  mainRecipients: string[]
  copyRecipients: string[]
  /** 签发人 of an upward document. */
  signatories: string[]
  contact: string | null
  state: string
  /** The processing time limit now running. */
  dueDate: string | null
  distributionPosts: string[]
  distributionDepartments: string[]
  createdByPersonId: string | null
  createdByPostId: string | null
  createdAt: string
  updatedAt: string
  /** Outgoing: the sign-off plan the rulebook gave at drafting, and the step reached. */
  plan: OutgoingPlan | null
  /** Outgoing: 主动公开 / 依申请公开 / 不予公开 (with its reason), decided at issue. */
  disclosure: 'active' | 'onRequest' | 'withheld' | null
  disclosureReason: string | null
  /** 收文编号 of an incoming document, given at 签收登记: gapless per year, the county's format. */
  receiptNumber: string | null
  /**
   * 来文单位 as written on a document received from outside the government (上级机关, other
   * organs, paper), registered by the office itself; null for one a unit submitted.
   */
  externalSender: string | null
  /** 份数 received (a document registered by the office). */
  copies: number | null
  /** 收文日期: the day the office received it (a document registered by the office). */
  receivedOn: string | null
}

export interface OutgoingPlan {
  /** Rulebook post ids reviewing (核稿) in order, then the signer's. */
  reviewChain: string[]
  signer: string[]
  /** Index of the review step now due; reviewChain.length once review is done. */
  step: number
  /** The drafting unit, whose head and overseeing deputy the relational steps resolve to. */
  draftingDepartmentId: string | null
  countersignDepartmentIds: string[]
  prefix: string
  summary: string
  /** 上行文, 平行文 or 下行文: only an upward document prints its 签发人 in the 版头. */
  direction: 'downward' | 'upward' | 'parallel'
  /** A policy document (政策性文件) carries its 政策解读, signed off together with it. */
  policy?: PolicyInterpretation | null
  /** What the drafter said of the draft for sign-off: important/whole-government, its subjects. */
  facts?: { important: boolean; subjects: string[] } | null
  /** A meeting's 纪要: the meeting and its attendance, printed in the 纪要 layout. */
  minutes?: MinutesFacts | null
  /**
   * The 核稿 steps as resolved at drafting (plan-outgoing-document.ts): each to posts someone
   * held or acted for that day, merged where one post stood for several roles. `reviewChain`
   * then holds one rulebook post id per step. Absent on plans made before (resolved per step).
   */
  steps?: PlannedStep[]
  /** The 签发 step as resolved at drafting, with any review it stands for. */
  signing?: PlannedStep
  /** The 分管副职 the plan resolved (the drafting unit's, a named one, or the 会签 units'). */
  portfolioDeputyPostIds?: string[]
  /** The 有关副职: deputies overseeing 会签 units outside that portfolio. */
  involvedDeputyPostIds?: string[]
}

/** One step of a resolved plan: the roles it stands for and the posts any one of which acts. */
export interface PlannedStep {
  /** Rulebook post ids, one per role the step stands for; a choice is written 'a|b'. */
  roles: string[]
  /** The roles in the rulebook's words: '涉及部门主要负责人、区人民政府办公室主任'. */
  label: string
  postIds: string[]
  /**
   * Every post of the step must review before the next step opens (托克逊 六十四: each 有关副县长
   * countersigns); otherwise any one of them reviews for the step.
   */
  all?: boolean
}

/** What a 纪要 prints besides its body: when and where, who presided, attended, was away, sat in. */
export interface MinutesFacts {
  meetingId: string
  meetingName: string
  heldAt: string
  location: string
  presider: string
  present: string[]
  onLeave: string[]
  attendees: string[]
}

export interface PolicyInterpretation {
  /** The 解读材料 drafted with the document. */
  interpretation: string
  /** What the rulebook requires of it (托克逊 三十七: 解读方案、解读材料同步审签); empty if nothing. */
  steps: { code: string; label: string }[]
}

export interface DocumentEvent {
  documentId: string
  occurredAt: string
  actorPersonId: string | null
  actorPostId: string | null
  action: string
  opinion: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}

/** 待办 / 待阅: what a post, or a department as a whole, must do next. */
export interface DocumentTask {
  id: string
  documentId: string
  jurisdictionId: string
  assigneePostId: string | null
  assigneeDepartmentId: string | null
  /** register, screen, propose, instruct, refer, handle, read, revise… */
  kind: string
  dueDate: string | null
  openedAt: string
  closedAt: string | null
  outcome: string | null
}
