import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import {
  activateHolidayNotice,
  type DeadlineToRecheck,
  fetchHolidayNotices,
  type NoticeReading,
  readHolidayNotice,
  type YearStatus,
} from '../api/calendar.ts'
import { useLoad } from '../api/use-load.ts'
import { useSubmit } from '../api/use-submit.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { SubmitError } from '../components/submit-error.tsx'
import { useMe } from '../session/session-context.ts'
import { NoticeMonths } from './calendar/notice-months.tsx'
import { RecheckTable } from './calendar/recheck-table.tsx'

const STATUS: Record<YearStatus, { label: string; color: string }> = {
  official: { label: '已载入国务院安排', color: 'green' },
  statutory: { label: '未载入：法定节假日已计入，调休未知', color: 'orange' },
  unknown: { label: '未载入：按周一至周五推定', color: 'red' },
}

const NOTICE_MAX = 20000

export function CalendarPage() {
  const me = useMe()
  if (me.adminRole !== 'systemAdmin') return <ForbiddenResult reason="仅系统管理员可维护工作日历" />
  return <CalendarAdministration />
}

function CalendarAdministration() {
  const notices = useLoad('holiday-notices', fetchHolidayNotices)
  const [text, setText] = useState('')
  const [reading, setReading] = useState<NoticeReading | null>(null)
  const [recheck, setRecheck] = useState<DeadlineToRecheck[] | null>(null)
  const read = useSubmit()
  const activate = useSubmit()

  if (notices.error) return <LoadError error={notices.error} onRetry={notices.reload} />
  if (!notices.data) return <PageLoading />

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <PageTitle>工作日历</PageTitle>
        <Typography.Paragraph type="secondary">
          期限按国务院办公厅每年的节假日安排计算。软件包尚未收录的年份，由系统管理员粘贴通知全文，核对解析结果后启用；启用前，该年法定节假日按《全国年节及纪念日放假办法》第二条计入，仅调休未知，相关期限带有“暂定”提示。
        </Typography.Paragraph>
      </div>

      <Card title="各年日历状态" size="small">
        <Space wrap>
          {notices.data.years.map(({ year, status }) => (
            <Tag key={year} color={STATUS[status].color}>
              {year}年：{STATUS[status].label}
            </Tag>
          ))}
        </Space>
      </Card>

      <Card title="载入节假日安排通知" size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            aria-label="通知全文"
            value={text}
            onChange={(event) => {
              setText(event.target.value)
              setReading(null)
              setRecheck(null)
            }}
            placeholder="粘贴《国务院办公厅关于N年部分节假日安排的通知》全文，例如：一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。"
            autoSize={{ minRows: 6, maxRows: 14 }}
            maxLength={NOTICE_MAX}
            showCount
          />
          {read.error && <SubmitError error={read.error} />}
          <Button
            disabled={text.trim() === ''}
            loading={read.submitting}
            onClick={() =>
              read.submit(async () => {
                setReading(await readHolidayNotice(text))
              })
            }
          >
            解析并核对
          </Button>
        </Space>
      </Card>

      {reading && (
        <Card title={`核对：${reading.title}`} size="small">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label="年份">{reading.year}年</Descriptions.Item>
              <Descriptions.Item label="目前状态">
                <Tag color={STATUS[reading.yearStatus].color}>
                  {STATUS[reading.yearStatus].label}
                </Tag>
              </Descriptions.Item>
            </Descriptions>
            <Table
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              rowKey="line"
              dataSource={reading.items}
              columns={[
                { title: '节日', dataIndex: 'name' },
                {
                  title: '放假',
                  key: 'holidays',
                  render: (_, item) =>
                    `${item.holidays[0]}${item.holidays.length > 1 ? ` 至 ${item.holidays.at(-1)}` : ''}（${item.holidays.length}天）`,
                },
                {
                  title: '调休上班',
                  key: 'makeup',
                  render: (_, item) => item.makeupWorkdays.join('、') || '无',
                },
              ]}
            />
            <NoticeMonths days={reading.days} />
            {reading.statutoryDaysMissing.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title="以下法定节假日未出现在通知的放假日期中，请核对是否粘贴完整"
                description={reading.statutoryDaysMissing
                  .map((d) => `${d.date} ${d.name}`)
                  .join('、')}
              />
            )}
            {activate.error && <SubmitError error={activate.error} />}
            {reading.yearStatus === 'official' ? (
              <Alert type="info" showIcon title={`${reading.year}年的安排已载入，无需再启用`} />
            ) : (
              <Popconfirm
                title={`启用${reading.year}年节假日安排？`}
                description="启用后所有辖区按此计算期限，记入审计日志，不可撤改。"
                okText="启用"
                cancelText="取消"
                onConfirm={() =>
                  activate.submit(async () => {
                    const result = await activateHolidayNotice(text)
                    setRecheck(result.recheck)
                    setReading(null)
                    setText('')
                    notices.reload()
                  })
                }
              >
                <Button type="primary" loading={activate.submitting}>
                  启用此安排
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Card>
      )}

      {recheck && (
        <Alert
          type="success"
          showIcon
          title="已启用。以下期限在暂定日历上计算，须由各辖区办公室复核"
          description={<RecheckTable rows={recheck} />}
        />
      )}

      {notices.data.notices.map((notice) => (
        <Card
          key={notice.id}
          size="small"
          title={<span style={{ whiteSpace: 'normal' }}>{notice.title}</span>}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {notice.activatedBy} 于{' '}
              {new Date(notice.activatedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}{' '}
              启用，以通知原文为来源
            </Typography.Text>
            <NoticeMonths days={notice.days} />
            <Typography.Text strong>待复核期限</Typography.Text>
            <RecheckTable rows={notice.recheck} />
          </Space>
        </Card>
      ))}
    </Space>
  )
}
