import { PrinterOutlined } from '@ant-design/icons'
import { Breadcrumb, Button, Card, Flex, Space, Typography } from 'antd'
import { Link, useParams } from 'react-router-dom'
import { fetchDutyCircular, type LateEntry } from '../../api/duty.ts'
import { useLoad } from '../../api/use-load.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { LateEntryTable } from './late-entry-table.tsx'

/**
 * 迟报漏报通报: one circular as issued — its period, its text, the lines it names and the articles
 * they breach — printable from the browser.
 */
export function DutyCircularPage() {
  const { id = '' } = useParams()
  const circular = useLoad(`duty-circular:${id}`, (signal) => fetchDutyCircular(id, signal))
  if (circular.error) return <LoadError error={circular.error} onRetry={circular.reload} />
  if (!circular.data) return <PageLoading />
  const data = circular.data
  const lines: LateEntry[] = data.lines.map((line) => ({
    id: line.entryId,
    incidentTitle: line.incidentTitle,
    department: { id: '', name: line.departmentName },
    kind: line.kind,
    kindLabel: line.kindLabel,
    stepLabel: line.stepLabel,
    dueAt: line.dueAt,
    reportedAt: line.reportedAt,
    minutesLate: line.minutesLate,
  }))
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
      {data.text && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {data.text}
        </Typography.Paragraph>
      )}
      <Card size="small" title={`通报事项（${lines.length} 项）`}>
        <LateEntryTable entries={lines} />
      </Card>
      {data.citations.length > 0 && (
        <Card size="small" title="依据">
          <CitationList citations={data.citations} />
        </Card>
      )}
    </Space>
  )
}
