import { Breadcrumb, Descriptions, Space, Tabs, Typography } from 'antd'
import { Link, useParams } from 'react-router-dom'
import { fetchCoverage, fetchRulebook } from '../api/rulebooks.ts'
import { useLoad } from '../api/use-load.ts'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { CoverageTab } from './rulebook/coverage-tab.tsx'
import { RulesTab } from './rulebook/rules-tab.tsx'

export function RulebookPage() {
  const jurisdiction = useParams().jurisdiction ?? ''
  const rulebook = useLoad(`rulebook:${jurisdiction}`, (signal) =>
    fetchRulebook(jurisdiction, signal),
  )
  const coverage = useLoad(`coverage:${jurisdiction}`, (signal) =>
    fetchCoverage(jurisdiction, signal),
  )
  const book = rulebook.data

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'rulebooks', title: <Link to="/rulebooks">规则库</Link> },
          { key: 'rulebook', title: book?.title ?? jurisdiction },
        ]}
      />
      {rulebook.error && <LoadError error={rulebook.error} onRetry={rulebook.reload} />}
      {rulebook.loading && !book && <PageLoading />}
      {book && (
        <>
          <PageTitle>{book.title}</PageTitle>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 4 }}
            items={[
              {
                key: 'jurisdiction',
                label: '辖区代码',
                children: <Typography.Text code>{book.jurisdiction}</Typography.Text>,
              },
              { key: 'version', label: '版本', children: book.version },
              { key: 'effectiveFrom', label: '生效日期', children: book.effectiveFrom },
              { key: 'rules', label: '规则数', children: book.rules.length },
            ]}
          />
          <Tabs
            items={[
              { key: 'rules', label: '规则', children: <RulesTab rules={book.rules} /> },
              {
                key: 'coverage',
                label: '条文覆盖',
                children: coverage.error ? (
                  <LoadError error={coverage.error} onRetry={coverage.reload} />
                ) : coverage.data ? (
                  <CoverageTab coverage={coverage.data} />
                ) : (
                  <PageLoading />
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  )
}
