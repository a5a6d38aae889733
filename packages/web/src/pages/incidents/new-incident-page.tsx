import { Alert, App, Breadcrumb, Button, Card, Input, Radio, Select, Space, Typography } from 'antd'
import { Link, useNavigate } from 'react-router-dom'
import {
  type CategoryOption,
  fetchIncidentOptions,
  type ReportChannel,
  reportIncident,
} from '../../api/duty.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { Form } from '../../components/form.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { LIMITS } from '../../limits.ts'
import { useMe } from '../../session/session-context.ts'
import { fetchOrganisation } from '../../api/organisation.ts'
import { beijingInstant, formatWithin, minutesOf, shanghaiMinute } from '../duty/duty-time.ts'
import { TimeLimitWarningAlert } from './time-limit-warning.tsx'

interface IncidentValues {
  departmentId?: string
  category?: string
  title: string
  place: string
  occurredAt?: string
  knownAt?: string
  channel: ReportChannel
  elements?: Record<string, string>
  body: string
}

export const CHANNEL_LABELS: Record<ReportChannel, string> = {
  phone: '电话速报',
  written: '书面报告',
}

export function NewIncidentPage() {
  const me = useMe()
  if (me.adminRole || me.posts.length === 0)
    return <ForbiddenResult reason="管理员不任职务，不报送突发事件信息" />
  return <NewIncident />
}

/**
 * 报告突发事件: the reporting unit (a township, a department) records what happened, where and
 * when (or when it became known); the deadlines of the rulebook show as soon as the category and
 * the time are chosen, before anything is sent, and the first report (首报) goes with it.
 */
function NewIncident() {
  const navigate = useNavigate()
  const me = useMe()
  const chart = useLoad(me.jurisdiction ? `organisation:${me.jurisdiction.id}` : null, (signal) =>
    fetchOrganisation(me.jurisdiction?.id ?? '', undefined, signal),
  )
  const units = chart.data?.departments ?? []
  const { message } = App.useApp()
  const [form] = Form.useForm<IncidentValues>()
  const { submitting, error, submit } = useSubmit()
  const occurredAt = Form.useWatch('occurredAt', form)
  const knownAt = Form.useWatch('knownAt', form)
  const categoryCode = Form.useWatch('category', form)
  const options = useLoad('incident-options', (signal) => fetchIncidentOptions(signal))
  const category = options.data?.categories.find((candidate) => candidate.code === categoryCode)
  // The duty office, the government office and the leaders record a unit's call for it; a unit
  // reports its own. The server says which this post is (the same answer it enforces).
  const recordsForOthers = chart.data !== undefined && options.data?.mayReportForOtherUnits === true
  const clockFrom = knownAt || occurredAt

  async function onFinish(values: IncidentValues) {
    await submit(async () => {
      const view = await reportIncident({
        ...(values.departmentId ? { departmentId: values.departmentId } : {}),
        category: values.category!,
        title: values.title,
        place: values.place,
        occurredAt: beijingInstant(values.occurredAt!),
        ...(values.knownAt ? { knownAt: beijingInstant(values.knownAt) } : {}),
        firstReport: {
          channel: values.channel,
          elements: Object.fromEntries(
            Object.entries(values.elements ?? {}).filter(([, text]) => text?.trim()),
          ),
          body: values.body,
        },
      })
      message.success('已报送，值班室已收到')
      navigate(`/incidents/${view.id}`)
    })
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <Breadcrumb items={[{ title: <Link to="/duty">值班台</Link> }, { title: '报告突发事件' }]} />
      <PageTitle>报告突发事件</PageTitle>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        首报要快、再报要准。时限自事件发生（或获知）时起算，夜间和节假日照常计算。
      </Typography.Paragraph>
      <TimeLimitWarningAlert warning={options.data?.timeLimitWarning} />
      {options.error && <LoadError error={options.error} onRetry={options.reload} />}
      <Form<IncidentValues>
        form={form}
        layout="vertical"
        aria-label="报告突发事件"
        initialValues={{ channel: 'phone' }}
        onFinish={onFinish}
      >
        {recordsForOthers && (
          <Form.Item
            label="报告单位"
            name="departmentId"
            extra="接到乡镇、部门电话代为登记时选择报告单位；不选为本单位。"
          >
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label="事件类别"
          name="category"
          rules={[{ required: true, message: '请选择事件类别' }]}
        >
          <Select
            loading={options.loading}
            placeholder="按工作规则分类"
            options={(options.data?.categories ?? []).map((option) => ({
              value: option.code,
              label: option.label,
            }))}
          />
        </Form.Item>
        <Form.Item
          label="事件名称"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写事件名称' }]}
        >
          <Input maxLength={LIMITS.title} showCount placeholder="如：乔瓦镇某村民房火灾" />
        </Form.Item>
        <Form.Item
          label="发生地点"
          name="place"
          rules={[{ required: true, whitespace: true, message: '请填写发生地点' }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label="发生时间"
          name="occurredAt"
          extra="北京时间，精确到分钟。"
          rules={[{ required: true, message: '请填写发生时间' }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          label="获知时间"
          name="knownAt"
          extra="事件发生后才获知的，填写获知时间；时限依规则自获知时起算。"
        >
          <Input type="datetime-local" />
        </Form.Item>
        {category && category.steps.length > 0 && clockFrom && (
          <DeadlinePreview category={category} from={clockFrom} />
        )}
        {category && category.elements.length > 0 && (
          <Card size="small" title="报告要素" style={{ marginBottom: 16 }}>
            {category.elements.map((element) => (
              <Form.Item key={element.code} label={element.label} name={['elements', element.code]}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
              </Form.Item>
            ))}
          </Card>
        )}
        <Form.Item label="首报方式" name="channel" rules={[{ required: true }]}>
          <Radio.Group
            options={(['phone', 'written'] as const).map((value) => ({
              value,
              label: CHANNEL_LABELS[value],
            }))}
          />
        </Form.Item>
        <Form.Item
          label="报告内容"
          name="body"
          rules={[{ required: true, whitespace: true, message: '请填写报告内容' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount />
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
      {options.data && !options.data.timeLimitWarning && options.data.citations.length > 0 && (
        <Card size="small" title="报送时限的依据">
          <CitationList citations={options.data.citations} />
        </Card>
      )}
    </Space>
  )
}

/**
 * The deadlines the rulebook sets for the chosen category, counted from the time given: hours
 * and minutes run straight through nights and holidays. The server computes them again on
 * submission; what it answers is what the incident keeps.
 */
function DeadlinePreview({ category, from }: { category: CategoryOption; from: string }) {
  const start = Date.parse(beijingInstant(from))
  if (Number.isNaN(start)) return null
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title="报送时限"
      description={
        <ul aria-label="报送时限" style={{ margin: 0, paddingInlineStart: 20 }}>
          {category.steps.map((step) => {
            const minutes = minutesOf(step.within)
            const due = minutes === null ? null : new Date(start + minutes * 60_000).toISOString()
            return (
              <li key={step.act}>
                {/* 立即 (a period of zero): due the moment it happened or became known. */}
                {minutes === 0
                  ? `立即${step.label}`
                  : `${formatWithin(step.within)}内${step.label}`}
                {due ? (minutes === 0 ? '（现在即应报送）' : `：${shanghaiMinute(due)} 前`) : ''}
              </li>
            )
          })}
        </ul>
      }
    />
  )
}
