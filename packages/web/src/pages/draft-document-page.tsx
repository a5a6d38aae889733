import { Alert, App, Button, Space, Typography } from 'antd'
import { useNavigate } from 'react-router-dom'
import { draftOutgoing, fetchDocumentPrefixes } from '../api/documents.ts'
import { fetchOrganisation } from '../api/organisation.ts'
import { useLoad } from '../api/use-load.ts'
import { useSubmit } from '../api/use-submit.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { SubmitError } from '../components/submit-error.tsx'
import { postLabel } from '../labels.ts'
import { useMe } from '../session/session-context.ts'
import { DraftFields, type DraftValues, draftOf } from './draft-document/draft-fields.tsx'
import { Form } from '../components/form.tsx'

export function DraftDocumentPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理公文，不能拟稿" />
  return <DraftDocument />
}

function DraftDocument() {
  const me = useMe()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const current = me.posts.find((post) => post.postId === me.currentPostId)
  const jurisdictionId = me.jurisdiction?.id
  const prefixes = useLoad('document-prefixes', (signal) => fetchDocumentPrefixes(signal))
  // The units that may be asked to countersign.
  const chart = useLoad(jurisdictionId ? `organisation:${jurisdictionId}` : null, (signal) =>
    fetchOrganisation(jurisdictionId ?? '', undefined, signal),
  )

  function handleFinish(values: DraftValues) {
    void submit(async () => {
      const view = await draftOutgoing(draftOf(values))
      message.success('已拟稿送审')
      navigate(`/documents/${view.document.id}`)
    })
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 860 }}>
      <div>
        <PageTitle>拟稿发文</PageTitle>
        <Typography.Paragraph type="secondary">
          {`${current ? `以“${postLabel(current)}”所在单位` : '以所在单位'}拟稿，以${
            me.jurisdiction?.name ?? '本级政府'
          }或其办公室的名义发文；核稿和签发环节按规则库确定，拟稿后即在公文页显示。`}
        </Typography.Paragraph>
      </div>
      {/* A leader may draft, but a rule whose chain starts at the drafting unit refuses it. */}
      {current && current.departmentId === null && (
        <Alert
          type="info"
          showIcon
          title={`“${postLabel(current)}”不属于任何单位`}
          description="规则要求由涉及部门拟稿、经其主要负责人核稿的，以领导职务拟稿将被拒绝并说明所依条款；可在页面顶部切换到所在单位的职务后拟稿。"
        />
      )}
      {prefixes.error && <LoadError error={prefixes.error} onRetry={prefixes.reload} />}
      {chart.error && <LoadError error={chart.error} onRetry={chart.reload} />}
      <Form<DraftValues>
        name="draft-document"
        layout="vertical"
        initialValues={{ urgency: 'normal', direction: 'downward' }}
        onFinish={handleFinish}
      >
        <DraftFields
          prefixes={prefixes.data}
          departments={chart.data?.departments}
          deputies={chart.data?.posts
            .filter((post) => post.portfolio.length > 0)
            .map((post) => ({ postId: post.postId, title: post.title }))}
          draftingDepartmentId={current?.departmentId ?? null}
        />
        {error && (
          <Form.Item>
            <SubmitError error={error} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={submitting}>
          拟稿送审
        </Button>
      </Form>
    </Space>
  )
}
