import { App, Button, Card, Col, DatePicker, Input, Row, Select, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { type ActingDuty, designateActing } from '../../api/acting-duty.ts'
import type { OrganisationPost } from '../../api/types.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { Form } from '../../components/form.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { DATE_FORMAT } from '../../format.ts'

interface DesignationValues {
  postId: string
  actingPostId: string
  from: Dayjs
  to: Dayjs
  reason: string
}

/**
 * 明确代行人选: where the rule leaves the choice to the head (钟山 第六条: the deputy the 区长
 * designates), the office director records it. The server refuses it where the rule names the
 * acting post itself, with the article, and audits it.
 */
export function DesignationForm({
  posts,
  designable,
  onDone,
}: {
  posts: OrganisationPost[]
  /** Posts whose acting rule leaves the choice to the head, with the article. */
  designable: ActingDuty['designable']
  onDone: () => void
}) {
  const [form] = Form.useForm<DesignationValues>()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const options = posts.map((post) => ({
    value: post.postId,
    label: post.holders.length
      ? `${post.title}（${post.holders.map((holder) => holder.name).join('、')}）`
      : post.title,
  }))

  function handleFinish(values: DesignationValues) {
    void submit(async () => {
      await designateActing({
        postId: values.postId,
        actingPostId: values.actingPostId,
        from: values.from.format(DATE_FORMAT),
        to: values.to.format(DATE_FORMAT),
        reason: values.reason.trim(),
      })
      message.success('已明确代行人选')
      form.resetFields()
      onDone()
    })
  }

  return (
    <Card title="明确代行人选" role="region" aria-label="明确代行人选">
      <Typography.Paragraph type="secondary">
        规则将代行人选留待指定的（依据见下），或规则未作规定、出现无人代行的日子，由办公室主任明确代行人选；记入审计日志。
      </Typography.Paragraph>
      {designable.length > 0 && (
        <Typography.Paragraph>
          规则留待指定：
          {designable.map((post, index) => (
            <span key={post.postId}>
              {index > 0 && '；'}
              {post.postTitle}（{post.citations.map((citation) => citation.article).join('、')}）
            </span>
          ))}
        </Typography.Paragraph>
      )}
      <Form<DesignationValues>
        form={form}
        name="designation"
        layout="vertical"
        onFinish={handleFinish}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="被代行职务"
              name="postId"
              rules={[{ required: true, message: '请选择被代行的职务' }]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="代行职务"
              name="actingPostId"
              dependencies={['postId']}
              rules={[
                { required: true, message: '请选择代行的职务' },
                ({ getFieldValue }) => ({
                  validator(_, value?: string) {
                    return value && value === getFieldValue('postId')
                      ? Promise.reject(new Error('代行职务不能是被代行职务本身'))
                      : Promise.resolve()
                  },
                }),
              ]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="开始日期"
              name="from"
              rules={[{ required: true, message: '请选择开始日期' }]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="结束日期"
              name="to"
              dependencies={['from']}
              rules={[
                { required: true, message: '请选择结束日期' },
                ({ getFieldValue }) => ({
                  validator(_, value?: Dayjs) {
                    const start = getFieldValue('from') as Dayjs | undefined
                    return value && start && value.isBefore(start, 'day')
                      ? Promise.reject(new Error('结束日期不能早于开始日期'))
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
          label="委托事由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写委托事由' }]}
        >
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        {error && (
          <Form.Item>
            <SubmitError error={error} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={submitting}>
          明确代行
        </Button>
      </Form>
    </Card>
  )
}
