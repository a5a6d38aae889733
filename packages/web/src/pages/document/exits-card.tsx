import { App, Button, Card, Divider, Input, Popconfirm, Select, Space, Typography } from 'antd'
import { Fragment } from 'react'
import {
  reassignTask,
  returnForRevision,
  voidDocument,
  withdrawDocument,
} from '../../api/documents.ts'
import type { DocumentView, OrganisationPost } from '../../api/types.ts'
import { Form } from '../../components/form.tsx'
import { holderText } from '../../components/current-holders.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { taskKindLabel } from '../../labels.ts'
import { TextActForm } from './text-act-form.tsx'
import { useAct } from './use-act.ts'

/**
 * The ways out of the flow open to the current post, as the server lists them (`may`): 撤回,
 * 退回修改, 作废 (confirmed, with a reason) and 改派 of a vacant post's task. 重新送审 is the
 * drafter's task (修改后重新送审) in the task panel.
 */
export function ExitsCard({
  view,
  posts,
  onDone,
}: {
  view: DocumentView
  posts: OrganisationPost[] | undefined
  onDone: () => void
}) {
  const { may, document } = view
  const parts = [
    may.withdraw && <WithdrawButton key="withdraw" documentId={document.id} onDone={onDone} />,
    may.returnForRevision && (
      <TextActForm
        key="return"
        name="return-for-revision"
        label="退回修改意见"
        maxLength={2000}
        placeholder="写明要修改什么，拟稿人将看到此意见"
        submitLabel="退回修改"
        send={(opinion) => returnForRevision(document.id, opinion)}
        onDone={onDone}
      />
    ),
    may.reassign &&
      view.holders
        .filter((holding) => holding.reassignable)
        .map((holding) => (
          <ReassignForm
            key={`reassign:${holding.taskId}`}
            documentId={document.id}
            taskId={holding.taskId}
            what={`${taskKindLabel(holding.kind)}：${holderText(holding)}`}
            posts={posts}
            onDone={onDone}
          />
        )),
    may.void && <VoidForm key="void" documentId={document.id} onDone={onDone} />,
  ].filter(Boolean)
  if (parts.length === 0) return null
  return (
    <Card title="撤回、退回与作废">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <Divider />}
          {part}
        </Fragment>
      ))}
    </Card>
  )
}

function WithdrawButton({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const { submitting, error, act } = useAct(onDone)
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">下一环节尚未办理，可以撤回此件。</Typography.Text>
      <Popconfirm
        title="撤回此件？"
        description="撤回后，已送出的待办将收回。"
        okText="撤回"
        cancelText="取消"
        onConfirm={() => act(() => withdrawDocument(documentId))}
      >
        <Button loading={submitting}>撤回</Button>
      </Popconfirm>
      {error && <SubmitError error={error} />}
    </Space>
  )
}

function VoidForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const { modal } = App.useApp()
  const { submitting, error, act } = useAct(onDone)
  return (
    <Form<{ reason: string }>
      name="void"
      layout="vertical"
      requiredMark={false}
      onFinish={({ reason }) =>
        modal.confirm({
          title: '作废此件？',
          content: '作废后此件不再办理，不能恢复。',
          okText: '作废',
          okButtonProps: { danger: true },
          cancelText: '取消',
          onOk: () => act(() => voidDocument(documentId, reason.trim())),
        })
      }
    >
      <Form.Item
        label="作废理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写作废理由' }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button danger htmlType="submit" loading={submitting}>
        作废
      </Button>
    </Form>
  )
}

function ReassignForm({
  documentId,
  taskId,
  what,
  posts,
  onDone,
}: {
  documentId: string
  taskId: string
  what: string
  posts: OrganisationPost[] | undefined
  onDone: () => void
}) {
  const { submitting, error, act } = useAct(onDone)
  const options = (posts ?? [])
    .filter((post) => !post.vacant)
    .map((post) => ({
      value: post.postId,
      label: `${post.title} ${post.holders.map((holder) => holder.name).join('、')}`,
    }))
  return (
    <Form<{ postId: string; reason: string }>
      name={`reassign-${taskId}`}
      layout="vertical"
      requiredMark={false}
      onFinish={({ postId, reason }) =>
        act(() => reassignTask(documentId, { taskId, postId, reason: reason.trim() }))
      }
    >
      <Typography.Paragraph>
        {what}：无人在岗，也无人代理。可改派给其他职务办理。
      </Typography.Paragraph>
      <Form.Item label="改派给" name="postId" rules={[{ required: true, message: '请选择职务' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          loading={!posts}
          disabled={!posts}
          placeholder="选择有人在岗的职务"
        />
      </Form.Item>
      <Form.Item
        label="改派理由"
        name="reason"
        rules={[{ required: true, whitespace: true, message: '请填写改派理由' }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        改派
      </Button>
    </Form>
  )
}
