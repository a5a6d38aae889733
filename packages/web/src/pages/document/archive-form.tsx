import { Button, Input, Popconfirm, Space, Typography } from 'antd'
import { useState } from 'react'
import { archiveDocument } from '../../api/documents.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { ACT_OPINION_MAX } from './sign-form.tsx'
import { useAct } from './use-act.ts'

/** 归档 with an optional opinion, after a confirmation: the record is closed for good. */
export function ArchiveForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const [opinion, setOpinion] = useState('')
  const { submitting, error, act } = useAct(onDone)
  const written = opinion.trim()
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">归档后，公文及其流转记录不能再更改。</Typography.Text>
      <Input.TextArea
        aria-label="归档意见"
        placeholder="归档意见（可不填），如：存档备查"
        rows={2}
        maxLength={ACT_OPINION_MAX}
        showCount
        value={opinion}
        onChange={(event) => setOpinion(event.target.value)}
      />
      <Popconfirm
        title="确认归档"
        description={
          <Typography.Text style={{ display: 'block', maxWidth: 280 }}>
            {written ? `归档意见：${written}。` : ''}归档后公文及其流转记录不能再更改。
          </Typography.Text>
        }
        okText="归档"
        cancelText="再看看"
        onConfirm={() => act(() => archiveDocument(documentId, written || undefined))}
      >
        <Button type="primary" loading={submitting}>
          归档
        </Button>
      </Popconfirm>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
