import { MenuOutlined } from '@ant-design/icons'
import { Button, Flex, Layout, theme, Typography } from 'antd'
import { postLabel } from '../labels.ts'
import { NotificationBell } from '../notifications/notification-bell.tsx'
import { useMe } from '../session/session-context.ts'
import { AccountActions, useWho } from './account-actions.tsx'
import { useNarrow } from './use-narrow.ts'

/**
 * The page's header. On a wide screen: the jurisdiction, then the account's actions. On a phone:
 * the menu button, the jurisdiction over the current post on a smaller line (each cut with an
 * ellipsis, never wrapped), and the account's actions move into the menu drawer.
 */
export function AppHeader({ onOpenMenu }: { onOpenMenu: () => void }) {
  const me = useMe()
  const who = useWho()
  const narrow = useNarrow()
  const { token } = theme.useToken()
  const jurisdiction = me.jurisdiction?.name ?? '政令'
  const post = me.posts.find((held) => held.postId === me.currentPostId)

  return (
    <Layout.Header
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 10,
        background: token.colorBgContainer,
        paddingInline: narrow ? 8 : 24,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Flex justify="space-between" align="center" gap={narrow ? 8 : 16} style={{ height: '100%' }}>
        {narrow && (
          <Button
            type="text"
            size="large"
            icon={<MenuOutlined aria-hidden />}
            aria-label="打开菜单"
            onClick={onOpenMenu}
          />
        )}
        {narrow ? (
          <Flex vertical style={{ flex: 1, minWidth: 0, lineHeight: 1.35 }}>
            <Typography.Text strong ellipsis style={{ fontSize: 15 }}>
              {jurisdiction}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {post ? `${postLabel(post)} · ${who}` : who}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text strong ellipsis style={{ fontSize: 16, minWidth: 0 }}>
            {jurisdiction}
          </Typography.Text>
        )}
        <Flex align="center" gap={narrow ? 4 : 16} style={{ flex: 'none' }}>
          {/* 消息中心: post-holders only; administrators receive no business messages. */}
          {me.person && !me.adminRole && <NotificationBell />}
          {!narrow && <AccountActions />}
        </Flex>
      </Flex>
    </Layout.Header>
  )
}
