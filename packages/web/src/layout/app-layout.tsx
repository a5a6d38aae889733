import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ContainerOutlined,
  DashboardOutlined,
  EditOutlined,
  FileAddOutlined,
  FileDoneOutlined,
  FlagOutlined,
  FireOutlined,
  HomeOutlined,
  InboxOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TableOutlined,
  WarningOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { ConfigProvider, Drawer, Layout, Menu, type MenuProps, theme, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link, Outlet, useLocation } from 'react-router-dom'
import { useReceiptAccess, useRegisterAccess } from '../pages/register/use-register-access.ts'
import { useMe } from '../session/session-context.ts'
import { AccountActions } from './account-actions.tsx'
import { AppHeader } from './app-header.tsx'
import { MenuCount, useAwaitingCounts } from './awaiting-counts.tsx'
import { useNarrow } from './use-narrow.ts'

const { Sider, Content } = Layout

/**
 * The menu key for a path: the longest key the path lies under, so /rulebooks/x keeps 规则库
 * selected and /documents/new selects 报送公文 while a document's own page selects nothing.
 */
function menuKeyOf(pathname: string, keys: string[]): string[] {
  const under = keys.filter(
    (key) => pathname === key || (key !== '/' && pathname.startsWith(`${key}/`)),
  )
  const longest = under.sort((a, b) => b.length - a.length)[0]
  return longest ? [longest] : []
}

/** Keys of the menu's items, those inside a group (督查督办) included. */
function keysOf(items: MenuProps['items']): string[] {
  return (items ?? []).flatMap((item) => {
    if (!item) return []
    const children = 'children' in item ? keysOf(item.children) : []
    return item.type === 'group' ? children : item.key ? [String(item.key), ...children] : children
  })
}

const PHONE_THEME = {
  components: {
    Card: { bodyPadding: 12, headerPadding: 12, bodyPaddingSM: 8, headerPaddingSM: 8 },
  },
}
// Never `undefined`: Ant Design's ConfigProvider wraps its children in one more provider only when
// given a theme, so switching between a theme and none remounts the whole page and loses what the
// person was typing or ticking (a window or tablet crossing 992 px; the 签到 ticks were lost so).
const WIDE_THEME = {}

export function AppLayout() {
  const me = useMe()
  const { pathname } = useLocation()
  const keepsRegister = useRegisterAccess()
  const registersReceipts = useReceiptAccess()
  const { token } = theme.useToken()
  // On a phone the menu is a drawer, opened from the header and closed on every navigation.
  const narrow = useNarrow()
  const [drawerOpen, setDrawerOpen] = useState(false)
  // The badges: work waiting on the current post (待我办理), per section.
  const counts = useAwaitingCounts(me.adminRole === null ? me.currentPostId : null)
  useEffect(() => setDrawerOpen(false), [pathname, narrow])

  // Icons are hidden from assistive technology so menu items are named by their text alone.
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined aria-hidden />, label: <Link to="/">工作台</Link> },
    {
      key: '/organisation',
      icon: <ApartmentOutlined aria-hidden />,
      label: <Link to="/organisation">组织机构</Link>,
    },
    {
      key: '/rulebooks',
      icon: <BookOutlined aria-hidden />,
      label: <Link to="/rulebooks">规则库</Link>,
    },
    // Administrators handle no documents (三员分立); the server refuses 报送 and 拟稿 from a post
    // with no unit.
    ...(me.adminRole === null && me.posts.length > 0
      ? [
          {
            key: '/inbox',
            icon: <InboxOutlined aria-hidden />,
            label: (
              <Link to="/inbox">
                <MenuCount count={counts?.documents} label="待办公文">
                  待办
                </MenuCount>
              </Link>
            ),
          },
          {
            key: '/documents/new',
            icon: <FileAddOutlined aria-hidden />,
            label: <Link to="/documents/new">报送公文</Link>,
          },
          {
            key: '/documents/draft',
            icon: <EditOutlined aria-hidden />,
            label: <Link to="/documents/draft">拟稿发文</Link>,
          },
        ]
      : []),
    // 登记来文: the desk the rulebook names for 签收登记, as the server answers.
    ...(registersReceipts
      ? [
          {
            key: '/documents/receive',
            icon: <FileDoneOutlined aria-hidden />,
            label: <Link to="/documents/receive">登记来文</Link>,
          },
        ]
      : []),
    // 会议: every post-holder may put items forward and see the meetings the server shows them.
    ...(me.adminRole === null && me.posts.length > 0
      ? [
          {
            key: '/meetings',
            icon: <CalendarOutlined aria-hidden />,
            label: (
              <Link to="/meetings">
                <MenuCount count={counts?.meetings} label="待办会议事项">
                  会议
                </MenuCount>
              </Link>
            ),
          },
          // 领导活动安排: the leadership's week, printable as the weekly table.
          {
            key: '/leader-calendar',
            icon: <ScheduleOutlined aria-hidden />,
            label: <Link to="/leader-calendar">领导活动安排</Link>,
          },
        ]
      : []),
    // 请销假 and 代行职责: leaders and heads of units ask leave and file trips; who acts while they
    // are away follows from the rulebook. The server decides what each list shows.
    ...(me.adminRole === null && me.posts.length > 0
      ? [
          {
            key: '/absences',
            icon: <CarryOutOutlined aria-hidden />,
            label: (
              <Link to="/absences">
                <MenuCount count={counts?.absences} label="待处理请销假">
                  请销假
                </MenuCount>
              </Link>
            ),
          },
          {
            key: '/acting-duty',
            icon: <SwapOutlined aria-hidden />,
            label: <Link to="/acting-duty">代行职责</Link>,
          },
          // 会议活动申请: a department asks; the government office decides.
          {
            key: '/event-requests',
            icon: <FlagOutlined aria-hidden />,
            label: (
              <Link to="/event-requests">
                <MenuCount count={counts?.events} label="待审核会议活动申请">
                  会议活动申请
                </MenuCount>
              </Link>
            ),
          },
        ]
      : []),
    // 督查督办: every post-holder follows the items of their unit; the server filters the ledger.
    ...(me.adminRole === null && me.posts.length > 0
      ? [
          {
            type: 'group' as const,
            key: 'supervision-group',
            label: '督查督办',
            children: [
              {
                key: '/supervision',
                icon: <ProfileOutlined aria-hidden />,
                label: (
                  <Link to="/supervision">
                    <MenuCount count={counts?.supervision} label="待办督办事项">
                      督查台账
                    </MenuCount>
                  </Link>
                ),
              },
              {
                key: '/supervision/dashboard',
                icon: <DashboardOutlined aria-hidden />,
                label: <Link to="/supervision/dashboard">督查看板</Link>,
              },
              {
                key: '/supervision/circulars',
                icon: <NotificationOutlined aria-hidden />,
                label: <Link to="/supervision/circulars">督查通报</Link>,
              },
            ],
          },
        ]
      : []),
    // 值班应急 (issue 16): the duty office's board, reporting an incident (townships and departments),
    // the rosters, the duty log, the 迟报漏报 register and public opinion; the server decides what
    // each shows (a reporting unit sees its own incidents, the duty office the jurisdiction's).
    ...(me.adminRole === null && me.posts.length > 0
      ? [
          {
            type: 'group' as const,
            key: 'duty-group',
            label: '值班应急',
            children: [
              {
                key: '/duty',
                icon: <AlertOutlined aria-hidden />,
                label: <Link to="/duty">值班台</Link>,
              },
              {
                key: '/incidents/new',
                icon: <FireOutlined aria-hidden />,
                label: <Link to="/incidents/new">报告突发事件</Link>,
              },
              {
                key: '/duty/rosters',
                icon: <TableOutlined aria-hidden />,
                label: <Link to="/duty/rosters">值班表</Link>,
              },
              {
                key: '/duty/log',
                icon: <SolutionOutlined aria-hidden />,
                label: <Link to="/duty/log">值班日志</Link>,
              },
              {
                key: '/duty/late-register',
                icon: <WarningOutlined aria-hidden />,
                label: <Link to="/duty/late-register">迟报漏报登记</Link>,
              },
              {
                key: '/opinions',
                icon: <ReadOutlined aria-hidden />,
                label: <Link to="/opinions">政务舆情</Link>,
              },
            ],
          },
        ]
      : []),
    // 收发文登记簿: the office's posts, as the server answers from the rulebook (条例第五条).
    ...(keepsRegister
      ? [
          {
            key: '/register',
            icon: <ContainerOutlined aria-hidden />,
            label: <Link to="/register">收发文登记簿</Link>,
          },
        ]
      : []),
    ...(me.adminRole === 'auditAdmin'
      ? [
          {
            key: '/audit',
            icon: <AuditOutlined aria-hidden />,
            label: <Link to="/audit">审计日志</Link>,
          },
        ]
      : []),
    ...(me.adminRole === 'systemAdmin' || me.adminRole === 'securityAdmin'
      ? [
          {
            key: '/accounts',
            icon: <TeamOutlined aria-hidden />,
            label: <Link to="/accounts">账户管理</Link>,
          },
        ]
      : []),
    ...(me.adminRole === 'systemAdmin'
      ? [
          {
            key: '/calendar',
            icon: <CalendarOutlined aria-hidden />,
            label: <Link to="/calendar">工作日历</Link>,
          },
        ]
      : []),
  ]

  const menu = (
    <Menu
      theme={narrow ? 'light' : 'dark'}
      mode="inline"
      aria-label="主导航"
      selectedKeys={menuKeyOf(pathname, keysOf(items))}
      items={items}
      onClick={() => setDrawerOpen(false)}
    />
  )

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          placement="left"
          size={280}
          title="政令"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          <div style={{ padding: 16, borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
            <AccountActions stacked />
          </div>
          {menu}
        </Drawer>
      ) : (
        <Sider
          width={200}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Typography.Text
            strong
            style={{
              display: 'block',
              color: '#fff',
              fontSize: 20,
              lineHeight: '64px',
              textAlign: 'center',
              letterSpacing: 4,
            }}
          >
            政令
          </Typography.Text>
          {menu}
        </Sider>
      )}
      {/* minWidth 0: a wide table scrolls inside its card instead of widening the page. */}
      <Layout style={{ minWidth: 0 }}>
        <AppHeader onOpenMenu={() => setDrawerOpen(true)} />
        <Content style={{ margin: narrow ? 8 : 24 }}>
          <div
            style={{
              padding: narrow ? 12 : 24,
              minHeight: 360,
              background: token.colorBgContainer,
              borderRadius: token.borderRadiusLG,
            }}
          >
            {/* Cards pad less on a phone, leaving the width to their content. */}
            <ConfigProvider theme={narrow ? PHONE_THEME : WIDE_THEME}>
              {/* A new post may see other things: pages reload when the person switches post. */}
              <Outlet key={me.currentPostId ?? 'none'} />
            </ConfigProvider>
          </div>
        </Content>
      </Layout>
    </Layout>
  )
}
