import { Space, Tag, Typography } from 'antd'
import type { AccountSummary } from '../../api/types.ts'
import { formatShanghaiTime } from '../../format.ts'
import { isLocked } from './lockout.ts'

export function AccountStatus({ account }: { account: AccountSummary }) {
  const locked = isLocked(account)
  return (
    <Space orientation="vertical" size={0}>
      {locked ? <Tag color="red">已锁定</Tag> : <Tag color="green">正常</Tag>}
      {locked && account.lockedUntil && (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          至 {formatShanghaiTime(account.lockedUntil)}
        </Typography.Text>
      )}
      {account.failedCount > 0 && (
        <Typography.Text type="secondary">连续登录失败 {account.failedCount} 次</Typography.Text>
      )}
    </Space>
  )
}
