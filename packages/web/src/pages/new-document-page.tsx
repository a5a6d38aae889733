import { App, Button, Space, Typography } from 'antd'
import { useNavigate } from 'react-router-dom'
import { submitIncoming } from '../api/documents.ts'
import { useSubmit } from '../api/use-submit.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { SubmitError } from '../components/submit-error.tsx'
import { postLabel } from '../labels.ts'
import { useMe } from '../session/session-context.ts'
import {
  SubmissionFields,
  type SubmissionValues,
  submissionOf,
} from './new-document/submission-fields.tsx'
import { Form } from '../components/form.tsx'

export function NewDocumentPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理公文，不能报送公文" />
  return <NewDocument />
}

function NewDocument() {
  const me = useMe()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const current = me.posts.find((post) => post.postId === me.currentPostId)

  function handleFinish(values: SubmissionValues) {
    void submit(async () => {
      const view = await submitIncoming(submissionOf(values))
      message.success('已报送')
      navigate(`/documents/${view.document.id}`)
    })
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <div>
        <PageTitle>报送公文</PageTitle>
        <Typography.Paragraph type="secondary">
          {current ? `以“${postLabel(current)}”所在单位的名义` : '以所在单位的名义'}向
          {me.jurisdiction?.name ?? '本级政府'}报送公文，由办公室签收登记后按规定办理。
        </Typography.Paragraph>
      </div>
      <Form<SubmissionValues>
        name="submit-document"
        layout="vertical"
        initialValues={{
          urgency: 'normal',
          mainRecipients: me.jurisdiction ? [me.jurisdiction.name] : [],
        }}
        onFinish={handleFinish}
      >
        <SubmissionFields />
        {error && (
          <Form.Item>
            <SubmitError error={error} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={submitting}>
          报送
        </Button>
      </Form>
    </Space>
  )
}
