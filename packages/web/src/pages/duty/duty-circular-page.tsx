import { PrinterOutlined } from '@ant-design/icons'
import { Breadcrumb, Button, Card, Flex, Space, Typography } from 'antd'
import { Link, useParams } from 'react-router-dom'
import { fetchDutyCircular, fetchLateRegister, type LateEntry } from '../../api/duty.ts'
import { useLoad } from '../../api/use-load.ts'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { RuleBasis } from '../../components/rule-basis.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { LateEntryTable } from './late-entry-table.tsx'

/**
 * 迟报漏报通报: one circular as issued — its period, the lines it names and the articles they
 * breach — printable from the browser.
 */
export function DutyCircularPage() {
  const { id = '' } = useParams()
  const circular = useLoad(`duty-circular:${id}`, (signal) => fetchDutyCircular(id, signal))
  // A circular answered without its lines: read them from the register by id.
  const needsEntries = circular.data !== undefined && circular.data.entries === undefined
  const register = useLoad(needsEntries ? `late-register-for:${id}` : null, (signal) =>
    fetchLateRegister({}, signal),
  )
  if (circular.error) return <LoadError error={circular.error} onRetry={circular.reload} />
  if (!circular.data) return <PageLoading />
  const data = circular.data
  const entries: LateEntry[] =
    data.entries ?? (register.data ?? []).filter((entry) => data.entryIds.includes(entry.id))
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to="/duty/late-register">迟报漏报登记</Link> }, { title: '通报' }]}
      />
      <Flex justify="space-between" align="start" gap={12} wrap>
        <PageTitle>{data.title}</PageTitle>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          打印
        </Button>
      </Flex>
      <Typography.Text type="secondary">
        通报期间：{data.periodFrom} 至 {data.periodTo} · 发布时间：
        {formatShanghaiTime(data.issuedAt).slice(0, 16)}
      </Typography.Text>
      <Card size="small" title={`通报事项（${entries.length} 项）`}>
        <LateEntryTable entries={entries} />
      </Card>
      <RuleBasis ruleIds={data.ruleIds} citations={[]} />
    </Space>
  )
}
