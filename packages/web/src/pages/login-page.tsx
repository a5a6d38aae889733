import { Alert, Button, Card, Flex, Input, Typography } from 'antd'
import { useState } from 'react'
import { Navigate } from 'react-router-dom'
import { asApiError } from '../api/use-load.ts'
import { PageLoading } from '../components/page-loading.tsx'
import { useSession } from '../session/session-context.ts'
import { Form } from '../components/form.tsx'
import { isPendingLogin, type PendingLogin } from '../api/second-factor.ts'
import { SecondStep } from './login/second-step.tsx'

interface Credentials {
  username: string
  password: string
}

export function LoginPage() {
  const { status, error: sessionError, logIn, signedInAs } = useSession()
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // A correct password whose account still needs a second factor (ADR 0022).
  const [pending, setPending] = useState<PendingLogin | null>(null)

  if (status === 'loading') return <PageLoading />
  // Signing in sets the session, and this redirect takes the user to 工作台.
  if (status === 'signedIn') return <Navigate to="/" replace />

  async function handleFinish({ username, password }: Credentials) {
    setSubmitting(true)
    setError(null)
    try {
      const answer = await logIn(username, password)
      if (isPendingLogin(answer)) setPending(answer)
    } catch (failure) {
      setError(asApiError(failure).message)
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: 380, maxWidth: 'calc(100vw - 24px)' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 24 }}>
          政令 · 政府工作规则系统
        </Typography.Title>
        {status === 'unavailable' && sessionError && (
          <Alert
            type="warning"
            showIcon
            title={sessionError.message}
            style={{ marginBottom: 16 }}
          />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        {pending ? (
          <SecondStep
            pending={pending}
            onSignedIn={signedInAs}
            onRestart={(message) => {
              setPending(null)
              setError(message ?? null)
            }}
          />
        ) : (
          <Form<Credentials>
            layout="vertical"
            requiredMark={false}
            enterSubmits
            onFinish={handleFinish}
          >
            <Form.Item
              label="用户名"
              name="username"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label="密码"
              name="password"
              rules={[{ required: true, message: '请输入密码' }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0 }}>
              <Button type="primary" htmlType="submit" block loading={submitting}>
                登录
              </Button>
            </Form.Item>
          </Form>
        )}
      </Card>
    </Flex>
  )
}
