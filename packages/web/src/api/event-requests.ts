import { request } from './client.ts'
import type { Citation } from './types.ts'

/**
 * 会议活动申请: a department's requests to hold a meeting or an event in the government's name,
 * invite leaders or receive foreign guests. Shapes follow packages/http/src/routes/
 * event-requests.contract.ts; the server checks each against the rulebook and decides who may act.
 */

export type EventRequestKind = 'meeting' | 'event' | 'leaderInvitation' | 'foreignGuest'
export type EventRequestScope = 'countywide' | 'other'
export type EventRequestStatus = 'pending' | 'approved' | 'refused' | 'withdrawn'
export type EventRequestAct = 'approve' | 'refuse' | 'withdraw'
export type EventRequestListScope = 'mine' | 'toDecide' | 'all'

export interface EventRequestInput {
  kind: EventRequestKind
  scope: EventRequestScope
  title: string
  date: string
  time?: string
  place?: string
  invitedPostIds?: string[]
}

/** One rule the request was checked against, with its article. */
export interface EventRequestCheck {
  code: string
  passed: boolean
  /** 原则上: a breach is accepted and recorded, not refused. */
  inPrinciple: boolean
  /** A breach of a binding rule: the request is refused. */
  refuses: boolean
  summary: string
  citations: Citation[]
}

export interface EventRequestPreview {
  accepted: boolean
  late: boolean
  checks: EventRequestCheck[]
  summary: string
}

export interface EventRequestSummary {
  id: string
  kind: EventRequestKind
  kindLabel: string
  scope: EventRequestScope
  scopeLabel: string
  title: string
  date: string
  time: string
  place: string
  unitId: string
  unitName: string
  invited: { postId: string; title: string }[]
  filedBy: { personName: string; postTitle: string }
  filedOn: string
  status: EventRequestStatus
  statusLabel: string
  late: boolean
  opinion: string | null
  decidedAt: string | null
  checks: EventRequestCheck[]
  acts: EventRequestAct[]
}

export interface EventRequestView extends EventRequestSummary {
  history: {
    at: string
    action: string
    actionLabel: string
    personName: string | null
    postTitle: string | null
    text: string | null
    citations: Citation[]
  }[]
  citations: Citation[]
}

export const EVENT_REQUEST_KIND_OPTIONS: { value: EventRequestKind; label: string }[] = [
  { value: 'meeting', label: '以政府名义召开会议' },
  { value: 'event', label: '以政府名义举办活动' },
  { value: 'leaderInvitation', label: '邀请政府领导参加活动' },
  { value: 'foreignGuest', label: '邀请外宾来访' },
]

export const fetchEventRequests = (
  filter: { scope?: EventRequestListScope; status?: EventRequestStatus },
  signal?: AbortSignal,
) =>
  request<{ today: string; items: EventRequestSummary[] }>('GET', '/api/event-requests', {
    query: filter,
    signal,
  })

export const fetchEventRequest = (id: string, signal?: AbortSignal) =>
  request<EventRequestView>('GET', `/api/event-requests/${encodeURIComponent(id)}`, { signal })

export const previewEventRequest = (body: EventRequestInput, signal?: AbortSignal) =>
  request<EventRequestPreview>('POST', '/api/event-requests/preview', { body, signal })

export const fileEventRequest = (body: EventRequestInput) =>
  request<EventRequestView>('POST', '/api/event-requests', { body })

export const approveEventRequest = (id: string, opinion?: string) =>
  request<EventRequestView>('POST', `/api/event-requests/${encodeURIComponent(id)}/approve`, {
    body: { opinion },
  })

export const refuseEventRequest = (id: string, reason: string) =>
  request<EventRequestView>('POST', `/api/event-requests/${encodeURIComponent(id)}/refuse`, {
    body: { reason },
  })

export const withdrawEventRequest = (id: string) =>
  request<EventRequestView>('POST', `/api/event-requests/${encodeURIComponent(id)}/withdraw`, {
    body: {},
  })
