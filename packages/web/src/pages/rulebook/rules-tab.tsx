import { Flex, Input, Select, Space, Table, type TableColumnsType, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { RulebookRule } from '../../api/types.ts'
import { Mono } from '../../components/mono.tsx'
import { ruleKindLabel } from '../../labels.ts'

const columns: TableColumnsType<RulebookRule> = [
  {
    title: '规则编号',
    dataIndex: 'id',
    key: 'id',
    render: (id: string) => <Mono>{id}</Mono>,
  },
  { title: '标题', dataIndex: 'title', key: 'title' },
  { title: '类型', dataIndex: 'kind', key: 'kind', render: (kind: string) => ruleKindLabel(kind) },
  { title: '条文', key: 'article', render: (_, rule) => rule.citation.article },
]

function matches(rule: RulebookRule, query: string): boolean {
  const { citation } = rule
  return [rule.id, rule.title, citation.article, citation.excerpt].some((text) =>
    text.toLowerCase().includes(query),
  )
}

export function RulesTab({ rules }: { rules: RulebookRule[] }) {
  const [query, setQuery] = useState('')
  const [kind, setKind] = useState<string | undefined>(undefined)

  const kinds = useMemo(() => [...new Set(rules.map((rule) => rule.kind))].sort(), [rules])
  const shown = useMemo(() => {
    const needle = query.trim().toLowerCase()
    return rules.filter(
      (rule) => (kind === undefined || rule.kind === kind) && (!needle || matches(rule, needle)),
    )
  }, [rules, query, kind])

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap gap={12}>
        <Input.Search
          aria-label="搜索规则"
          placeholder="按规则编号、标题、条文或原文搜索"
          allowClear
          style={{ maxWidth: 360 }}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onSearch={setQuery}
        />
        <Select
          aria-label="规则类型"
          placeholder="全部类型"
          allowClear
          style={{ minWidth: 180 }}
          value={kind}
          onChange={(value: string | undefined) => setKind(value)}
          options={kinds.map((value) => ({ value, label: ruleKindLabel(value) }))}
        />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={shown}
        pagination={{ defaultPageSize: 20, showTotal: (total) => `共 ${total} 条规则` }}
        locale={{ emptyText: '没有符合条件的规则' }}
        expandable={{ expandedRowRender: (rule) => <CitationExcerpt rule={rule} /> }}
      />
    </Space>
  )
}

function CitationExcerpt({ rule }: { rule: RulebookRule }) {
  const { citation } = rule
  return (
    <Typography>
      <Typography.Text type="secondary">
        出处：{citation.source} {citation.article}
      </Typography.Text>
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
        <blockquote style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{citation.excerpt}</blockquote>
      </Typography.Paragraph>
    </Typography>
  )
}
