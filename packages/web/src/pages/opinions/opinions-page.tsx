import { PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Empty, Flex, Input, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router-dom'
import { createOpinion, fetchOpinionOptions, fetchOpinions } from '../../api/duty.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { Form } from '../../components/form.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { LIMITS } from '../../limits.ts'
import { useMe } from '../../session/session-context.ts'
import { beijingInstant, formatWithin, shanghaiMinute, useServerNow } from '../duty/duty-time.ts'
import { StepCountdowns } from '../duty/step-countdown.tsx'

export const OPINION_STATUS: Record<string, { label: string; color: string }> = {
  open: { label: '待回应', color: 'processing' },
  responded: { label: '已回应', color: 'green' },
  closed: { label: '已结束', color: 'default' },
}

export function OpinionsPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理政务舆情" />
  return <Opinions />
}

/** 政务舆情: the items with their response deadlines from the rulebook, and registering one. */
function Opinions() {
  const list = useLoad('opinions', (signal) => fetchOpinions(signal))
  const [adding, setAdding] = useState(false)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="start" gap={12} wrap>
        <div>
          <PageTitle>政务舆情</PageTitle>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            舆情自发现时起按工作规则规定的时限回应：发布权威信息、举行新闻发布会。
          </Typography.Paragraph>
        </div>
        {!adding && list.data?.canRecord && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setAdding(true)}
          >
            登记舆情
          </Button>
        )}
      </Flex>
      {adding && <NewOpinionForm onCancel={() => setAdding(false)} />}
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {list.loading && !list.data && <PageLoading />}
      {list.data && list.data.items.length === 0 && <Empty description="没有登记的政务舆情" />}
      {list.data?.items.map((item) => (
        <Card
          key={item.id}
          size="small"
          title={
            <Link to={`/opinions/${item.id}`} style={{ whiteSpace: 'normal' }}>
              {item.title}
            </Link>
          }
          extra={<Tag color={OPINION_STATUS[item.status]?.color}>{item.statusLabel}</Tag>}
        >
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.categoryLabel ?? item.category} · {item.source} · 发现于{' '}
            {shanghaiMinute(item.surfacedAt)}
          </Typography.Text>
          <OpinionSteps steps={item.steps} serverNow={list.data?.serverNow} />
        </Card>
      ))}
    </Space>
  )
}

/** An item's response deadlines counting down on the server's clock (the list's serverNow). */
function OpinionSteps({
  steps,
  serverNow,
}: {
  steps: Parameters<typeof StepCountdowns>[0]['steps']
  serverNow: string | undefined
}) {
  const now = useServerNow(serverNow)
  return <StepCountdowns steps={steps} now={now} label="回应时限" />
}

interface OpinionValues {
  category?: string
  title: string
  summary?: string
  source: string
  sourceUrl?: string
  surfacedAt?: string
}

function NewOpinionForm({ onCancel }: { onCancel: () => void }) {
  const [form] = Form.useForm<OpinionValues>()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const surfacedAt = Form.useWatch('surfacedAt', form)
  const categoryCode = Form.useWatch('category', form)
  const on = surfacedAt ? surfacedAt.slice(0, 10) : undefined
  const options = useLoad(`opinion-options:${on ?? ''}`, (signal) =>
    fetchOpinionOptions(on, signal),
  )
  const category = options.data?.categories.find((candidate) => candidate.code === categoryCode)
  return (
    <Card size="small" title="登记舆情">
      <Form<OpinionValues>
        form={form}
        layout="vertical"
        aria-label="登记舆情"
        onFinish={(values) =>
          submit(async () => {
            const view = await createOpinion({
              category: values.category!,
              title: values.title,
              ...(values.summary ? { summary: values.summary } : {}),
              source: values.source,
              ...(values.sourceUrl ? { sourceUrl: values.sourceUrl } : {}),
              surfacedAt: beijingInstant(values.surfacedAt!),
            })
            message.success('舆情已登记')
            navigate(`/opinions/${view.item.id}`)
          })
        }
      >
        <Form.Item
          label="舆情类别"
          name="category"
          rules={[{ required: true, message: '请选择舆情类别' }]}
        >
          <Select
            loading={options.loading}
            options={(options.data?.categories ?? []).map((option) => ({
              value: option.code,
              label: option.label,
            }))}
          />
        </Form.Item>
        <Form.Item
          label="舆情标题"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写舆情标题' }]}
        >
          <Input maxLength={LIMITS.title} showCount />
        </Form.Item>
        <Form.Item label="舆情摘要" name="summary">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item
          label="来源"
          name="source"
          rules={[{ required: true, whitespace: true, message: '请填写来源（媒体、网站等）' }]}
        >
          <Input maxLength={100} placeholder="媒体、网站、平台" />
        </Form.Item>
        <Form.Item label="来源链接" name="sourceUrl">
          <Input maxLength={500} placeholder="https://" />
        </Form.Item>
        <Form.Item
          label="发现时间"
          name="surfacedAt"
          extra="北京时间，精确到分钟；回应时限自此起算。"
          rules={[{ required: true, message: '请填写发现时间' }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        {category && (
          <Typography.Paragraph type="secondary">
            回应时限：
            {category.steps.map((step) => `${formatWithin(step.within)}内${step.label}`).join('；')}
          </Typography.Paragraph>
        )}
        {error && (
          <div style={{ marginBottom: 16 }}>
            <SubmitError error={error} />
          </div>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting}>
            登记
          </Button>
          <Button onClick={onCancel}>取消</Button>
        </Space>
      </Form>
    </Card>
  )
}
