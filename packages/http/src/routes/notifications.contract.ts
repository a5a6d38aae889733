import { z } from 'zod'
import { id } from './contract-fields.ts'

const kind = z.enum([
  'task',
  'remind',
  'overdue',
  'meeting',
  'approval',
  'incident',
  'incidentOverdue',
  'opinion',
  'dutyRoster',
])

/** One message of 消息中心; `link` is the item's page in the web app. */
export const notificationView = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** The post or unit it was addressed to (代理 reads a post's messages too). */
  addressedTo: z.string().nullable(),
})

export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int('条数须为整数').min(1).max(200).optional(),
})

export const notificationList = z.object({
  unread: z.number().int(),
  items: z.array(notificationView),
})

export const unreadCount = z.object({ unread: z.number().int() })

/** 标为已读: some messages by id, or all of them. */
export const markReadBody = z.union([
  z.object({ ids: z.array(id).min(1, '请至少选择一条消息').max(200) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
])

export const markReadResult = z.object({ marked: z.number().int(), unread: z.number().int() })

const channel = z.enum(['email', 'webhook'])

/** 接收设置: 站内 always; e-mail; the messaging gateway's id for the person. */
export const preferencesBody = z.object({
  email: z.object({
    enabled: z.boolean(),
    address: z.string().max(254, '电子邮箱地址不超过 254 个字符').nullable(),
  }),
  webhook: z.object({
    enabled: z.boolean(),
    recipientId: z.string().max(128, '网关账号不超过 128 个字符').nullable(),
  }),
})

export const preferencesView = preferencesBody.extend({
  /** The outside channels this deployment configured. */
  available: z.array(channel),
})
