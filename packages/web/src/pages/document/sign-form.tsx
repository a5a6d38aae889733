import { Button, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { signDocument } from '../../api/documents.ts'
import type { OutgoingPlan } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { SignOffNotice } from './sign-off-notice.tsx'
import { useAct } from './use-act.ts'
import type { SignOff } from './use-sign-off.ts'

/**
 * 签发: says first who must sign and under which article; the server checks the signer and any
 * 会签 still open, and a refusal is shown with the articles it rests on.
 */
export function SignForm({
  documentId,
  plan,
  signOff,
  onDone,
}: {
  documentId: string
  plan: OutgoingPlan | null
  signOff: SignOff | undefined
  onDone: () => void
}) {
  const [opinion, setOpinion] = useState('')
  const { submitting, error, act } = useAct(onDone)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {signOff ? (
        <SignOffNotice signOff={signOff} />
      ) : (
        plan && <Typography.Text>{plan.summary}</Typography.Text>
      )}
      <Input.TextArea
        aria-label="签发意见"
        placeholder="签发意见（可不填）"
        rows={2}
        maxLength={2000}
        value={opinion}
        onChange={(event) => setOpinion(event.target.value)}
      />
      <Button
        type="primary"
        loading={submitting}
        onClick={() => act(() => signDocument(documentId, opinion.trim() || undefined))}
      >
        签发
      </Button>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
