import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Popconfirm,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import { Link, useParams } from 'react-router-dom'
import { closeOpinion, fetchOpinion, type OpinionView, respondToOpinion } from '../../api/duty.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { Form } from '../../components/form.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { beijingInstant, shanghaiMinute, useServerNow } from '../duty/duty-time.ts'
import { StepCountdowns } from '../duty/step-countdown.tsx'
import { OPINION_STATUS } from './opinions-page.tsx'

/** One public-opinion item: its response deadlines counting down, the responses published, responding. */
export function OpinionPage() {
  const { id = '' } = useParams()
  const view = useLoad(`opinion:${id}`, (signal) => fetchOpinion(id, signal))
  if (view.error && !view.data) return <LoadError error={view.error} onRetry={view.reload} />
  if (!view.data) return <PageLoading />
  return <Opinion view={view.data} onChanged={view.reload} />
}

function Opinion({ view, onChanged }: { view: OpinionView; onChanged: () => void }) {
  const now = useServerNow(view.serverNow)
  const { item } = view
  const labels = new Map(item.steps.map((step) => [step.act, step.label]))
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/opinions">政务舆情</Link> }, { title: '舆情' }]} />
      <PageTitle>{item.title}</PageTitle>
      <Space wrap>
        <Tag>{item.categoryLabel ?? item.category}</Tag>
        <Tag color={OPINION_STATUS[item.status]?.color}>{item.statusLabel}</Tag>
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 3 }}>
        <Descriptions.Item label="来源">
          {item.sourceUrl ? (
            <a href={item.sourceUrl} target="_blank" rel="noreferrer">
              {item.source}
            </a>
          ) : (
            item.source
          )}
        </Descriptions.Item>
        <Descriptions.Item label="发现时间">{shanghaiMinute(item.surfacedAt)}</Descriptions.Item>

        <Descriptions.Item label="回应单位">
          {item.responsibleDepartmentName ?? '—'}
        </Descriptions.Item>
        {item.summary && (
          <Descriptions.Item label="舆情摘要" span={3}>
            {item.summary}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card title="回应时限" size="small">
        <StepCountdowns steps={item.steps} now={now} label="回应时限" />
        {view.citations.length > 0 && (
          <div style={{ marginTop: 12 }}>
            <CitationList citations={view.citations} />
          </div>
        )}
      </Card>
      <Card title="已发布的回应" size="small">
        {view.responses.length === 0 ? (
          <Empty description="尚未回应" />
        ) : (
          <Timeline
            items={view.responses.map((response) => ({
              content: (
                <div>
                  <Space wrap size={6}>
                    <Typography.Text strong>
                      {response.stepAct
                        ? (labels.get(response.stepAct) ?? response.stepAct)
                        : '回应'}
                    </Typography.Text>
                    <Tag>{response.channel}</Tag>
                    <Typography.Text type="secondary">
                      {shanghaiMinute(response.publishedAt)}
                    </Typography.Text>
                    {response.url && (
                      <a href={response.url} target="_blank" rel="noreferrer">
                        链接
                      </a>
                    )}
                  </Space>
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {response.body}
                  </Typography.Paragraph>
                </div>
              ),
            }))}
          />
        )}
      </Card>
      {(view.canRespond || view.canClose) && <RespondForm view={view} onDone={onChanged} />}
    </Space>
  )
}

interface ResponseValues {
  stepAct?: string
  publishedAt?: string
  channel: string
  url?: string
  body: string
}

function RespondForm({ view, onDone }: { view: OpinionView; onDone: () => void }) {
  const [form] = Form.useForm<ResponseValues>()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const closing = useSubmit()
  return (
    <Card title="登记回应" size="small">
      <Form<ResponseValues>
        form={form}
        layout="vertical"
        aria-label="登记回应"
        onFinish={(values) =>
          submit(async () => {
            await respondToOpinion(view.item.id, {
              ...(values.stepAct ? { stepAct: values.stepAct } : {}),
              publishedAt: beijingInstant(values.publishedAt!),
              channel: values.channel,
              ...(values.url ? { url: values.url } : {}),
              body: values.body,
            })
            message.success('回应已登记')
            form.resetFields()
            onDone()
          })
        }
      >
        <Form.Item label="回应环节" name="stepAct">
          <Select
            allowClear
            options={view.item.steps.map((step) => ({ value: step.act, label: step.label }))}
          />
        </Form.Item>
        <Form.Item
          label="发布时间"
          name="publishedAt"
          rules={[{ required: true, message: '请填写发布时间' }]}
        >
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item
          label="发布渠道"
          name="channel"
          rules={[{ required: true, whitespace: true, message: '请填写发布渠道' }]}
        >
          <Input maxLength={100} placeholder="政府网站、政务新媒体、新闻发布会" />
        </Form.Item>
        <Form.Item label="链接" name="url">
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          label="回应内容"
          name="body"
          rules={[{ required: true, whitespace: true, message: '请填写回应内容' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
        </Form.Item>
        {error && (
          <div style={{ marginBottom: 16 }}>
            <SubmitError error={error} />
          </div>
        )}
        {closing.error && (
          <div style={{ marginBottom: 16 }}>
            <SubmitError error={closing.error} />
          </div>
        )}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={submitting} disabled={!view.canRespond}>
            登记回应
          </Button>
          {view.canClose && (
            <Popconfirm
              title="确认结束该舆情的回应？"
              okText="结束"
              cancelText="取消"
              onConfirm={() =>
                closing.submit(async () => {
                  await closeOpinion(view.item.id)
                  onDone()
                })
              }
            >
              <Button loading={closing.submitting}>结束</Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
    </Card>
  )
}
