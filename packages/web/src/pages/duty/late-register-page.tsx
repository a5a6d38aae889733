import { NotificationOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Flex, List, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { fetchDutyCirculars, fetchLateRegister, issueDutyCircular } from '../../api/duty.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { DATE_FORMAT, formatShanghaiTime } from '../../format.ts'
import { useMe } from '../../session/session-context.ts'
import { LateEntryTable } from './late-entry-table.tsx'

export function LateRegisterPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不参加值班，不能查看迟报漏报登记" />
  return <LateRegister />
}

/**
 * 迟报漏报登记: every late, missing and overdue follow-up report the timers and the reports
 * recorded, with the article each breaches; the duty office turns the lines not yet circulated
 * (or those ticked) into a 通报, which opens as its own printable page.
 */
function LateRegister() {
  const navigate = useNavigate()
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null)
  const from = period?.[0].format(DATE_FORMAT)
  const to = period?.[1].format(DATE_FORMAT)
  const entries = useLoad(`late-register:${from ?? ''}:${to ?? ''}`, (signal) =>
    fetchLateRegister({ from, to }, signal),
  )
  const circulars = useLoad('duty-circulars', (signal) => fetchDutyCirculars(signal))
  const [selected, setSelected] = useState<string[]>([])
  const { submitting, error, submit } = useSubmit()
  const lines = entries.data?.entries ?? []
  const pending = lines.filter((entry) => !entry.circularId)
  const chosen = selected.length ? selected : pending.map((entry) => entry.id)

  function issue() {
    if (!entries.data) return
    const shown = entries.data
    void submit(async () => {
      const circular = await issueDutyCircular({
        from: shown.from,
        to: shown.to,
        entryIds: chosen,
      })
      navigate(`/duty/circulars/${circular.id}`)
    })
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <div>
          <PageTitle>迟报漏报登记</PageTitle>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            突发事件信息迟报、漏报和续报逾期的情形，依工作规则予以通报。
          </Typography.Paragraph>
        </div>
        {entries.data?.canIssueCircular && (
          <Button
            type="primary"
            icon={<NotificationOutlined aria-hidden />}
            disabled={chosen.length === 0}
            loading={submitting}
            onClick={issue}
          >
            生成通报
          </Button>
        )}
      </Flex>
      <DatePicker.RangePicker
        aria-label="登记期间"
        value={period ?? (entries.data ? [dayjs(entries.data.from), dayjs(entries.data.to)] : null)}
        inputReadOnly
        allowClear={false}
        onChange={(range) => setPeriod(range && range[0] && range[1] ? [range[0], range[1]] : null)}
        style={{ maxWidth: 320 }}
      />
      {error && <SubmitError error={error} />}
      {entries.error && <LoadError error={entries.error} onRetry={entries.reload} />}
      {entries.loading && !entries.data && <PageLoading />}
      {entries.data && (
        <Card
          size="small"
          title={`${entries.data.from} 至 ${entries.data.to}：登记 ${lines.length} 条，未通报 ${pending.length} 条`}
        >
          <LateEntryTable
            entries={lines}
            selection={
              entries.data.canIssueCircular
                ? {
                    selectedRowKeys: selected,
                    onChange: (keys) => setSelected(keys.map(String)),
                    getCheckboxProps: (entry) => ({ disabled: Boolean(entry.circularId) }),
                  }
                : undefined
            }
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            不勾选时，生成通报包括全部未通报的登记。
          </Typography.Paragraph>
        </Card>
      )}
      <Card size="small" title="已发通报">
        {circulars.error && <LoadError error={circulars.error} onRetry={circulars.reload} />}
        <List
          size="small"
          dataSource={circulars.data ?? []}
          locale={{ emptyText: '尚未发出通报' }}
          renderItem={(circular) => (
            <List.Item>
              <Link to={`/duty/circulars/${circular.id}`}>{circular.title}</Link>
              <Typography.Text type="secondary">
                {formatShanghaiTime(circular.issuedAt).slice(0, 16)}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  )
}
