import { Space, Typography } from 'antd'
import { fetchInbox } from '../api/documents.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { useMe } from '../session/session-context.ts'
import { InboxTable } from './inbox/inbox-table.tsx'

export function InboxPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理公文，没有待办事项" />
  return <Inbox />
}

const LIMIT = 50

function Inbox() {
  const inbox = useLoad('inbox', (signal) => fetchInbox(LIMIT, signal))

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <PageTitle>待办</PageTitle>
        <Typography.Paragraph type="secondary">
          本人各职务及所在单位的待办、待阅事项；期限按法定工作日计算。
        </Typography.Paragraph>
      </div>
      {inbox.error && <LoadError error={inbox.error} onRetry={inbox.reload} />}
      {inbox.loading && !inbox.data && <PageLoading />}
      {inbox.data && <InboxTable entries={inbox.data} loading={inbox.loading} />}
      {inbox.data?.length === LIMIT && (
        <Typography.Text type="secondary">
          仅显示前 {LIMIT} 项，办理后其余事项会陆续列出。
        </Typography.Text>
      )}
    </Space>
  )
}
