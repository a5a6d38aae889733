import {
  App,
  Breadcrumb,
  Button,
  Col,
  DatePicker,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { Link, useNavigate } from 'react-router-dom'
import { type AbsenceCategory, fileAbsence, previewAbsence } from '../../api/absences.ts'
import { fetchOrganisation } from '../../api/organisation.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { Form } from '../../components/form.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { useNarrow } from '../../layout/use-narrow.ts'
import { useMe } from '../../session/session-context.ts'
import { CATEGORY_OPTIONS } from './absence-labels.ts'
import { PreviewCard } from './preview-card.tsx'
import { DATE_FORMAT } from '../../format.ts'

interface AbsenceValues {
  postId: string
  category: AbsenceCategory
  from?: Dayjs
  to?: Dayjs
  destination: string
  reason: string
  contact: string
  standInPostId?: string
}

export function NewAbsencePage() {
  const me = useMe()
  if (me.adminRole || me.posts.length === 0)
    return <ForbiddenResult reason="管理员不任职务，不办理请假、外出报备" />
  return <NewAbsence />
}

/**
 * 请假、出差、出访、休假、离开辖区外出报备: the form shows what the rulebook answers (who approves
 * or whom to file with, who is informed, the lead time, conflicts, who will act) before it is sent.
 */
function NewAbsence() {
  const me = useMe()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm<AbsenceValues>()
  const { submitting, error, submit } = useSubmit()
  const narrow = useNarrow()
  // Posts held, not those acted for: a person asks leave from what they hold.
  const ownPosts = me.posts.filter((post) => post.actingFor === null)
  const current = ownPosts.find((post) => post.postId === me.currentPostId) ?? ownPosts[0]

  const postId = Form.useWatch('postId', form)
  const category = Form.useWatch('category', form)
  const from = Form.useWatch('from', form)
  const to = Form.useWatch('to', form)
  const standInPostId = Form.useWatch('standInPostId', form)
  const asked =
    postId && category && from && to && !to.isBefore(from, 'day')
      ? {
          postId,
          category,
          from: from.format(DATE_FORMAT),
          to: to.format(DATE_FORMAT),
          ...(standInPostId ? { standInPostId } : {}),
        }
      : null
  const preview = useLoad(asked ? `absence-preview:${JSON.stringify(asked)}` : null, (signal) =>
    previewAbsence(asked!, signal),
  )
  const chart = useLoad(`organisation:${me.jurisdiction?.id}`, (signal) =>
    fetchOrganisation(me.jurisdiction?.id ?? '', undefined, signal),
  )
  const standInOptions = (chart.data?.posts ?? [])
    .filter((post) => post.postId !== postId && !post.vacant)
    .map((post) => ({
      value: post.postId,
      label: `${post.title}（${post.holders.map((holder) => holder.name).join('、')}）`,
    }))

  const previewCard = (
    <PreviewCard
      preview={asked ? preview.data : undefined}
      error={asked ? preview.error : undefined}
      loading={preview.loading}
    />
  )

  function handleFinish(values: AbsenceValues) {
    if (!values.from || !values.to) return
    void submit(async () => {
      const view = await fileAbsence({
        postId: values.postId,
        category: values.category,
        from: values.from!.format(DATE_FORMAT),
        to: values.to!.format(DATE_FORMAT),
        destination: values.destination.trim(),
        reason: values.reason.trim(),
        contact: values.contact.trim(),
        ...(values.standInPostId ? { standInPostId: values.standInPostId } : {}),
      })
      message.success(view.mode === 'filing' ? '已报备' : '已提交审批')
      navigate(`/absences/${view.id}`)
    })
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/absences">请销假</Link> },
          { key: 'new', title: '请假报备' },
        ]}
      />
      <div>
        <PageTitle>请假报备</PageTitle>
        <Typography.Paragraph type="secondary">
          出差、出访、休假、学习、请假及离开辖区外出，按本辖区工作规则报批或报备；返回后及时销假。
        </Typography.Paragraph>
      </div>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={13}>
          <Form<AbsenceValues>
            form={form}
            name="new-absence"
            layout="vertical"
            initialValues={{ postId: current?.postId, category: 'businessTrip' }}
            onFinish={handleFinish}
          >
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item
                  label="职务"
                  name="postId"
                  rules={[{ required: true, message: '请选择职务' }]}
                >
                  <Select
                    options={ownPosts.map((post) => ({ value: post.postId, label: post.title }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  label="类别"
                  name="category"
                  rules={[{ required: true, message: '请选择类别' }]}
                >
                  <Select options={CATEGORY_OPTIONS} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  label="离开日期"
                  name="from"
                  rules={[{ required: true, message: '请选择离开日期' }]}
                >
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  label="返回日期"
                  name="to"
                  dependencies={['from']}
                  rules={[
                    { required: true, message: '请选择返回日期' },
                    ({ getFieldValue }) => ({
                      validator(_, value?: Dayjs) {
                        const start = getFieldValue('from') as Dayjs | undefined
                        return value && start && value.isBefore(start, 'day')
                          ? Promise.reject(new Error('返回日期不能早于离开日期'))
                          : Promise.resolve()
                      },
                    }),
                  ]}
                >
                  <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label="前往地点"
              name="destination"
              rules={[{ required: true, whitespace: true, message: '请填写前往地点' }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item
              label="事由"
              name="reason"
              rules={[{ required: true, whitespace: true, message: '请填写事由' }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount />
            </Form.Item>
            <Form.Item
              label="联系方式"
              name="contact"
              rules={[{ required: true, whitespace: true, message: '请填写外出期间的联系方式' }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              label="在家主持工作（可选）"
              name="standInPostId"
              extra="不填则按工作规则确定代行职责的人员。"
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={chart.loading}
                options={standInOptions}
              />
            </Form.Item>
            {/* On a phone the rule's answer comes before the button, not below it. */}
            {narrow && <Form.Item>{previewCard}</Form.Item>}
            {error && (
              <Form.Item>
                <SubmitError error={error} />
              </Form.Item>
            )}
            <Space>
              <Button type="primary" htmlType="submit" loading={submitting}>
                {preview.data?.mode === 'filing' ? '报备' : '提交审批'}
              </Button>
              <Button onClick={() => navigate('/absences')}>取消</Button>
            </Space>
          </Form>
        </Col>
        {!narrow && (
          <Col xs={24} lg={11}>
            {previewCard}
          </Col>
        )}
      </Row>
    </Space>
  )
}
