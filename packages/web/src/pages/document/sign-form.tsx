import { Button, Input, Popconfirm, Space, Typography } from 'antd'
import { useState } from 'react'
import { signDocument } from '../../api/documents.ts'
import type { OutgoingPlan } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { PhrasePicker, withPhrase } from './phrase-picker.tsx'
import { SignOffNotice } from './sign-off-notice.tsx'
import { useAct } from './use-act.ts'
import type { SignOff } from './use-sign-off.ts'

/** 签发意见 and 归档意见: the server refuses more (OPINION_TOO_LONG). */
export const ACT_OPINION_MAX = 500

/**
 * 签发: says first who must sign and under which article; the signer may write an opinion
 * (同意印发…, a 常用批示语 one click away) and confirms before signing. The server checks the
 * signer and any 会签 still open; a refusal is shown with the articles it rests on.
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
  const written = opinion.trim()

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {signOff ? (
        <SignOffNotice signOff={signOff} />
      ) : (
        plan && <Typography.Text>{plan.summary}</Typography.Text>
      )}
      <Input.TextArea
        aria-label="签发意见"
        placeholder="签发意见（可不填），如：同意印发"
        rows={2}
        maxLength={ACT_OPINION_MAX}
        showCount
        value={opinion}
        onChange={(event) => setOpinion(event.target.value)}
      />
      <PhrasePicker onPick={(phrase) => setOpinion((current) => withPhrase(current, phrase))} />
      <Popconfirm
        title="确认签发"
        description={
          <Typography.Text style={{ display: 'block', maxWidth: 280 }}>
            {written ? `签发意见：${written}` : '未填写签发意见，将记为“签发”。'}
            签发后交登记编号，不能撤回。
          </Typography.Text>
        }
        okText="签发"
        cancelText="再看看"
        onConfirm={() => act(() => signDocument(documentId, written || undefined))}
      >
        <Button type="primary" loading={submitting}>
          签发
        </Button>
      </Popconfirm>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
