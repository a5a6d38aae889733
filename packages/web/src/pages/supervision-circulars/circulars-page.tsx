import { NotificationOutlined } from '@ant-design/icons'
import { Button, Flex, Space, Typography } from 'antd'
import { useState } from 'react'
import { fetchSupervisionCirculars } from '../../api/supervision.ts'
import { useLoad } from '../../api/use-load.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { useMe } from '../../session/session-context.ts'
import { CircularForm } from './circular-form.tsx'
import { CircularList } from './circular-list.tsx'

export function SupervisionCircularsPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理督查事项，不能查看督查通报" />
  return <Circulars />
}

/** 督查通报: issued circulars of the jurisdiction, and issuing one (督查部门; the server checks). */
function Circulars() {
  const circulars = useLoad('supervision-circulars', (signal) => fetchSupervisionCirculars(signal))
  const [issuing, setIssuing] = useState(false)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div>
          <PageTitle>督查通报</PageTitle>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            督查部门定期或不定期通报各牵头单位督办事项的按时办结、超期办结和逾期未办结情况。
          </Typography.Paragraph>
        </div>
        {!issuing && (
          <Button
            type="primary"
            icon={<NotificationOutlined aria-hidden />}
            onClick={() => setIssuing(true)}
          >
            发布通报
          </Button>
        )}
      </Flex>
      {issuing && (
        <CircularForm
          onIssued={() => {
            setIssuing(false)
            circulars.reload()
          }}
          onCancel={() => setIssuing(false)}
        />
      )}
      {circulars.error && <LoadError error={circulars.error} onRetry={circulars.reload} />}
      {circulars.loading && !circulars.data && <PageLoading />}
      {circulars.data && <CircularList circulars={circulars.data} />}
    </Space>
  )
}
