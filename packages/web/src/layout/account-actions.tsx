import { DownOutlined } from '@ant-design/icons'
import { App, Button, Dropdown, Flex, Space, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { asApiError } from '../api/use-load.ts'
import { ADMIN_ROLE_LABELS } from '../labels.ts'
import { useMe, useSession } from '../session/session-context.ts'
import { PostSelect } from './post-select.tsx'

/** The signed-in person's name, or the administrator's role, or the account's name. */
export function useWho(): string {
  const me = useMe()
  return me.person?.name ?? (me.adminRole ? ADMIN_ROLE_LABELS[me.adminRole] : me.username)
}

/**
 * Who is signed in, the post switcher, the account's own settings and the two ways out: in a row
 * in the header (settings and 在所有设备上退出 under 账户, so the jurisdiction's name keeps its
 * room), stacked in the menu drawer on a phone.
 */
export function AccountActions({ stacked = false }: { stacked?: boolean }) {
  const me = useMe()
  const who = useWho()
  const { logOut, logOutEverywhere } = useSession()
  const { message } = App.useApp()
  const [busy, setBusy] = useState<'logOut' | 'everywhere' | null>(null)
  const navigate = useNavigate()

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

  const logOutButton = (
    <Button onClick={handleLogOut} loading={busy === 'logOut'} disabled={busy !== null}>
      退出登录
    </Button>
  )
  const secondFactorLink = (
    <Button onClick={() => navigate('/account/second-factor')} disabled={busy !== null}>
      两步验证
    </Button>
  )
  const changePasswordLink = (
    <Button onClick={() => navigate('/account/password')} disabled={busy !== null}>
      修改密码
    </Button>
  )
  const everywhereButton = (
    <Button
      danger
      onClick={handleLogOutEverywhere}
      loading={busy === 'everywhere'}
      disabled={busy !== null}
    >
      在所有设备上退出
    </Button>
  )

  if (stacked)
    return (
      <Flex vertical gap={12}>
        <Typography.Text strong>{who}</Typography.Text>
        {me.posts.length > 0 && <PostSelect block />}
        <Flex gap={8} wrap>
          {changePasswordLink}
          {secondFactorLink}
          {logOutButton}
          {everywhereButton}
        </Flex>
      </Flex>
    )
  return (
    <Space size="middle" wrap={false}>
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>{who}</Typography.Text>
      {me.posts.length > 0 && <PostSelect />}
      <Dropdown
        disabled={busy !== null}
        menu={{
          items: [
            { key: 'password', label: '修改密码' },
            { key: 'second-factor', label: '两步验证' },
            { type: 'divider' },
            { key: 'everywhere', label: '在所有设备上退出', danger: true },
          ],
          onClick: ({ key }) => {
            if (key === 'everywhere') void handleLogOutEverywhere()
            else navigate(`/account/${key}`)
          },
        }}
      >
        <Button loading={busy === 'everywhere'}>
          账户 <DownOutlined aria-hidden />
        </Button>
      </Dropdown>
      {logOutButton}
    </Space>
  )
}
