import type { SecrecyLevel } from '../access/secrecy.ts'

/**
 * What a message is about: a new task, a 催办, an overdue escalation, a meeting notice, a decision;
 * issue 16: a new 突发事件 report, a reporting deadline passed (报送超时), a 政务舆情 item, a duty
 * roster (值班安排).
 */
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

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  task: '新待办',
  remind: '催办',
  overdue: '逾期',
  meeting: '会议通知',
  approval: '审批结果',
  incident: '突发事件',
  incidentOverdue: '报送超时',
  opinion: '政务舆情',
  dutyRoster: '值班安排',
}

/** Kinds that are alerts of the duty office (issue 16): their outside deliveries go first. */
export const URGENT_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'incident',
  'incidentOverdue',
  'opinion',
]

/**
 * Whom a message is for: a post reaches whoever holds it or acts for it when they sign in; a unit
 * reaches every post of the unit (as the unit's tasks do); a person only that person.
 */
export type NotificationRecipient =
  { postId: string } | { departmentId: string } | { personId: string }

/** A message to write in the act's transaction (outbox): it exists exactly when the act does. */
export interface NewNotification {
  jurisdictionId: string
  recipient: NotificationRecipient
  kind: NotificationKind
  title: string
  body?: string
  /** The page of the item in the web app (/documents/…, /meetings/…, /supervision/…). */
  link: string | null
  /** The item's secrecy: outside channels carry no title above 内部. */
  secrecy?: SecrecyLevel
  at: string
  /** The same act writing twice (a retried timer) keeps one message. */
  dedupeKey?: string
}

export interface NotificationView {
  id: string
  seq: number
  kind: NotificationKind
  title: string
  body: string
  link: string | null
  createdAt: string
  readAt: string | null
  /** The post or unit it was addressed to, when not the person. */
  addressedTo: string | null
}

/** The addressees a signed-in person answers for: themselves, their held and acting posts, their units. */
export interface NotificationAudience {
  personId: string
  postIds: readonly string[]
  departmentIds: readonly string[]
  /** The reader's clearance today: a message about a record above it is not theirs to read. */
  clearance: SecrecyLevel
}

export type OutboundChannelName = 'email' | 'webhook'

/** What a person chose: 站内 always; e-mail to their address; the gateway's id for them. */
export interface NotificationPreferences {
  email: { enabled: boolean; address: string | null }
  webhook: { enabled: boolean; recipientId: string | null }
}

/** One message for one person over one outside channel, as the delivery job reads it. */
export interface OutboundMessage {
  /** The notification's id: the e-mail's Message-ID and the webhook's idempotency key. */
  idempotencyKey: string
  notificationId: string
  channel: OutboundChannelName
  address: string
  personName: string
  kind: NotificationKind
  title: string
  body: string
  /** Absolute address of the item when the deployment knows its public URL. */
  link: string | null
  createdAt: string
}

/** An outside channel (SMTP, a messaging gateway): throws when the message was not accepted. */
export interface NotificationChannel {
  readonly name: OutboundChannelName
  send(message: OutboundMessage): Promise<void>
}

/** The notifications store, bound to the command's transaction. */
export interface NotificationRepository {
  /**
   * Writes the message and, for each person it reaches today with an outside channel chosen,
   * a delivery and its durable job — all in the caller's transaction.
   */
  notify(notification: NewNotification): Promise<void>
  /** Several messages as `notify` writes each, in one statement (and their deliveries, if any). */
  notifyAll(notifications: readonly NewNotification[]): Promise<void>
  list(
    audience: NotificationAudience,
    options: { limit: number; unreadOnly?: boolean; afterSeq?: number },
  ): Promise<NotificationView[]>
  unreadCount(audience: NotificationAudience): Promise<number>
  /** Marks read those of `ids` (or all) the audience may see; returns how many changed. */
  markRead(
    audience: NotificationAudience,
    ids: readonly string[] | 'all',
    at: string,
  ): Promise<number>
  preferences(personId: string): Promise<NotificationPreferences>
  setPreferences(personId: string, preferences: NotificationPreferences, at: string): Promise<void>
}
