import { Button, Input, Space } from 'antd'
import { useState } from 'react'
import { instructOnDocument } from '../../api/documents.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { PhrasePicker, withPhrase } from './phrase-picker.tsx'
import { useAct } from './use-act.ts'

/** 批示 in words (a 常用批示语 one click away), or 圈阅, whose meaning the rulebook gives by 文种. */
export function InstructForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const [text, setText] = useState('')
  const { submitting, error, act } = useAct(onDone)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Input.TextArea
        aria-label="批示意见"
        placeholder="批示意见"
        rows={3}
        maxLength={2000}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <PhrasePicker onPick={(phrase) => setText((current) => withPhrase(current, phrase))} />
      <Space>
        <Button
          type="primary"
          loading={submitting}
          disabled={!text.trim()}
          onClick={() => act(() => instructOnDocument(documentId, { text: text.trim() }))}
        >
          批示
        </Button>
        <Button
          loading={submitting}
          onClick={() => act(() => instructOnDocument(documentId, { circleRead: true }))}
        >
          圈阅
        </Button>
      </Space>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
