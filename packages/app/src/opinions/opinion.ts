import type { Viewer } from '../access/can-see.ts'
import type { SecrecyLevel } from '../access/secrecy.ts'

/** Where an item of public opinion stands: 待回应, 已回应 (every step answered), 已办结. */
export type OpinionStatus = 'open' | 'responded' | 'closed'

export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  open: '待回应',
  responded: '已回应',
  closed: '已办结',
}

/**
 * One response step as the rulebook set it (public-opinion-deadline: 延津 十六 5小时内发布权威信息,
 * 24小时内举行新闻发布会), with what happened to it.
 */
export interface OpinionStep {
  act: string
  label: string
  /** The period as the article gives it (5小时). */
  within: string
  due: string
  to: string[]
  satisfiedAt: string | null
  responseId: string | null
  /** When its timer found it unanswered (escalated once). */
  overdueAt: string | null
}

/** 政务舆情: an item with its source, first-seen time, response steps and who is to respond. */
export interface OpinionRecord {
  id: string
  jurisdictionId: string
  category: string
  categoryLabel: string
  title: string
  summary: string
  source: string
  sourceUrl: string | null
  surfacedAt: string
  responsibleDepartmentId: string | null
  responsiblePostId: string | null
  steps: OpinionStep[]
  ruleIds: string[]
  status: OpinionStatus
  secrecy: SecrecyLevel
  createdByPersonId: string
  createdAt: string
  closedAt: string | null
  closedByPersonId: string | null
}

/** A response published (权威信息, 新闻发布会…), answering one step. */
export interface OpinionResponse {
  id: string
  itemId: string
  stepAct: string | null
  publishedAt: string
  channel: string
  url: string | null
  body: string
  /** Published after its step's due instant. */
  late: boolean
  byPersonId: string
  at: string
}

/** An item as read: the record, its responses, and the names the page shows. */
export interface LoadedOpinion {
  record: OpinionRecord
  responses: (OpinionResponse & { byName: string | null })[]
  responsibleDepartmentName: string | null
  responsiblePostTitle: string | null
}

/**
 * Who reads which items (as incidents and the duty feed): the duty office, the government office,
 * the emergency office and the leaders all of the jurisdiction's (`seesAll`); a unit or post the
 * items it is responsible for. Never above the reader's clearance.
 */
export interface OpinionScope {
  viewer: Viewer
  seesAll: boolean
}

/** The items' store, bound to the command's transaction. */
export interface OpinionRepository {
  insert(record: OpinionRecord): Promise<void>
  /** Writes the changed fields of an item. */
  update(
    id: string,
    changes: Partial<Pick<OpinionRecord, 'steps' | 'status' | 'closedAt' | 'closedByPersonId'>>,
  ): Promise<void>
  insertResponse(response: OpinionResponse): Promise<void>
  /** One item with its responses in one statement, if the scope sees it (null: the timers). */
  load(
    scope: OpinionScope | null,
    id: string,
    options?: { forUpdate?: boolean },
  ): Promise<LoadedOpinion | undefined>
  /** Items the scope sees, newest first. */
  list(
    scope: OpinionScope,
    query: { status?: OpinionStatus | 'active'; limit: number },
  ): Promise<LoadedOpinion[]>
}
