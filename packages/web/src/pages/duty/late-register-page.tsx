import { NotificationOutlined } from '@ant-design/icons'
import { Button, Card, DatePicker, Flex, Input, List, Modal, Radio, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import {
  fetchDutyCirculars,
  fetchLateRegister,
  issueDutyCircular,
  type LateEntry,
  type LateEntryDecision,
  reviewLateEntry,
} from '../../api/duty.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { Form } from '../../components/form.tsx'
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
  // A line excused on 核实 (不予通报) is never circulated (the server refuses it too).
  const pending = lines.filter((entry) => !entry.circularId && entry.review?.decision !== 'excused')
  const chosen = selected.length ? selected : pending.map((entry) => entry.id)
  const [reviewing, setReviewing] = useState<LateEntry | null>(null)

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
        onChange={(range) => {
          // Ticked lines belong to the period shown: a new period starts with none ticked.
          setSelected([])
          setPeriod(range && range[0] && range[1] ? [range[0], range[1]] : null)
        }}
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
                    getCheckboxProps: (entry) => ({
                      disabled: Boolean(entry.circularId) || entry.review?.decision === 'excused',
                    }),
                  }
                : undefined
            }
            onReview={entries.data.canIssueCircular ? setReviewing : undefined}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
            不勾选时，生成通报包括全部未通报的登记；核实为不予通报的登记不列入通报。
          </Typography.Paragraph>
        </Card>
      )}
      {reviewing && (
        <ReviewDialog
          entry={reviewing}
          onClose={() => setReviewing(null)}
          onDone={() => {
            setReviewing(null)
            setSelected((keys) => keys.filter((key) => key !== reviewing.id))
            entries.reload()
          }}
        />
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

/**
 * 核实 of a register line by the duty office: 属实 (it stays a 迟报/漏报 and may be circulated) or
 * 不予通报 (the unit reported by phone outside the system, communications were down…), with the
 * reason, which the register shows and the audit log keeps.
 */
function ReviewDialog({
  entry,
  onClose,
  onDone,
}: {
  entry: LateEntry
  onClose: () => void
  onDone: () => void
}) {
  const [form] = Form.useForm<{ decision: LateEntryDecision; reason: string }>()
  const { submitting, error, submit } = useSubmit()
  const what = `${entry.department?.name ?? ''}“${entry.incidentTitle ?? ''}”${entry.stepLabel ?? '续报'}`
  return (
    <Modal
      open
      title="核实迟报漏报记录"
      okText="确认核实"
      cancelText="取消"
      confirmLoading={submitting}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<{ decision: LateEntryDecision; reason: string }>
        form={form}
        name="review-late-entry"
        layout="vertical"
        requiredMark={false}
        initialValues={{ decision: entry.review?.decision, reason: entry.review?.reason }}
        onFinish={(values) =>
          void submit(async () => {
            await reviewLateEntry(entry.id, {
              decision: values.decision,
              reason: values.reason.trim(),
            })
            onDone()
          })
        }
      >
        <Typography.Paragraph>
          {what}：{entry.kindLabel}
          {entry.minutesLate !== null ? ` ${entry.minutesLate} 分钟` : ''}
        </Typography.Paragraph>
        <Form.Item
          label="核实结论"
          name="decision"
          rules={[{ required: true, message: '请选择核实结论' }]}
        >
          <Radio.Group
            options={[
              { value: 'confirmed', label: '属实（仍为迟报、漏报）' },
              { value: 'excused', label: '不予通报（如已电话报告、通信中断）' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="核实理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写核实理由' }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
        {error && <SubmitError error={error} />}
      </Form>
    </Modal>
  )
}
