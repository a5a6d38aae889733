import { Alert, Button, Flex, Input, Typography } from 'antd'
import { useCallback, useState } from 'react'
import {
  confirmLoginEnrolment,
  type PendingLogin,
  startLoginEnrolment,
  verifySecondFactor,
} from '../../api/second-factor.ts'
import type { Me } from '../../api/types.ts'
import { asApiError } from '../../api/use-load.ts'
import { EnrolmentSteps } from '../second-factor/enrolment-steps.tsx'

/**
 * The sign-in's second step after a correct password: a 6-digit code from the authenticator app
 * (or a recovery code), or, for an account that must have a factor and has none, enrolling one.
 */
export function SecondStep({
  pending,
  onSignedIn,
  onRestart,
}: {
  pending: PendingLogin
  onSignedIn: (me: Me) => void
  onRestart: (message?: string) => void
}) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const start = useCallback(() => startLoginEnrolment(pending.challenge), [pending.challenge])
  const confirm = useCallback(
    (entered: string) => confirmLoginEnrolment(pending.challenge, entered),
    [pending.challenge],
  )

  async function handleVerify() {
    setBusy(true)
    setError(null)
    try {
      onSignedIn(await verifySecondFactor(pending.challenge, code.trim()))
    } catch (failure) {
      const apiError = asApiError(failure)
      setError(apiError.message)
      if (apiError.code === 'CHALLENGE_INVALID' || apiError.code === 'ACCOUNT_LOCKED')
        onRestart(apiError.message)
    } finally {
      setBusy(false)
    }
  }

  if (pending.secondFactor === 'enrol')
    return (
      <Flex vertical gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          设置两步验证
        </Typography.Title>
        <Typography.Text type="secondary">
          本账户须使用两步验证（等保三级）：设置完成后才能登录。
        </Typography.Text>
        <EnrolmentSteps
          start={start}
          confirm={confirm}
          doneLabel="进入系统"
          onDone={(confirmed) =>
            confirmed.session ? onSignedIn(confirmed.session) : onRestart('请重新登录')
          }
        />
      </Flex>
    )

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        两步验证
      </Typography.Title>
      <Typography.Text type="secondary">
        请输入手机验证器显示的 6 位验证码；手机不在身边时可输入一个恢复码。
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      <Input
        aria-label="验证码"
        autoFocus
        autoComplete="one-time-code"
        maxLength={20}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        onPressEnter={handleVerify}
      />
      <Button type="primary" block loading={busy} onClick={handleVerify}>
        验证并登录
      </Button>
      <Button type="link" onClick={() => onRestart()}>
        返回重新输入密码
      </Button>
    </Flex>
  )
}
