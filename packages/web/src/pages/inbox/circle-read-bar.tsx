import { Alert, App, Button, Flex, Typography } from 'antd'
import { useState } from 'react'
import { type AcknowledgeManyResult, acknowledgeDocuments } from '../../api/leader-desk.ts'
import type { HeldPost, InboxEntry } from '../../api/types.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { SubmitError } from '../../components/submit-error.tsx'

/**
 * A 待阅 the current post can mark read here: sent to the post itself (传阅) or to its unit (a
 * result, an issued document). A 待阅 of another post the person holds needs a switch first.
 */
export function circleReadable(entry: InboxEntry, current: HeldPost | undefined): boolean {
  if (entry.task.kind !== 'read' || !current) return false
  if (entry.task.assigneePostId !== null) return entry.task.assigneePostId === current.postId
  return entry.task.assigneeDepartmentId !== null
    ? entry.task.assigneeDepartmentId === current.departmentId
    : false
}

/**
 * 圈阅 of the chosen 待阅 in one act: each document is marked read on its own (已阅, the read
 * receipt the office sees); those the server refuses are listed by title with its reason.
 */
export function CircleReadBar({
  selected,
  onDone,
}: {
  selected: InboxEntry[]
  onDone: () => void
}) {
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const [result, setResult] = useState<AcknowledgeManyResult | null>(null)
  const documentIds = [...new Set(selected.map((entry) => entry.document.id))]

  function circleRead() {
    void submit(async () => {
      const answer = await acknowledgeDocuments(documentIds)
      setResult(answer)
      if (answer.read.length > 0) message.success(`已圈阅 ${answer.read.length} 件`)
      onDone()
    })
  }

  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={12} wrap>
        <Button
          type="primary"
          disabled={documentIds.length === 0}
          loading={submitting}
          onClick={circleRead}
        >
          圈阅所选{documentIds.length > 0 ? `（${documentIds.length} 件）` : ''}
        </Button>
        <Typography.Text type="secondary">勾选待阅公文，一次标记为已阅。</Typography.Text>
      </Flex>
      {error && <SubmitError error={error} />}
      {result && result.refused.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setResult(null) }}
          title={`以下 ${result.refused.length} 件未能圈阅，其余已圈阅：`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {result.refused.map((refusal) => (
                <li key={refusal.documentId}>
                  {refusal.title ? `《${refusal.title}》` : '（无权查看或已不存在的公文）'}：
                  {refusal.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Flex>
  )
}
