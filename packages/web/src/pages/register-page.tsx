import { Alert, Space, Tabs, Typography } from 'antd'
import { useState } from 'react'
import type { ApiError } from '../api/client.ts'
import { fetchRegister } from '../api/register.ts'
import type { RegisterFilter } from '../api/types.ts'
import { useLoad } from '../api/use-load.ts'
import { CitationList } from '../components/citation-list.tsx'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { useMe } from '../session/session-context.ts'
import { RegisterFilters } from './register/register-filters.tsx'
import { RegisterTable } from './register/register-table.tsx'

export function RegisterPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理公文，不能查阅收发文登记簿" />
  return <Register />
}

const PAGE_SIZE = 20

/** 收发文登记簿: the office's register of documents in and out, searchable and exportable. */
function Register() {
  const [filter, setFilter] = useState<RegisterFilter>({ direction: 'incoming' })
  const [current, setCurrent] = useState(1)
  const key = JSON.stringify({ ...filter, current })
  const page = useLoad(key, (signal) =>
    fetchRegister(filter, { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE }, signal),
  )

  function change(next: RegisterFilter) {
    setFilter(next)
    setCurrent(1)
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <PageTitle>收发文登记簿</PageTitle>
        <Typography.Paragraph type="secondary">
          办公室登记的收文与发文，按日期由近及远；日期为北京时间。仅列出您有权查看的公文，导出 Excel
          记入审计日志。
        </Typography.Paragraph>
      </div>
      <Tabs
        activeKey={filter.direction}
        onChange={(direction) =>
          // Filters belong to one register: a state of 收文 means nothing for 发文.
          change({ direction: direction as RegisterFilter['direction'] })
        }
        items={[
          { key: 'incoming', label: '收文' },
          { key: 'outgoing', label: '发文' },
        ]}
      />
      <RegisterFilters key={filter.direction} filter={filter} onChange={change} />
      {page.error && <RegisterError error={page.error} onRetry={page.reload} />}
      {page.loading && page.data?.direction !== filter.direction && <PageLoading />}
      {page.data && page.data.direction === filter.direction && (
        <RegisterTable
          page={page.data}
          loading={page.loading}
          current={current}
          pageSize={PAGE_SIZE}
          onPage={setCurrent}
        />
      )}
    </Space>
  )
}

/** A refusal names the article saying who keeps the register; other failures may be retried. */
function RegisterError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  if (error.citations.length === 0) return <LoadError error={error} onRetry={onRetry} />
  return (
    <Alert
      type="warning"
      showIcon
      title={error.message}
      description={<CitationList citations={error.citations} />}
    />
  )
}
