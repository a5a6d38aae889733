import { UserAddOutlined } from '@ant-design/icons'
import { Button, Flex, Input, Space, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { fetchAccounts } from '../api/accounts.ts'
import { fetchJurisdictions } from '../api/organisation.ts'
import type { AccountSummary, AdminRole } from '../api/types.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { useMe } from '../session/session-context.ts'
import { AccountActions } from './accounts/account-actions.tsx'
import { AccountsTable } from './accounts/accounts-table.tsx'
import { ClearanceModal } from './accounts/clearance-modal.tsx'
import { CreateAccountModal } from './accounts/create-account-modal.tsx'
import { ResetPasswordModal } from './accounts/reset-password-modal.tsx'
import { SecuritySettingsCard } from './accounts/security-settings-card.tsx'

export function AccountsPage() {
  const me = useMe()
  if (me.adminRole !== 'systemAdmin' && me.adminRole !== 'securityAdmin')
    return <ForbiddenResult reason="仅系统管理员或安全保密管理员可管理账户" />
  return <AccountAdministration adminRole={me.adminRole} signedInAs={me.username} />
}

function AccountAdministration({
  adminRole,
  signedInAs,
}: {
  adminRole: AdminRole
  signedInAs: string
}) {
  const accounts = useLoad('accounts', fetchAccounts)
  const jurisdictions = useLoad('jurisdictions', fetchJurisdictions)
  const [creating, setCreating] = useState(false)
  const [resetting, setResetting] = useState<AccountSummary | null>(null)
  const [classifying, setClassifying] = useState<AccountSummary | null>(null)
  // Five jurisdictions' rosters fill more than one page: an account is found by what one knows of it.
  const [query, setQuery] = useState('')

  const jurisdictionNames = useMemo(
    () => new Map((jurisdictions.data ?? []).map((j) => [j.id, j.name])),
    [jurisdictions.data],
  )

  const shown = useMemo(() => {
    const wanted = query.trim()
    if (!accounts.data || !wanted) return accounts.data
    return accounts.data.filter(
      (account) =>
        account.username.includes(wanted) ||
        (account.person?.name ?? '').includes(wanted) ||
        (jurisdictionNames.get(account.person?.jurisdictionId ?? '') ?? '').includes(wanted),
    )
  }, [accounts.data, jurisdictionNames, query])

  function done(close: () => void) {
    return () => {
      close()
      accounts.reload()
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <PageTitle>账户管理</PageTitle>
          <Typography.Paragraph type="secondary">
            {adminRole === 'systemAdmin'
              ? '系统管理员为任职人员开设账户、重置密码；解除锁定和设定密级由安全保密管理员办理。'
              : '安全保密管理员解除登录锁定、设定人员的知悉密级；开设账户和重置密码由系统管理员办理。'}
          </Typography.Paragraph>
        </div>
        {adminRole === 'systemAdmin' && (
          <Button
            type="primary"
            icon={<UserAddOutlined aria-hidden />}
            disabled={!jurisdictions.data || !accounts.data}
            onClick={() => setCreating(true)}
          >
            开设账户
          </Button>
        )}
      </Flex>
      <SecuritySettingsCard editable={adminRole === 'securityAdmin'} />
      {accounts.error && <LoadError error={accounts.error} onRetry={accounts.reload} />}
      {jurisdictions.error && (
        <LoadError error={jurisdictions.error} onRetry={jurisdictions.reload} />
      )}
      {accounts.loading && !accounts.data && <PageLoading />}
      {shown && (
        <Input.Search
          allowClear
          aria-label="查找账户"
          placeholder="按用户名、姓名或辖区查找"
          style={{ maxWidth: 360 }}
          onChange={(event) => setQuery(event.target.value)}
        />
      )}
      {shown && (
        <AccountsTable
          accounts={shown}
          loading={accounts.loading}
          jurisdictionNames={jurisdictionNames}
          actions={(account) => (
            <AccountActions
              account={account}
              adminRole={adminRole}
              signedInAs={signedInAs}
              onResetPassword={setResetting}
              onSetClearance={setClassifying}
              onUnlocked={accounts.reload}
            />
          )}
        />
      )}
      {creating && jurisdictions.data && accounts.data && (
        <CreateAccountModal
          jurisdictions={jurisdictions.data}
          accounts={accounts.data}
          onClose={() => setCreating(false)}
          onCreated={done(() => setCreating(false))}
        />
      )}
      {resetting && (
        <ResetPasswordModal
          account={resetting}
          onClose={() => setResetting(null)}
          onReset={() => setResetting(null)}
        />
      )}
      {classifying?.person && (
        <ClearanceModal
          person={classifying.person}
          onClose={() => setClassifying(null)}
          onSet={done(() => setClassifying(null))}
        />
      )}
    </Space>
  )
}
