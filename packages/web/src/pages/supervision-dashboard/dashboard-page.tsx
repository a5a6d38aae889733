import { Col, Flex, Row, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import { fetchSupervisionDashboard } from '../../api/supervision.ts'
import { useLoad } from '../../api/use-load.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { useMe } from '../../session/session-context.ts'
import { useDepartments } from '../supervision/use-departments.ts'
import { DepartmentChart } from './department-chart.tsx'
import { StatisticCards } from './statistic-cards.tsx'
import { TrendChart } from './trend-chart.tsx'
import { Form } from '../../components/form.tsx'

export function SupervisionDashboardPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理督查事项，不能查看督查看板" />
  return <Dashboard />
}

/**
 * 督查看板: the ledger in figures, for the jurisdiction or one lead unit. This page is the only
 * one drawing charts and is loaded lazily, so echarts stays out of the main bundle.
 */
function Dashboard() {
  const [departmentId, setDepartmentId] = useState<string | undefined>()
  const departments = useDepartments()
  const figures = useLoad(`supervision-dashboard:${departmentId ?? ''}`, (signal) =>
    fetchSupervisionDashboard(departmentId, signal),
  )

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <PageTitle>督查看板</PageTitle>
        <Typography.Paragraph type="secondary">
          按牵头单位统计您有权查看的督办事项
          {figures.data ? `，统计日期 ${figures.data.today}` : ''}
          。本周到期指本周日前到期且未办结的事项；逾期指超过办理时限仍未办结的事项。
        </Typography.Paragraph>
      </div>
      <Flex>
        <Form layout="inline">
          <Form.Item label="牵头单位" htmlFor="dashboard-department">
            <Select
              id="dashboard-department"
              allowClear
              placeholder="全部单位"
              style={{ width: 240 }}
              loading={departments.loading}
              value={departmentId}
              options={departments.options}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(value?: string) => setDepartmentId(value)}
            />
          </Form.Item>
        </Form>
      </Flex>
      {departments.error && <LoadError error={departments.error} />}
      {figures.error && <LoadError error={figures.error} onRetry={figures.reload} />}
      {figures.loading && !figures.data && <PageLoading />}
      {figures.data && (
        <>
          <StatisticCards figures={figures.data} departmentId={departmentId} />
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={12}>
              <DepartmentChart departments={figures.data.byDepartment} />
            </Col>
            <Col xs={24} xl={12}>
              <TrendChart trend={figures.data.trend} />
            </Col>
          </Row>
        </>
      )}
    </Space>
  )
}
