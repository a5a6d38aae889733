import { Alert, Button, Flex, Input, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { ConfirmedEnrolment, Enrolment } from '../../api/second-factor.ts'
import { asApiError } from '../../api/use-load.ts'

/**
 * Setting up an authenticator app: the QR code and the secret as text, a code to confirm it, then
 * the ten recovery codes, shown this once. `start` and `confirm` talk to the server (at sign-in
 * with the challenge, or signed in); `onDone` gets the confirmed enrolment once the codes are read.
 */
export function EnrolmentSteps({
  start,
  confirm,
  onDone,
  doneLabel,
}: {
  start: () => Promise<Enrolment>
  confirm: (code: string) => Promise<ConfirmedEnrolment>
  onDone: (confirmed: ConfirmedEnrolment) => void
  doneLabel: string
}) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null)
  const [confirmed, setConfirmed] = useState<ConfirmedEnrolment | null>(null)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let cancelled = false
    start().then(
      (started) => !cancelled && setEnrolment(started),
      (failure: unknown) => !cancelled && setError(asApiError(failure).message),
    )
    return () => {
      cancelled = true
    }
  }, [start])

  async function handleConfirm() {
    setBusy(true)
    setError(null)
    try {
      setConfirmed(await confirm(code.trim()))
    } catch (failure) {
      setError(asApiError(failure).message)
    } finally {
      setBusy(false)
    }
  }

  if (confirmed)
    return (
      <Flex vertical gap={12}>
        <Alert
          type="success"
          showIcon
          title="两步验证已启用"
          description="请把下面 10 个恢复码抄写或打印后妥善保管：手机不在身边时，每个恢复码可代替验证码登录一次。它们只显示这一次。"
        />
        <Typography.Paragraph
          copyable={{ text: confirmed.recoveryCodes.join('\n') }}
          style={{ marginBottom: 0 }}
        >
          <span aria-label="恢复码">
            {confirmed.recoveryCodes.map((recovery) => (
              <code key={recovery} style={{ display: 'block', fontSize: 15 }}>
                {recovery}
              </code>
            ))}
          </span>
        </Typography.Paragraph>
        <Button type="primary" block onClick={() => onDone(confirmed)}>
          {doneLabel}
        </Button>
      </Flex>
    )

  return (
    <Flex vertical gap={12}>
      <Typography.Text>
        1. 在手机上打开验证器应用（如 腾讯身份验证器、Microsoft Authenticator、Google
        Authenticator），扫描下面的二维码；无法扫描时手动输入密钥。
      </Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      {enrolment && (
        <>
          <Flex justify="center">
            <img src={enrolment.qrDataUrl} alt="两步验证二维码" width={200} height={200} />
          </Flex>
          <Typography.Text>
            密钥：
            <Typography.Text code copyable aria-label="两步验证密钥">
              {enrolment.secret}
            </Typography.Text>
          </Typography.Text>
          <Typography.Text>2. 输入验证器显示的 6 位验证码：</Typography.Text>
          <Input
            aria-label="验证码"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            value={code}
            onChange={(event) => setCode(event.target.value)}
            onPressEnter={handleConfirm}
          />
          <Button type="primary" block loading={busy} onClick={handleConfirm}>
            确认启用
          </Button>
        </>
      )}
    </Flex>
  )
}
