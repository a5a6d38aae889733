import { App, Button, Flex, Layout, Space, theme, Typography } from 'antd'
import { useState } from 'react'
import { asApiError } from '../api/use-load.ts'
import { ADMIN_ROLE_LABELS } from '../labels.ts'
import { useMe, useSession } from '../session/session-context.ts'
import { PostSelect } from './post-select.tsx'

export function AppHeader() {
  const me = useMe()
  const { logOut, logOutEverywhere } = useSession()
  const { message } = App.useApp()
  const { token } = theme.useToken()
  const [busy, setBusy] = useState<'logOut' | 'everywhere' | null>(null)

  const who = me.person?.name ?? (me.adminRole ? ADMIN_ROLE_LABELS[me.adminRole] : me.username)

  async function handleLogOut() {
    setBusy('logOut')
    try {
      await logOut()
      message.success('已退出登录')
    } catch (error) {
      message.error(asApiError(error).message)
    } finally {
      setBusy(null)
    }
  }

  async function handleLogOutEverywhere() {
    setBusy('everywhere')
    try {
      const revoked = await logOutEverywhere()
      message.success(`已在所有设备上退出（共 ${revoked} 个会话）`)
    } catch (error) {
      message.error(asApiError(error).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <Layout.Header
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 10,
        background: token.colorBgContainer,
        paddingInline: 24,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Flex justify="space-between" align="center" gap={16} style={{ height: '100%' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {me.jurisdiction?.name ?? '政令'}
        </Typography.Text>
        <Space size="middle" wrap={false}>
          <Typography.Text>{who}</Typography.Text>
          {me.posts.length > 0 && <PostSelect />}
          <Button onClick={handleLogOut} loading={busy === 'logOut'} disabled={busy !== null}>
            退出登录
          </Button>
          <Button
            danger
            onClick={handleLogOutEverywhere}
            loading={busy === 'everywhere'}
            disabled={busy !== null}
          >
            在所有设备上退出
          </Button>
        </Space>
      </Flex>
    </Layout.Header>
  )
}
