import { Result } from 'antd'
import { BackHomeButton } from '../components/back-home-button.tsx'

export function NotFoundPage() {
  return <Result status="404" title="404" subTitle="页面不存在" extra={<BackHomeButton />} />
}
