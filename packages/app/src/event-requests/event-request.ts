import type { Viewer } from '../access/can-see.ts'
import type { SecrecyLevel } from '../access/secrecy.ts'

/**
 * 会议活动申请 (issue 15): a department asks to hold a meeting or an event in the government's
 * name, to invite the government's leaders, or to receive foreign guests. The rulebook checks it
 * when filed; the government office approves or refuses it; approved ones are on the leaders'
 * activity calendar.
 */
export type EventRequestKind = 'meeting' | 'event' | 'leaderInvitation' | 'foreignGuest'
export type EventRequestScope = 'countywide' | 'other'
export type EventRequestStatus = 'pending' | 'approved' | 'refused' | 'withdrawn'

export const EVENT_REQUEST_KINDS: Record<EventRequestKind, string> = {
  meeting: '以政府名义召开会议',
  event: '以政府名义举办活动',
  leaderInvitation: '邀请政府领导参加活动',
  foreignGuest: '邀请外宾来访',
}

export const EVENT_REQUEST_SCOPES: Record<EventRequestScope, string> = {
  countywide: '全县（区、市）性',
  other: '其他',
}

export const EVENT_REQUEST_STATUS_LABELS: Record<EventRequestStatus, string> = {
  pending: '待办公室审核',
  approved: '已同意',
  refused: '未同意',
  withdrawn: '已撤回',
}

export const EVENT_REQUEST_ACTION_LABELS: Record<string, string> = {
  file: '提出申请',
  approve: '同意',
  refuse: '不同意',
  withdraw: '撤回',
}

/** One rulebook question asked of the request when filed, and its answer. */
export interface EventRequestCheck {
  /** notice:<act code>, noMeetingWeek, yearlyCap. */
  code: string
  passed: boolean
  /** The article says 原则上: a breach is accepted with the warning recorded, not refused. */
  inPrinciple: boolean
  summary: string
  ruleIds: string[]
}

export interface EventRequest {
  id: string
  jurisdictionId: string
  kind: EventRequestKind
  scope: EventRequestScope
  title: string
  date: string
  time: string
  place: string
  unitId: string
  invitedPostIds: string[]
  filedByPersonId: string
  filedByPostId: string
  filedOn: string
  status: EventRequestStatus
  late: boolean
  checks: EventRequestCheck[]
  ruleIds: string[]
  decidedAt: string | null
  decidedByPostId: string | null
  opinion: string | null
  secrecy: SecrecyLevel
  distributionPosts: string[]
  distributionDepartments: string[]
  createdAt: string
  updatedAt: string
}

/** An entry of a request's history, with the names the page shows. */
export interface EventRequestHistoryEntry {
  occurredAt: string
  actorPersonId: string | null
  actorPostId: string | null
  personName: string | null
  postTitle: string | null
  action: string
  text: string | null
  ruleIds: string[]
  details: Record<string, unknown>
}

/** A request as an act or a page reads it: the record, its history and the names around it. */
export interface LoadedEventRequest extends EventRequest {
  unitName: string
  filedByName: string
  filedByPostTitle: string
  invited: { postId: string; title: string }[]
  history: EventRequestHistoryEntry[]
}

export type EventRequestChanges = Partial<
  Pick<EventRequest, 'status' | 'decidedAt' | 'decidedByPostId' | 'opinion'>
>

/** The requests store (packages/db/src/event-request-repository.ts), bound to a transaction. */
export interface EventRequestRepository {
  insert(request: EventRequest): Promise<void>
  /** The request with its history and names, if the viewer may see it; locked with `forUpdate`. */
  visible(
    viewer: Viewer,
    id: string,
    options?: { forUpdate?: boolean },
  ): Promise<LoadedEventRequest | undefined>
  update(id: string, changes: EventRequestChanges, at: string): Promise<void>
  appendEvent(event: {
    requestId: string
    occurredAt: string
    actorPersonId: string | null
    actorPostId: string | null
    action: string
    text: string | null
    ruleIds: string[]
    details: Record<string, unknown>
  }): Promise<void>
  /** Requests the viewer may see, by event date, newest first. */
  list(
    viewer: Viewer,
    query: {
      status?: EventRequestStatus
      unitId?: string
      from?: string
      to?: string
      limit: number
    },
  ): Promise<LoadedEventRequest[]>
  /**
   * How many of a department's requests of a kind and scope fall in a window and still stand
   * (pending or approved): what a cap per year counts.
   */
  countStanding(query: {
    unitId: string
    kind: EventRequestKind
    scope: EventRequestScope
    from: string
    to: string
  }): Promise<number>
}
