import { request } from './client.ts'

export type NotificationKind =
  | 'task'
  | 'remind'
  | 'overdue'
  | 'meeting'
  | 'approval'
  | 'incident'
  | 'incidentOverdue'
  | 'opinion'
  | 'dutyRoster'

/** One message of 消息中心; `link` is the item's page. */
export interface NotificationItem {
  id: string
  seq: number
  kind: NotificationKind
  title: string
  body: string
  link: string | null
  createdAt: string
  readAt: string | null
  /** The post or unit it was addressed to (a post one acts for, a unit). */
  addressedTo: string | null
}

export interface NotificationList {
  unread: number
  items: NotificationItem[]
}

export type OutboundChannel = 'email' | 'webhook'

export interface NotificationPreferences {
  email: { enabled: boolean; address: string | null }
  webhook: { enabled: boolean; recipientId: string | null }
}

export const fetchNotifications = (query: { unread?: boolean }, signal?: AbortSignal) =>
  request<NotificationList>('GET', '/api/notifications', {
    query: { unread: query.unread ? 'true' : undefined, limit: 100 },
    signal,
  })

export const fetchUnreadCount = (signal?: AbortSignal) =>
  request<{ unread: number }>('GET', '/api/notifications/unread-count', { signal })

export const markNotificationsRead = (which: { ids: string[] } | { all: true }) =>
  request<{ marked: number; unread: number }>('POST', '/api/notifications/read', { body: which })

export const fetchNotificationPreferences = (signal?: AbortSignal) =>
  request<NotificationPreferences & { available: OutboundChannel[] }>(
    'GET',
    '/api/notifications/preferences',
    { signal },
  )

export const saveNotificationPreferences = (preferences: NotificationPreferences) =>
  request<NotificationPreferences & { available: OutboundChannel[] }>(
    'PUT',
    '/api/notifications/preferences',
    { body: preferences },
  )

/** The live stream's address (Server-Sent Events, signed in by the session cookie). */
export const NOTIFICATION_STREAM = '/api/notifications/stream'
