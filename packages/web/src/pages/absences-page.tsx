import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Switch, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { type AbsenceScope, fetchAbsences } from '../api/absences.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { useMe } from '../session/session-context.ts'
import { AbsenceTable } from './absences/absence-table.tsx'

const SCOPES: { key: AbsenceScope; label: string; empty: string }[] = [
  { key: 'mine', label: '我的请假', empty: '没有请假或外出报备' },
  { key: 'toDecide', label: '待我审批', empty: '没有待审批的请假' },
  { key: 'office', label: '办公室总览', empty: '没有请假或外出记录' },
]

export function AbsencesPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不任职务，不办理请假、外出报备" />
  return <Absences />
}

/**
 * 请销假: my requests, those waiting on my decision, and the office's overview where requests not
 * closed by 销假 show as overdue. The server decides which requests each list may show.
 */
function Absences() {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const scope = SCOPES.find((entry) => entry.key === params.get('scope')) ?? SCOPES[0]!
  const list = useLoad(`absences:${scope.key}`, (signal) =>
    fetchAbsences({ scope: scope.key }, signal),
  )
  // 逾期未销假: the trips over and not closed, which the office follows up.
  const [overdueOnly, setOverdueOnly] = useState(false)
  const items = list.data?.items ?? []
  const overdue = items.filter((absence) => absence.returnOverdue)

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <PageTitle>请销假</PageTitle>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            领导干部和部门、乡镇（街道）负责人出差、出访、休假、请假及离开辖区外出，按本辖区工作规则报批或报备，返回后销假。
          </Typography.Paragraph>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => navigate('/absences/new')}
        >
          请假报备
        </Button>
      </Flex>
      <Card>
        <Tabs
          activeKey={scope.key}
          onChange={(key) => setParams({ scope: key }, { replace: true })}
          items={SCOPES.map((entry) => ({ key: entry.key, label: entry.label }))}
        />
        {list.error && <LoadError error={list.error} onRetry={list.reload} />}
        {!list.error && overdue.length > 0 && (
          <Flex align="center" gap={8} wrap style={{ marginBottom: 12 }}>
            <Typography.Text type="danger">{overdue.length} 项逾期未销假</Typography.Text>
            <Switch
              size="small"
              checked={overdueOnly}
              onChange={setOverdueOnly}
              aria-label="只看逾期未销假"
            />
            <Typography.Text type="secondary">只看逾期未销假</Typography.Text>
          </Flex>
        )}
        {!list.error && (
          <AbsenceTable
            label={scope.label}
            items={overdueOnly && overdue.length > 0 ? overdue : items}
            loading={list.loading}
            empty={scope.empty}
          />
        )}
      </Card>
    </Flex>
  )
}
