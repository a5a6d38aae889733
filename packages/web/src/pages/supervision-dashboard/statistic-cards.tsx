import { Card, Flex, Statistic, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import type { LedgerState, SupervisionDashboard } from '../../api/supervision.ts'

/**
 * The ledger filtered to what a figure counts. The ledger's unit filter also takes items the
 * unit helps with, so for one unit it may list a few more than the figure (lead unit only).
 */
function ledgerLink(state: LedgerState, departmentId: string | undefined) {
  const params = new URLSearchParams({ state })
  if (departmentId) params.set('departmentId', departmentId)
  return `/supervision?${params}`
}

/** One figure, a named group so that it reads (and is found by tests) by its title. */
function Figure({
  title,
  children,
  footer,
}: {
  title: string
  children: ReactNode
  footer: ReactNode
}) {
  return (
    <Card size="small" role="group" aria-label={title} style={{ flex: '1 1 180px' }}>
      {children}
      <div style={{ marginTop: 8 }}>{footer}</div>
    </Card>
  )
}

export function StatisticCards({
  figures,
  departmentId,
}: {
  figures: SupervisionDashboard
  departmentId: string | undefined
}) {
  const rate = figures.onTimeRate
  const late = figures.averageDaysLate
  return (
    <Flex gap={16} wrap>
      <Figure title="在办" footer={<Link to={ledgerLink('open', departmentId)}>查看在办事项</Link>}>
        <Statistic title="在办" value={figures.open} suffix="件" />
      </Figure>
      <Figure
        title="本周到期"
        footer={<Link to={ledgerLink('dueSoon', departmentId)}>查看本周到期事项</Link>}
      >
        <Statistic title="本周到期" value={figures.dueThisWeek} suffix="件" />
      </Figure>
      <Figure
        title="逾期"
        footer={<Link to={ledgerLink('overdue', departmentId)}>查看逾期事项</Link>}
      >
        <Statistic
          title="逾期"
          value={figures.overdue}
          suffix="件"
          styles={{ content: figures.overdue > 0 ? { color: '#cf1322' } : {} }}
        />
      </Figure>
      <Figure
        title="按时办结率"
        footer={
          <Typography.Text type="secondary">
            已办结 {figures.closed} 件，按时 {figures.closedOnTime} 件
          </Typography.Text>
        }
      >
        {/* Nothing closed yet: no rate to show, rather than a rate of 0. */}
        <Statistic
          title="按时办结率"
          value={rate === null ? '—' : (rate * 100).toFixed(1)}
          suffix={rate === null ? undefined : '%'}
        />
      </Figure>
      <Figure
        title="平均超期天数"
        footer={<Typography.Text type="secondary">超期办结事项平均超期的天数</Typography.Text>}
      >
        <Statistic
          title="平均超期天数"
          value={late === null ? '—' : late.toFixed(1)}
          suffix={late === null ? undefined : '天'}
        />
      </Figure>
    </Flex>
  )
}
