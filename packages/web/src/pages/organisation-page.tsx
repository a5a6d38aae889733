import { DatePicker, Empty, Flex, Select, Space, Tabs, Typography } from 'antd'
import dayjs from 'dayjs'
import { useSearchParams } from 'react-router-dom'
import { fetchJurisdictions, fetchOrganisation } from '../api/organisation.ts'
import { useLoad } from '../api/use-load.ts'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { JURISDICTION_LEVEL_LABELS } from '../labels.ts'
import { useMe } from '../session/session-context.ts'
import { ActingAssignmentsTable } from './organisation/acting-assignments-table.tsx'
import { DepartmentsTable } from './organisation/departments-table.tsx'
import { PostsTable } from './organisation/posts-table.tsx'
import { Form } from '../components/form.tsx'
import { DATE_FORMAT } from '../format.ts'

export function OrganisationPage() {
  const me = useMe()
  // The jurisdiction and date live in the address so a view can be bookmarked or shared.
  const [params, setParams] = useSearchParams()
  const jurisdictions = useLoad('jurisdictions', fetchJurisdictions)

  const list = jurisdictions.data ?? []
  const requested = params.get('jurisdiction')
  const selected =
    list.find((j) => j.id === requested) ??
    list.find((j) => j.id === me.jurisdiction?.id) ??
    list[0]
  const on = params.get('on') ?? undefined

  const chart = useLoad(selected ? `${selected.id}@${on ?? 'today'}` : null, (signal) =>
    fetchOrganisation(selected?.id ?? '', on, signal),
  )

  function update(key: 'jurisdiction' | 'on', value: string | undefined) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )
  }

  const shownDate = on ?? chart.data?.on

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageTitle>组织机构</PageTitle>
      {jurisdictions.error && (
        <LoadError error={jurisdictions.error} onRetry={jurisdictions.reload} />
      )}
      {jurisdictions.loading && !jurisdictions.data && <PageLoading />}
      {jurisdictions.data && list.length === 0 && <Empty description="没有可查看的辖区" />}
      {selected && (
        <>
          <Flex wrap gap={16} align="center">
            <Form layout="inline">
              {list.length > 1 && (
                <Form.Item label="辖区" htmlFor="organisation-jurisdiction">
                  <Select
                    id="organisation-jurisdiction"
                    style={{ minWidth: 200 }}
                    value={selected.id}
                    options={list.map((j) => ({
                      value: j.id,
                      label: `${j.name}（${JURISDICTION_LEVEL_LABELS[j.level]}）`,
                    }))}
                    onChange={(id: string) => update('jurisdiction', id)}
                  />
                </Form.Item>
              )}
              <Form.Item label="查询日期" htmlFor="organisation-on">
                <DatePicker
                  id="organisation-on"
                  value={shownDate ? dayjs(shownDate, DATE_FORMAT) : null}
                  format={DATE_FORMAT}
                  placeholder="今天"
                  onChange={(date) => update('on', date ? date.format(DATE_FORMAT) : undefined)}
                />
              </Form.Item>
            </Form>
            <Typography.Text type="secondary">
              {selected.name} · 规则库版本 {selected.rulebookVersion}
            </Typography.Text>
          </Flex>
          {chart.error && <LoadError error={chart.error} onRetry={chart.reload} />}
          {chart.loading && !chart.data && <PageLoading />}
          {chart.data && (
            <Tabs
              items={[
                {
                  key: 'posts',
                  label: '职务与任职',
                  children: <PostsTable posts={chart.data.posts} loading={chart.loading} />,
                },
                {
                  key: 'departments',
                  label: '部门与乡镇',
                  children: (
                    <DepartmentsTable
                      departments={chart.data.departments}
                      loading={chart.loading}
                    />
                  ),
                },
                {
                  key: 'acting',
                  label: '代理安排',
                  children: (
                    <ActingAssignmentsTable
                      assignments={chart.data.actingAssignments}
                      loading={chart.loading}
                    />
                  ),
                },
              ]}
            />
          )}
        </>
      )}
    </Space>
  )
}
