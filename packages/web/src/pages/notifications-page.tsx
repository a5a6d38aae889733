import { Tabs } from 'antd'
import { useSearchParams } from 'react-router-dom'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { useMe } from '../session/session-context.ts'
import { NotificationList } from './notifications/notification-list.tsx'
import { NotificationSettings } from './notifications/notification-settings.tsx'

/** 消息中心: the person's messages (new tasks, 催办, 逾期, meeting notices, decisions) and how they receive them. */
export function NotificationsPage() {
  const me = useMe()
  const [params, setParams] = useSearchParams()
  if (me.adminRole || !me.person)
    return <ForbiddenResult reason="管理员账户不接收业务消息（三员分立）" />
  const tab = params.get('tab') === 'settings' ? 'settings' : 'messages'
  return (
    <>
      <PageTitle>消息中心</PageTitle>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'settings' ? { tab: 'settings' } : {})}
        items={[
          { key: 'messages', label: '消息', children: <NotificationList /> },
          { key: 'settings', label: '接收设置', children: <NotificationSettings /> },
        ]}
      />
    </>
  )
}
