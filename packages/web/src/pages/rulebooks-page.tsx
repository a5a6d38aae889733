import { Space, Table, type TableColumnsType, Typography } from 'antd'
import { Link } from 'react-router-dom'
import { fetchRulebooks } from '../api/rulebooks.ts'
import type { RulebookSummary } from '../api/types.ts'
import { useLoad } from '../api/use-load.ts'
import { LoadError } from '../components/load-error.tsx'
import { PageTitle } from '../components/page-title.tsx'

const columns: TableColumnsType<RulebookSummary> = [
  {
    title: '名称',
    dataIndex: 'name',
    key: 'name',
    render: (name: string, rulebook) => (
      <Link to={`/rulebooks/${encodeURIComponent(rulebook.jurisdiction)}`}>{name}</Link>
    ),
  },
  {
    title: '辖区代码',
    dataIndex: 'jurisdiction',
    key: 'jurisdiction',
    render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
  },
  { title: '版本', dataIndex: 'version', key: 'version' },
  { title: '生效日期', dataIndex: 'effectiveFrom', key: 'effectiveFrom' },
  { title: '规则数', dataIndex: 'rules', key: 'rules', align: 'right' },
]

export function RulebooksPage() {
  const rulebooks = useLoad('rulebooks', fetchRulebooks)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <PageTitle>规则库</PageTitle>
        <Typography.Paragraph type="secondary">
          各辖区的政府工作规则，逐条编码为可执行的规则，并注明依据的条文。
        </Typography.Paragraph>
      </div>
      {rulebooks.error && <LoadError error={rulebooks.error} onRetry={rulebooks.reload} />}
      <Table
        rowKey="jurisdiction"
        size="middle"
        columns={columns}
        dataSource={rulebooks.data ?? []}
        loading={rulebooks.loading}
        pagination={false}
        locale={{ emptyText: '没有规则库' }}
      />
    </Space>
  )
}
