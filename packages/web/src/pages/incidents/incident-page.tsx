import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import { useEffect } from 'react'
import { Link, useParams } from 'react-router-dom'
import {
  addIncidentReport,
  closeIncident,
  fetchIncident,
  type IncidentAct,
  type IncidentReport,
  type IncidentView,
  type ReportChannel,
  type ReportKind,
  requestFollowUp,
} from '../../api/duty.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { Form } from '../../components/form.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { beijingInstant, shanghaiMinute, useServerNow } from '../duty/duty-time.ts'
import { LateEntryTable } from '../duty/late-entry-table.tsx'
import { StepCountdowns } from '../duty/step-countdown.tsx'
import { CHANNEL_LABELS } from './new-incident-page.tsx'
import { TimeLimitWarningAlert } from './time-limit-warning.tsx'

export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  first: '首报',
  'follow-up': '续报',
  final: '终报',
}

/** The page asks again this often, so the countdowns follow what others record meanwhile. */
const REFRESH_MS = 60_000

/**
 * One incident: its deadlines with live countdowns (server clock), the reports in order (首报 →
 * 续报 → 终报, each marked late or on time), 续报 asked by the duty office, its lines in the
 * 迟报漏报 register; adding a report, asking a 续报, closing.
 */
export function IncidentPage() {
  const { id = '' } = useParams()
  const view = useLoad(`incident:${id}`, (signal) => fetchIncident(id, signal))
  const { reload } = view
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])

  if (view.error && !view.data) return <LoadError error={view.error} onRetry={view.reload} />
  if (!view.data) return <PageLoading />
  return <Incident view={view.data} onChanged={view.reload} />
}

function Incident({ view, onChanged }: { view: IncidentView; onChanged: () => void }) {
  const now = useServerNow(view.serverNow)
  const incident = view
  const open = incident.status === 'open'
  const may = (act: IncidentAct) => view.acts.includes(act)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/duty">值班台</Link> }, { title: '突发事件' }]} />
      <Flex justify="space-between" align="start" gap={12} wrap>
        <div>
          <PageTitle>{incident.title}</PageTitle>
          <Space wrap>
            <Tag>{incident.categoryLabel}</Tag>
            <Tag color={open ? 'processing' : 'default'}>{incident.statusLabel}</Tag>
          </Space>
        </div>
        {may('close') && <CloseButton id={incident.id} onClosed={onChanged} />}
      </Flex>
      <TimeLimitWarningAlert warning={view.timeLimitWarning} />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label="报告单位">{incident.reportingDepartment.name}</Descriptions.Item>
        <Descriptions.Item label="发生地点">{incident.place}</Descriptions.Item>
        <Descriptions.Item label="发生时间">
          {shanghaiMinute(incident.occurredAt)}
        </Descriptions.Item>
        <Descriptions.Item label="获知时间">
          {incident.knownAt ? shanghaiMinute(incident.knownAt) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="时限起算">{shanghaiMinute(incident.clockFrom)}</Descriptions.Item>
      </Descriptions>
      {!view.timeLimitWarning && (
        <Card title="报送时限" size="small">
          <StepCountdowns steps={incident.steps} now={now} />
          {view.citations.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <CitationList citations={view.citations} />
            </div>
          )}
        </Card>
      )}
      <Card title="报告记录" size="small">
        {view.reports.length === 0 ? (
          <Empty description="尚无报告" />
        ) : (
          <Timeline
            items={view.reports.map((report) => ({
              color: report.late ? 'red' : 'blue',
              content: <ReportEntry report={report} view={view} />,
            }))}
          />
        )}
      </Card>
      {may('report') && <ReportForm view={view} onAdded={onChanged} />}
      <FollowUpCard view={view} mayRequest={may('requestFollowUp')} onRequested={onChanged} />
      {view.lateEntries.length > 0 && (
        <Card title="迟报漏报登记" size="small">
          <LateEntryTable entries={view.lateEntries} showIncident={false} />
        </Card>
      )}
    </Space>
  )
}

function ReportEntry({ report, view }: { report: IncidentReport; view: IncidentView }) {
  const labels = new Map(view.elements.map((element) => [element.code, element.label]))
  return (
    <div aria-label={`${report.kindLabel}（${report.channelLabel}）`}>
      <Space wrap size={6}>
        <Typography.Text strong>{report.kindLabel}</Typography.Text>
        <Tag>{report.channelLabel}</Tag>
        <Typography.Text type="secondary">{shanghaiMinute(report.reportedAt)}</Typography.Text>
        {report.reportedByName && (
          <Typography.Text type="secondary">{report.reportedByName}</Typography.Text>
        )}
        {report.late ? (
          <Tag color="red">迟报</Tag>
        ) : (
          // No time limit loaded: nothing to be on time for.
          !view.untimed && <Tag color="green">按时</Tag>
        )}
      </Space>
      {Object.entries(report.elements).length > 0 && (
        <dl style={{ margin: '4px 0' }}>
          {Object.entries(report.elements).map(([code, text]) => (
            <div key={code}>
              <Typography.Text type="secondary">{labels.get(code) ?? code}：</Typography.Text>
              {text}
            </div>
          ))}
        </dl>
      )}
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
        {report.body}
      </Typography.Paragraph>
    </div>
  )
}

interface ReportValues {
  kind: ReportKind
  channel: ReportChannel
  elements?: Record<string, string>
  body: string
}

/** 续报、终报 (or a 书面报告 after the phone's 首报): each satisfies the open steps of its channel. */
function ReportForm({ view, onAdded }: { view: IncidentView; onAdded: () => void }) {
  const [form] = Form.useForm<ReportValues>()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const kind: ReportKind = view.reports.length === 0 ? 'first' : 'follow-up'

  async function onFinish(values: ReportValues) {
    await submit(async () => {
      await addIncidentReport(view.id, {
        kind: values.kind,
        channel: values.channel,
        elements: Object.fromEntries(
          Object.entries(values.elements ?? {}).filter(([, text]) => text?.trim()),
        ),
        body: values.body,
      })
      message.success('报告已报送')
      form.resetFields()
      onAdded()
    })
  }

  return (
    <Card title="报送报告" size="small">
      <Form<ReportValues>
        form={form}
        layout="vertical"
        aria-label="报送报告"
        initialValues={{ kind, channel: 'written' }}
        onFinish={onFinish}
      >
        <Form.Item label="报告类型" name="kind" rules={[{ required: true }]}>
          <Radio.Group
            options={(['first', 'follow-up', 'final'] as const).map((value) => ({
              value,
              label: REPORT_KIND_LABELS[value],
            }))}
          />
        </Form.Item>
        <Form.Item label="报送方式" name="channel" rules={[{ required: true }]}>
          <Radio.Group
            options={(['phone', 'written'] as const).map((value) => ({
              value,
              label: CHANNEL_LABELS[value],
            }))}
          />
        </Form.Item>
        {view.elements.map((element) => (
          <Form.Item key={element.code} label={element.label} name={['elements', element.code]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
          </Form.Item>
        ))}
        <Form.Item
          label="报告内容"
          name="body"
          rules={[{ required: true, whitespace: true, message: '请填写报告内容' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        {error && (
          <div style={{ marginBottom: 16 }}>
            <SubmitError error={error} />
          </div>
        )}
        <Button type="primary" htmlType="submit" loading={submitting}>
          报送
        </Button>
      </Form>
    </Card>
  )
}

/** 续报 the duty office asked for, and asking one (by when). */
function FollowUpCard({
  view,
  mayRequest,
  onRequested,
}: {
  view: IncidentView
  mayRequest: boolean
  onRequested: () => void
}) {
  const { submitting, error, submit } = useSubmit()
  const [form] = Form.useForm<{ dueAt: string; note?: string }>()
  if (!mayRequest && view.followUps.length === 0) return null
  return (
    <Card title="续报要求" size="small">
      {view.followUps.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={view.followUps}
          columns={[
            { title: '要求时间', dataIndex: 'requestedAt', render: shanghaiMinute },
            { title: '续报时限', dataIndex: 'dueAt', render: shanghaiMinute },
            {
              title: '状态',
              render: (_, request) =>
                request.satisfied ? (
                  <Tag color="green">已续报</Tag>
                ) : (
                  <Tag color="orange">待续报</Tag>
                ),
            },
          ]}
        />
      )}
      {mayRequest && (
        <Form<{ dueAt: string; note?: string }>
          form={form}
          layout="inline"
          aria-label="要求续报"
          style={{ marginTop: 12, rowGap: 8 }}
          onFinish={(values) =>
            submit(async () => {
              await requestFollowUp(view.id, {
                dueAt: beijingInstant(values.dueAt),
                ...(values.note ? { note: values.note } : {}),
              })
              form.resetFields()
              onRequested()
            })
          }
        >
          <Form.Item
            label="续报时限"
            name="dueAt"
            rules={[{ required: true, message: '请填写续报时限' }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item label="续报要求" name="note">
            <Input maxLength={500} placeholder="如：报告伤亡和处置进展" />
          </Form.Item>
          <Button htmlType="submit" loading={submitting}>
            要求续报
          </Button>
        </Form>
      )}
      {error && (
        <div style={{ marginTop: 12 }}>
          <SubmitError error={error} />
        </div>
      )}
    </Card>
  )
}

function CloseButton({ id, onClosed }: { id: string; onClosed: () => void }) {
  const { submitting, error, submit } = useSubmit()
  return (
    <Space orientation="vertical" align="end">
      <Popconfirm
        title="确认结束该事件的报送？"
        okText="结束"
        cancelText="取消"
        onConfirm={() =>
          submit(async () => {
            await closeIncident(id)
            onClosed()
          })
        }
      >
        <Button loading={submitting}>结束事件</Button>
      </Popconfirm>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
