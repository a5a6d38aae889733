import { App, Button, Popconfirm } from 'antd'
import { unlockAccount } from '../../api/accounts.ts'
import type { AccountSummary } from '../../api/types.ts'
import { asApiError } from '../../api/use-load.ts'

export function UnlockButton({
  account,
  onUnlocked,
}: {
  account: AccountSummary
  onUnlocked: () => void
}) {
  const { message } = App.useApp()

  // Returning the promise keeps the confirm button spinning until the server answers.
  async function unlock() {
    try {
      await unlockAccount(account.id)
      message.success(`已解除锁定：${account.username}`)
      onUnlocked()
    } catch (error) {
      message.error(asApiError(error).message)
    }
  }

  return (
    <Popconfirm
      title={`解除 ${account.username} 的登录锁定？`}
      description="失败次数将清零，该账户可以立即登录。"
      okText="解除"
      onConfirm={unlock}
    >
      <Button type="link" size="small">
        解除锁定
      </Button>
    </Popconfirm>
  )
}
