import { Space, Typography } from 'antd'
import { useState } from 'react'
import { fetchInbox } from '../api/documents.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { useMe } from '../session/session-context.ts'
import { CircleReadBar, circleReadable } from './inbox/circle-read-bar.tsx'
import { InboxTable } from './inbox/inbox-table.tsx'

export function InboxPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理公文，没有待办事项" />
  return <Inbox />
}

const LIMIT = 50

function Inbox() {
  const inbox = useLoad('inbox', (signal) => fetchInbox(LIMIT, signal))
  const me = useMe()
  const current = me.posts.find((post) => post.postId === me.currentPostId)
  // 圈阅: the 待阅 the current post may mark read here, and those chosen.
  const [chosen, setChosen] = useState<string[]>([])
  const readable = (inbox.data ?? []).filter((entry) => circleReadable(entry, current))
  const selected = readable.filter((entry) => chosen.includes(entry.task.id))

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
      {readable.length > 0 && (
        <CircleReadBar
          selected={selected}
          onDone={() => {
            setChosen([])
            inbox.reload()
          }}
        />
      )}
      {inbox.data && (
        <InboxTable
          entries={inbox.data}
          loading={inbox.loading}
          selection={
            readable.length > 0
              ? {
                  selectable: (entry) => circleReadable(entry, current),
                  keys: chosen,
                  onChange: setChosen,
                }
              : undefined
          }
        />
      )}
      {inbox.data?.length === LIMIT && (
        <Typography.Text type="secondary">
          仅显示前 {LIMIT} 项，办理后其余事项会陆续列出。
        </Typography.Text>
      )}
    </Space>
  )
}
