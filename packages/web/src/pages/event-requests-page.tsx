import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Tabs, Typography } from 'antd'
import { useNavigate, useSearchParams } from 'react-router-dom'
import { type EventRequestListScope, fetchEventRequests } from '../api/event-requests.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { useMe } from '../session/session-context.ts'
import { EventRequestTable } from './event-requests/event-request-parts.tsx'

const SCOPES: { key: EventRequestListScope; label: string; empty: string }[] = [
  { key: 'mine', label: '本单位申请', empty: '本单位没有会议活动申请' },
  { key: 'toDecide', label: '待审核', empty: '没有待审核的会议活动申请' },
  { key: 'all', label: '全部', empty: '没有会议活动申请' },
]

export function EventRequestsPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不任职务，不办理会议活动申请" />
  return <EventRequests />
}

/**
 * 会议活动申请: the department's own requests, those waiting on the government office, and all
 * the viewer may see. The server decides what each list shows and who may act.
 */
function EventRequests() {
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const scope = SCOPES.find((entry) => entry.key === params.get('scope')) ?? SCOPES[0]!
  const list = useLoad(`event-requests:${scope.key}`, (signal) =>
    fetchEventRequests({ scope: scope.key }, signal),
  )
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <PageTitle>会议活动申请</PageTitle>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            以政府名义召开会议、举办活动，邀请政府领导参加活动或邀请外宾来访，按本辖区工作规则提前报送，由政府办公室审核。
          </Typography.Paragraph>
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => navigate('/event-requests/new')}
        >
          提出申请
        </Button>
      </Flex>
      <Card>
        <Tabs
          activeKey={scope.key}
          onChange={(key) => setParams({ scope: key }, { replace: true })}
          items={SCOPES.map((entry) => ({ key: entry.key, label: entry.label }))}
        />
        {list.error && <LoadError error={list.error} onRetry={list.reload} />}
        {!list.error && (
          <EventRequestTable
            label={scope.label}
            items={list.data?.items ?? []}
            loading={list.loading}
            empty={scope.empty}
          />
        )}
      </Card>
    </Flex>
  )
}
