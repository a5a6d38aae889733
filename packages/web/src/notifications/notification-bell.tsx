import { BellOutlined } from '@ant-design/icons'
import { App, Badge, Button } from 'antd'
import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import {
  fetchUnreadCount,
  NOTIFICATION_STREAM,
  type NotificationItem,
} from '../api/notifications.ts'
import { CHANGED_EVENT } from '../layout/awaiting-counts.tsx'
import { announceArrival, NOTIFICATION_KIND_LABELS, onUnread } from './notification-events.ts'

/** How long to wait before opening the stream again once the browser gave it up. */
const RECONNECT_MS = 30_000

/**
 * The bell in the header: the unread count, kept live by the server's stream (Server-Sent
 * Events), and a toast for each new message that opens its item. Opens 消息中心.
 */
export function NotificationBell() {
  const [unread, setUnread] = useState<number | null>(null)
  const { notification } = App.useApp()
  const navigate = useNavigate()

  useEffect(() => onUnread(setUnread), [])

  useEffect(() => {
    let source: EventSource | null = null
    let retry: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const open = () => {
      source = new EventSource(NOTIFICATION_STREAM)
      source.addEventListener('ready', (event) => {
        setUnread(JSON.parse((event as MessageEvent<string>).data).unread)
      })
      source.addEventListener('notification', (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data) as {
          notification: NotificationItem
          unread: number
        }
        setUnread(data.unread)
        announceArrival(data.notification, data.unread)
        // New work for this person: the menu's badges (awaiting-counts.tsx) count again now.
        window.dispatchEvent(new Event(CHANGED_EVENT))
        const link = data.notification.link
        notification.info({
          key: data.notification.id,
          title: NOTIFICATION_KIND_LABELS[data.notification.kind],
          description: data.notification.title,
          placement: 'bottomRight',
          duration: 8,
          role: 'status',
          className: 'notification-toast',
          onClick: link ? () => navigate(link) : undefined,
          style: link ? { cursor: 'pointer' } : undefined,
        })
      })
      source.onerror = () => {
        // The browser reconnects by itself; a refused stream (signed out) is closed for good,
        // so the count is asked once and the stream tried again later.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          fetchUnreadCount().then(
            (answer) => setUnread(answer.unread),
            () => undefined,
          )
          retry = setTimeout(open, RECONNECT_MS)
        }
      }
    }
    open()
    return () => {
      stopped = true
      clearTimeout(retry)
      source?.close()
    }
  }, [notification, navigate])

  const count = unread ?? 0
  return (
    <Badge count={count} overflowCount={99} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined aria-hidden style={{ fontSize: 18 }} />}
        aria-label={count > 0 ? `消息中心（${count} 条未读）` : '消息中心'}
        title="消息中心"
        onClick={() => navigate('/notifications')}
      />
    </Badge>
  )
}
