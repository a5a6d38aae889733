import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { Link, useNavigate } from 'react-router-dom'
import {
  EVENT_REQUEST_KIND_OPTIONS,
  type EventRequestInput,
  type EventRequestKind,
  type EventRequestScope,
  fileEventRequest,
  previewEventRequest,
} from '../../api/event-requests.ts'
import { fetchOrganisation } from '../../api/organisation.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { Form } from '../../components/form.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { useNarrow } from '../../layout/use-narrow.ts'
import { useMe } from '../../session/session-context.ts'
import { EventRequestChecks } from './event-request-parts.tsx'
import { DATE_FORMAT } from '../../format.ts'

interface Values {
  kind: EventRequestKind
  scope: EventRequestScope
  title: string
  date?: Dayjs
  time?: string
  place?: string
  invitedPostIds?: string[]
}

export function NewEventRequestPage() {
  const me = useMe()
  if (me.adminRole || me.posts.length === 0)
    return <ForbiddenResult reason="管理员不任职务，不办理会议活动申请" />
  return <NewEventRequest />
}

/**
 * 提出会议活动申请: the form shows, before sending, each rule the rulebook holds the request to
 * (how far ahead, the no-meeting week, the yearly cap) with its article, and whether it would be
 * accepted.
 */
function NewEventRequest() {
  const me = useMe()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const { submitting, error, submit } = useSubmit()
  const narrow = useNarrow()
  const kind = Form.useWatch('kind', form)
  const scope = Form.useWatch('scope', form)
  const date = Form.useWatch('date', form)
  const invitedPostIds = Form.useWatch('invitedPostIds', form)
  const asked: EventRequestInput | null =
    kind && scope && date
      ? {
          kind,
          scope,
          title: '预览',
          date: date.format(DATE_FORMAT),
          invitedPostIds: invitedPostIds ?? [],
        }
      : null
  const preview = useLoad(asked ? `event-preview:${JSON.stringify(asked)}` : null, (signal) =>
    previewEventRequest(asked!, signal),
  )
  const chart = useLoad(`organisation:${me.jurisdiction?.id}`, (signal) =>
    fetchOrganisation(me.jurisdiction?.id ?? '', undefined, signal),
  )
  // The government's leaders: the posts of no department (区长、副区长、秘书长…), as the chart has them.
  const leaderOptions = (chart.data?.posts ?? [])
    .filter((post) => post.department === null && !post.vacant)
    .map((post) => ({
      value: post.postId,
      label: `${post.title}（${post.holders.map((holder) => holder.name).join('、')}）`,
    }))

  const checksCard = (
    <Card
      title="规则检查（按工作规则）"
      role="region"
      aria-label="规则检查"
      loading={preview.loading && !preview.data}
    >
      {!asked && (
        <Typography.Text type="secondary">
          选择类别和日期后，这里显示须提前多久报送、是否在无会周、年度次数等规定及所依据的条款。
        </Typography.Text>
      )}
      {asked && preview.error && <LoadError error={preview.error} />}
      {asked && !preview.error && preview.data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text strong>{preview.data.summary}</Typography.Text>
          <EventRequestChecks
            checks={preview.data.checks}
            empty="本辖区工作规则对此类申请未规定提前时限或其他限制"
          />
        </Space>
      )}
    </Card>
  )

  function handleFinish(values: Values) {
    if (!values.date) return
    void submit(async () => {
      const view = await fileEventRequest({
        kind: values.kind,
        scope: values.scope,
        title: values.title.trim(),
        date: values.date!.format(DATE_FORMAT),
        ...(values.time?.trim() ? { time: values.time.trim() } : {}),
        ...(values.place?.trim() ? { place: values.place.trim() } : {}),
        invitedPostIds: values.invitedPostIds ?? [],
      })
      message.success(view.late ? '已提交（未满足原则性规定，已记录）' : '已提交，待办公室审核')
      navigate(`/event-requests/${view.id}`)
    })
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/event-requests">会议活动申请</Link> },
          { key: 'new', title: '提出申请' },
        ]}
      />
      <PageTitle>提出会议活动申请</PageTitle>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={narrow ? 24 : 13}>
          <Card>
            <Form<Values>
              form={form}
              name="new-event-request"
              layout="vertical"
              initialValues={{ kind: 'meeting', scope: 'countywide' }}
              onFinish={handleFinish}
            >
              <Form.Item
                label="类别"
                name="kind"
                rules={[{ required: true, message: '请选择类别' }]}
              >
                <Select options={EVENT_REQUEST_KIND_OPTIONS} />
              </Form.Item>
              <Form.Item label="范围" name="scope">
                <Radio.Group
                  options={[
                    { value: 'countywide', label: '全县（区、市）性' },
                    { value: 'other', label: '其他' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                label="会议或活动名称"
                name="title"
                rules={[{ required: true, whitespace: true, message: '请填写会议或活动名称' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="日期"
                    name="date"
                    rules={[{ required: true, message: '请选择日期' }]}
                  >
                    <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="时间" name="time">
                    <Input maxLength={64} placeholder="如：上午9:00" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="地点" name="place">
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item label="邀请领导" name="invitedPostIds">
                <Select
                  mode="multiple"
                  options={leaderOptions}
                  loading={chart.loading}
                  placeholder="不邀请可不选"
                  optionFilterProp="label"
                />
              </Form.Item>
              {/* On a phone the rules come before the button, not after the whole form. */}
              {narrow && <Form.Item>{checksCard}</Form.Item>}
              {error && (
                <Form.Item>
                  <SubmitError error={error} />
                </Form.Item>
              )}
              <Space>
                <Button type="primary" htmlType="submit" loading={submitting}>
                  提交申请
                </Button>
                <Button onClick={() => navigate('/event-requests')}>取消</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        {!narrow && (
          <Col xs={24} lg={11}>
            {checksCard}
          </Col>
        )}
      </Row>
    </Space>
  )
}
