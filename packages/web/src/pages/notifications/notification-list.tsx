import { App, Button, Empty, Flex, List, Segmented, Space, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link } from 'react-router-dom'
import {
  fetchNotifications,
  markNotificationsRead,
  type NotificationItem,
} from '../../api/notifications.ts'
import { asApiError, useLoad } from '../../api/use-load.ts'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { formatShanghaiTime } from '../../format.ts'
import {
  announceUnread,
  NOTIFICATION_KIND_COLORS,
  NOTIFICATION_KIND_LABELS,
  onArrival,
} from '../../notifications/notification-events.ts'

/** The messages, newest first: unread in bold, each opening its item (and read by opening it). */
export function NotificationList() {
  const { message } = App.useApp()
  const [unreadOnly, setUnreadOnly] = useState(false)
  const list = useLoad(`notifications:${unreadOnly}`, (signal) =>
    fetchNotifications({ unread: unreadOnly }, signal),
  )
  const [busy, setBusy] = useState(false)
  const { reload } = list
  // A message the stream pushed appears at once.
  useEffect(() => onArrival(() => reload()), [reload])

  async function mark(which: { ids: string[] } | { all: true }) {
    setBusy(true)
    try {
      const answer = await markNotificationsRead(which)
      announceUnread(answer.unread)
      reload()
    } catch (error) {
      message.error(asApiError(error).message)
    } finally {
      setBusy(false)
    }
  }

  const data = list.data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => setUnreadOnly(value === 'unread')}
          options={[
            { value: 'all', label: '全部' },
            { value: 'unread', label: `未读${data ? `（${data.unread}）` : ''}` },
          ]}
        />
        <Button onClick={() => mark({ all: true })} loading={busy} disabled={!data?.unread}>
          全部标为已读
        </Button>
      </Flex>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {list.loading && !data && <PageLoading />}
      {data &&
        (data.items.length === 0 ? (
          <Empty description={unreadOnly ? '没有未读消息' : '暂无消息'} />
        ) : (
          <List
            dataSource={data.items}
            rowKey="id"
            renderItem={(item) => (
              <MessageRow item={item} busy={busy} onRead={() => mark({ ids: [item.id] })} />
            )}
          />
        ))}
    </Space>
  )
}

function MessageRow({
  item,
  busy,
  onRead,
}: {
  item: NotificationItem
  busy: boolean
  onRead: () => void
}) {
  const unread = item.readAt === null
  const title = (
    <Typography.Text strong={unread} style={{ wordBreak: 'break-word' }}>
      {item.title}
    </Typography.Text>
  )
  return (
    <List.Item
      aria-label={`${unread ? '未读' : '已读'}消息：${item.title}`}
      actions={
        unread
          ? [
              <Button key="read" type="link" size="small" onClick={onRead} disabled={busy}>
                标为已读
              </Button>,
            ]
          : []
      }
    >
      <List.Item.Meta
        title={
          <Space size={8} wrap>
            <Tag color={NOTIFICATION_KIND_COLORS[item.kind]}>
              {NOTIFICATION_KIND_LABELS[item.kind]}
            </Tag>
            {item.link ? (
              <Link to={item.link} onClick={unread ? onRead : undefined}>
                {title}
              </Link>
            ) : (
              title
            )}
          </Space>
        }
        description={
          <Space size={12} wrap>
            <span>{formatShanghaiTime(item.createdAt)}</span>
            {item.addressedTo && <span>致：{item.addressedTo}</span>}
            {item.body && <span>{item.body}</span>}
          </Space>
        }
      />
    </List.Item>
  )
}
