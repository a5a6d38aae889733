import { Button, Space, Typography } from 'antd'
import type { AccountSummary, AdminRole } from '../../api/types.ts'
import { isLocked } from './lockout.ts'
import { SecondFactorButton } from './second-factor-button.tsx'
import { UnlockButton } from './unlock-button.tsx'

/** 三员分立: the system admin sees only password resets, the security admin only lockouts and clearances. */
export function AccountActions({
  account,
  adminRole,
  signedInAs,
  onResetPassword,
  onSetClearance,
  onUnlocked,
}: {
  account: AccountSummary
  adminRole: AdminRole
  signedInAs: string
  onResetPassword: (account: AccountSummary) => void
  onSetClearance: (account: AccountSummary) => void
  onUnlocked: () => void
}) {
  // Administrators' passwords are reset only at the server console (三员分立), which also
  // covers one's own: resetting it here would end one's own session unproven.
  const canReset =
    adminRole === 'systemAdmin' && account.adminRole === null && account.username !== signedInAs
  const canUnlock = adminRole === 'securityAdmin' && isLocked(account)
  const canClassify = adminRole === 'securityAdmin' && account.person !== null
  // Nobody resets their own second factor.
  const canSecondFactor = adminRole === 'securityAdmin' && account.username !== signedInAs

  if (!canReset && !canUnlock && !canClassify && !canSecondFactor)
    return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space size={0} wrap>
      {canReset && (
        <Button type="link" size="small" onClick={() => onResetPassword(account)}>
          重置密码
        </Button>
      )}
      {canUnlock && <UnlockButton account={account} onUnlocked={onUnlocked} />}
      {canClassify && (
        <Button type="link" size="small" onClick={() => onSetClearance(account)}>
          设定密级
        </Button>
      )}
      {canSecondFactor && <SecondFactorButton account={account} />}
    </Space>
  )
}
