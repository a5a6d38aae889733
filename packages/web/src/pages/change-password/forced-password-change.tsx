import { Alert, Button, Card, Flex, Typography } from 'antd'
import { useSession } from '../../session/session-context.ts'
import { ChangePasswordForm } from './change-password-form.tsx'

/**
 * After an administrator's reset or when the password has expired, signing in leads here and
 * nowhere else until the password is changed (the server refuses everything else meanwhile).
 */
export function ForcedPasswordChange() {
  const { me, logOut } = useSession()
  return (
    <Flex justify="center" style={{ padding: '48px 16px' }}>
      <Card style={{ width: '100%', maxWidth: 480 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          请修改密码
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${me?.username ?? ''} 的密码已由管理员重置或已过期，修改后才能继续使用。`}
        />
        <ChangePasswordForm />
        <Button type="link" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => void logOut()}>
          退出登录
        </Button>
      </Card>
    </Flex>
  )
}
