import { Empty, Flex, Select, Space, Typography } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { fetchAuditChains } from '../api/audit.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { formatShanghaiTime } from '../format.ts'
import { useMe } from '../session/session-context.ts'
import { AuditExport } from './audit/audit-export.tsx'
import { AuditRecordsTable } from './audit/audit-records-table.tsx'
import { ChainVerification } from './audit/chain-verification.tsx'
import { Form } from '../components/form.tsx'

export function AuditPage() {
  const me = useMe()
  if (me.adminRole !== 'auditAdmin') return <ForbiddenResult reason="仅安全审计员可查看审计日志" />
  return <AuditLog />
}

function AuditLog() {
  const chains = useLoad('audit-chains', fetchAuditChains)
  const [params, setParams] = useSearchParams()
  const list = chains.data ?? []
  const selected = list.find((chain) => chain.chain === params.get('chain')) ?? list[0]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <PageTitle>审计日志</PageTitle>
        <Typography.Paragraph type="secondary">
          每条记录都以哈希串接在前一条之后，任何删改都会在校验时发现。
        </Typography.Paragraph>
      </div>
      {chains.error && <LoadError error={chains.error} onRetry={chains.reload} />}
      {chains.loading && !chains.data && <PageLoading />}
      {chains.data && list.length === 0 && <Empty description="还没有审计记录" />}
      {selected && (
        <>
          <Flex wrap gap={16} align="center">
            <Form layout="inline">
              <Form.Item label="审计链" htmlFor="audit-chain" style={{ marginInlineEnd: 0 }}>
                <Select
                  id="audit-chain"
                  style={{ minWidth: 240 }}
                  popupMatchSelectWidth={false}
                  value={selected.chain}
                  options={list.map((chain) => ({
                    value: chain.chain,
                    label: `${chain.name}（${chain.records} 条）`,
                  }))}
                  onChange={(chain: string) => setParams({ chain }, { replace: true })}
                />
              </Form.Item>
            </Form>
            <Typography.Text type="secondary">
              {selected.lastAt
                ? `最近一条：${formatShanghaiTime(selected.lastAt)}`
                : '这条链还没有记录'}
            </Typography.Text>
          </Flex>
          <ChainVerification key={`verify:${selected.chain}`} chain={selected.chain} />
          <AuditExport chain={selected.chain} />
          <AuditRecordsTable key={`records:${selected.chain}`} chain={selected.chain} />
        </>
      )}
    </Space>
  )
}
