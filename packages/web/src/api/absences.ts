import { request } from './client.ts'
import type { Citation } from './types.ts'

/**
 * 请销假: leave, trip and absence requests (请假、出差、出访、休假、离县外出报备) and 销假 on return.
 * Shapes follow the absences contract (packages/http/src/routes/absences.contract.ts, issue 15's
 * C3); the server decides who approves, who is informed, how far ahead and who may act.
 */

/** The rulebooks' absence categories (C1); meetingAbsence belongs to the meetings module. */
export type AbsenceCategory =
  'businessTrip' | 'abroad' | 'vacation' | 'study' | 'personalLeave' | 'leaveArea'

/** approval: the approver decides; filing: 报备, in force once filed. */
export type AbsenceMode = 'approval' | 'filing'

export type AbsenceStatus = 'pending' | 'approved' | 'refused' | 'filed' | 'withdrawn' | 'returned'

export type AbsenceAct = 'approve' | 'refuse' | 'return' | 'withdraw'

export type AbsenceScope = 'mine' | 'toDecide' | 'office'

/** A post on the chart with the people holding it today. */
export interface PostHolders {
  postId: string
  title: string
  holders: string[]
}

/** A post as the server names it: on the chart, or by the rulebook's word when none holds it. */
export type PostRef = PostHolders | string

/** Who acts for whom over a span, as the acting rules answer it (代行…职责). */
export interface ActingSpan {
  from: string
  to: string
  postTitle: string
  actingPostTitle: string
  actingHolders: string[]
  /** Nobody may act on these days: the office must fill the gap. */
  gap: boolean
  /** 代行区长职责 — 第六条 */
  note: string
  citations: Citation[]
}

export interface AbsenceConflict {
  conflict: boolean
  /** The article forbids the overlap: the request would be refused. */
  forbidden: boolean
  summary: string
  citations: Citation[]
}

export interface AbsencePreviewInput {
  postId: string
  category: AbsenceCategory
  from: string
  to: string
  /** 在家主持工作: who the traveller names to act (the preview's acting follows it). */
  standInPostId?: string
}

/** What the rulebook answers for a request before it is filed, every line with its article. */
export interface AbsencePreview {
  mode: AbsenceMode
  /** Calendar days away, both ends counted. */
  days: number
  approvers: PostHolders[]
  /** The approver is a body off the roster (区委、区政府…), named by the rulebook. */
  approverIsBody: boolean
  /** Posts the request passes through on its way (经…同意后报…). */
  via: PostRef[]
  inform: PostRef[]
  fileWith: PostRef[]
  reportBackTo: PostRef[]
  /** The last day the request may be filed in time; null when the rule sets no lead time. */
  latestFiling: string | null
  /** Whether filing today is in time; null when the rule sets no lead time. */
  filedInTime: boolean | null
  conflict: AbsenceConflict | null
  acting: ActingSpan[]
  summary: string
  citations: Citation[]
}

export interface NewAbsence extends AbsencePreviewInput {
  destination: string
  reason: string
  contact: string
}

export interface AbsenceHistoryEntry {
  at: string
  action: string
  actionLabel: string
  personName: string | null
  postTitle: string | null
  /** 代行…职责 — 第…条, when the act was done in an acting post. */
  actingNote: string | null
  opinion: string | null
  citations: Citation[]
}

/** One line of a list of requests. */
export interface AbsenceSummary {
  id: string
  personName: string
  postId: string
  postTitle: string
  category: string
  categoryLabel: string
  from: string
  to: string
  days: number
  destination: string
  mode: AbsenceMode
  status: AbsenceStatus
  statusLabel: string
  late: boolean
  returnOverdue: boolean
  returnedOn: string | null
  /** The approver's post title (the one that decided, or the first that may). */
  approver: string | null
}

export interface AbsenceView extends AbsenceSummary {
  reason: string
  contact: string
  /** 在家主持工作: the post the traveller named. */
  standIn: string | null
  approvers: string[]
  via: string[]
  inform: string[]
  fileWith: string[]
  reportBackTo: string[]
  filedAt: string
  latestFiling: string | null
  conflict: (AbsenceConflict & { ruleIds: string[] }) | null
  opinion: string | null
  returnReport: string | null
  history: AbsenceHistoryEntry[]
  acting: ActingSpan[]
  citations: Citation[]
  acts: AbsenceAct[]
}

export interface AbsenceListFilter {
  scope: AbsenceScope
  status?: string
  from?: string
  to?: string
}

/** Names of posts, with their holders where the server sent them: 区长（王建国）、办公室. */
export function postNames(posts: readonly PostRef[]): string {
  return posts
    .map((post) =>
      typeof post === 'string'
        ? post
        : post.holders.length > 0
          ? `${post.title}（${post.holders.join('、')}）`
          : post.title,
    )
    .join('、')
}

export const previewAbsence = (input: AbsencePreviewInput, signal?: AbortSignal) =>
  request<AbsencePreview>('POST', '/api/absences/preview', { body: input, signal })

export const fileAbsence = (input: NewAbsence) =>
  request<AbsenceView>('POST', '/api/absences', { body: input })

export const fetchAbsences = (filter: AbsenceListFilter, signal?: AbortSignal) =>
  request<{ items: AbsenceSummary[] }>('GET', '/api/absences', {
    query: { scope: filter.scope, status: filter.status, from: filter.from, to: filter.to },
    signal,
  })

export const fetchAbsence = (id: string, signal?: AbortSignal) =>
  request<AbsenceView>('GET', `/api/absences/${encodeURIComponent(id)}`, { signal })

export const approveAbsence = (id: string, opinion?: string) =>
  request<AbsenceView>('POST', `/api/absences/${encodeURIComponent(id)}/approve`, {
    body: opinion ? { opinion } : {},
  })

export const refuseAbsence = (id: string, reason: string) =>
  request<AbsenceView>('POST', `/api/absences/${encodeURIComponent(id)}/refuse`, {
    body: { reason },
  })

/** 销假: the day the traveller came back and the report the article asks for. */
export const reportAbsenceReturn = (id: string, returnedOn: string, report?: string) =>
  request<AbsenceView>('POST', `/api/absences/${encodeURIComponent(id)}/return`, {
    body: report ? { returnedOn, report } : { returnedOn },
  })

export const withdrawAbsence = (id: string) =>
  request<AbsenceView>('POST', `/api/absences/${encodeURIComponent(id)}/withdraw`, { body: {} })
