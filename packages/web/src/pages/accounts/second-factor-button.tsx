import { App, Button, Dropdown } from 'antd'
import { resetSecondFactor, setSecondFactorRequired } from '../../api/second-factor.ts'
import type { AccountSummary } from '../../api/types.ts'
import { asApiError } from '../../api/use-load.ts'

/**
 * The security admin's 两步验证 for an account (ADR 0022): require it (the person enrols at the
 * next sign-in), no longer require it, or reset a lost one. The three admins always need one.
 */
export function SecondFactorButton({ account }: { account: AccountSummary }) {
  const { message, modal } = App.useApp()
  const act = async (run: () => Promise<string>) => {
    try {
      message.success(await run())
    } catch (error) {
      message.error(asApiError(error).message)
    }
  }
  const items = [
    ...(account.adminRole === null
      ? [
          { key: 'require', label: '要求使用两步验证' },
          { key: 'optional', label: '不再要求两步验证' },
        ]
      : []),
    { key: 'reset', label: '重置两步验证（手机丢失）', danger: true },
  ]
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'reset')
            modal.confirm({
              title: `重置 ${account.username} 的两步验证？`,
              content:
                '其验证器和恢复码作废，当前登录全部退出；须使用两步验证的账户下次登录时重新设置。',
              okText: '重置',
              okButtonProps: { danger: true },
              cancelText: '取消',
              onOk: () =>
                act(async () => {
                  const { revokedSessions } = await resetSecondFactor(account.id)
                  return `已重置，退出了 ${revokedSessions} 个会话`
                }),
            })
          else
            void act(async () => {
              await setSecondFactorRequired(account.id, key === 'require')
              return key === 'require'
                ? `已要求 ${account.username} 使用两步验证（下次登录时设置）`
                : `已不再要求 ${account.username} 使用两步验证`
            })
        },
      }}
    >
      <Button type="link" size="small">
        两步验证
      </Button>
    </Dropdown>
  )
}
