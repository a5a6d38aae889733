import { DownloadOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Flex, Space, Typography } from 'antd'
import { useNavigate } from 'react-router-dom'
import { fetchSupervisionLedger, supervisionLedgerExportUrl } from '../../api/supervision.ts'
import { useLoad } from '../../api/use-load.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { useMe } from '../../session/session-context.ts'
import { LedgerFilters } from './ledger-filters.tsx'
import { LedgerTable } from './ledger-table.tsx'
import { useDepartments } from './use-departments.ts'
import { useLedgerFilter } from './use-ledger-filter.ts'

export function SupervisionPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理督查事项，不能查阅督查台账" />
  return <Ledger />
}

const PAGE_SIZE = 20

/** 督查台账: every item the post may see, its time limit as counted today, exportable to Excel. */
function Ledger() {
  const navigate = useNavigate()
  const { filter, current, setFilter, setPage } = useLedgerFilter()
  const departments = useDepartments()
  const key = JSON.stringify({ ...filter, current })
  const ledger = useLoad(key, (signal) =>
    fetchSupervisionLedger(filter, { limit: PAGE_SIZE, offset: (current - 1) * PAGE_SIZE }, signal),
  )

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <PageTitle>督查台账</PageTitle>
        <Typography.Paragraph type="secondary">
          督办事项的来源、承办单位、办理时限和办结情况。剩余时间按法定工作日计算；
          {ledger.data ? `统计日期 ${ledger.data.today}；` : ''}
          仅列出您有权查看的事项。
        </Typography.Paragraph>
      </div>
      <Flex gap={12} wrap align="start" justify="space-between">
        <LedgerFilters
          filter={filter}
          departments={departments.options}
          departmentsLoading={departments.loading}
          onChange={setFilter}
        />
        <Space wrap>
          {/* Who may enter items is the rulebook's to say; a refusal shows its article. */}
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => navigate('/supervision/new')}
          >
            立项督办
          </Button>
          <Button
            icon={<DownloadOutlined aria-hidden />}
            href={supervisionLedgerExportUrl(filter)}
            download
          >
            导出台账
          </Button>
        </Space>
      </Flex>
      {departments.error && <LoadError error={departments.error} />}
      {ledger.error && <LoadError error={ledger.error} onRetry={ledger.reload} />}
      {ledger.loading && !ledger.data && <PageLoading />}
      {ledger.data && (
        <LedgerTable
          ledger={ledger.data}
          loading={ledger.loading}
          current={current}
          pageSize={PAGE_SIZE}
          onPage={setPage}
        />
      )}
    </Space>
  )
}
