import { Button, Input, Select } from 'antd'
import { useMemo } from 'react'
import { circulateDocument } from '../../api/circulation.ts'
import type { OrganisationPost } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'
import { Form } from '../../components/form.tsx'

interface Values {
  postIds: string[]
  note?: string
}

/** 传阅: the office picks posts (leaders, department heads) to read the document. */
export function CirculateForm({
  documentId,
  posts,
  alreadyUnread,
  onDone,
}: {
  documentId: string
  /** The jurisdiction's posts from the organisation chart; undefined while it loads. */
  posts: OrganisationPost[] | undefined
  /** Posts holding an unread copy already: the server would refuse them. */
  alreadyUnread: ReadonlySet<string>
  onDone: () => void
}) {
  const [form] = Form.useForm<Values>()
  const { submitting, error, act } = useAct(() => {
    form.resetFields()
    onDone()
  })
  const options = useMemo(
    () =>
      (posts ?? []).map((post) => {
        const holders = post.holders.map((holder) => holder.name).join('、')
        return {
          value: post.postId,
          label: holders ? `${post.title}（${holders}）` : `${post.title}（空缺）`,
          disabled: alreadyUnread.has(post.postId),
        }
      }),
    [posts, alreadyUnread],
  )

  function handleFinish(values: Values) {
    act(() =>
      circulateDocument(documentId, {
        postIds: values.postIds,
        note: values.note?.trim() || undefined,
      }),
    )
  }

  return (
    <Form<Values>
      form={form}
      name="circulate"
      layout="vertical"
      requiredMark={false}
      onFinish={handleFinish}
    >
      <Form.Item
        label="传阅对象"
        name="postIds"
        extra="所选职务各收到一件待阅，阅后点“已阅”即为阅毕回执。"
        rules={[{ required: true, message: '请至少选择一个传阅对象' }]}
      >
        <Select
          mode="multiple"
          placeholder="选择领导或部门负责人"
          loading={!posts}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label="传阅说明" name="note">
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        传阅
      </Button>
    </Form>
  )
}
