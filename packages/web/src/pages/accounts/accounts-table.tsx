import { Table, type TableColumnsType, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { AccountSummary, AdminRole } from '../../api/types.ts'
import { Mono } from '../../components/mono.tsx'
import { accountKindLabel, CLEARANCE_LABELS } from '../../labels.ts'
import { AccountStatus } from './account-status.tsx'

const none = <Typography.Text type="secondary">—</Typography.Text>

function columnsOf(
  jurisdictionNames: ReadonlyMap<string, string>,
  actions: (account: AccountSummary) => ReactNode,
): TableColumnsType<AccountSummary> {
  return [
    {
      title: '用户名',
      dataIndex: 'username',
      key: 'username',
      render: (username: string) => <Mono>{username}</Mono>,
    },
    {
      title: '类型',
      dataIndex: 'adminRole',
      key: 'adminRole',
      render: (adminRole: AdminRole | null) => (
        <Tag color={adminRole ? 'purple' : 'blue'}>{accountKindLabel(adminRole)}</Tag>
      ),
    },
    { title: '姓名', key: 'name', render: (_, account) => account.person?.name ?? none },
    {
      title: '辖区',
      key: 'jurisdiction',
      render: (_, { person }) =>
        person ? (jurisdictionNames.get(person.jurisdictionId) ?? person.jurisdictionId) : none,
    },
    {
      title: '知悉密级',
      key: 'clearance',
      render: (_, { person }) => (person ? CLEARANCE_LABELS[person.clearance] : none),
    },
    { title: '状态', key: 'status', render: (_, account) => <AccountStatus account={account} /> },
    { title: '操作', key: 'actions', render: (_, account) => actions(account) },
  ]
}

export function AccountsTable({
  accounts,
  loading,
  jurisdictionNames,
  actions,
}: {
  accounts: AccountSummary[]
  loading: boolean
  jurisdictionNames: ReadonlyMap<string, string>
  actions: (account: AccountSummary) => ReactNode
}) {
  return (
    <Table
      rowKey="id"
      size="middle"
      columns={columnsOf(jurisdictionNames, actions)}
      dataSource={accounts}
      loading={loading}
      // One page holds the five demo jurisdictions' accounts (about 90) and a county's roster.
      pagination={{ defaultPageSize: 100, showTotal: (total) => `共 ${total} 个账户` }}
      locale={{ emptyText: '没有账户' }}
    />
  )
}
