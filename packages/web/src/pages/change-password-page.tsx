import { Card, Flex } from 'antd'
import { useNavigate } from 'react-router-dom'
import { PageTitle } from '../components/page-title.tsx'
import { ChangePasswordForm } from './change-password/change-password-form.tsx'

/** 修改密码, from the account menu. */
export function ChangePasswordPage() {
  const navigate = useNavigate()
  return (
    <Flex vertical gap={16} style={{ maxWidth: 560 }}>
      <PageTitle>修改密码</PageTitle>
      <Card>
        <ChangePasswordForm onChanged={() => navigate('/')} />
      </Card>
    </Flex>
  )
}
