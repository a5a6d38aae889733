import { Result } from 'antd'
import { BackHomeButton } from './back-home-button.tsx'

export function ForbiddenResult({ reason }: { reason: string }) {
  return <Result status="403" title="403" subTitle={reason} extra={<BackHomeButton />} />
}
