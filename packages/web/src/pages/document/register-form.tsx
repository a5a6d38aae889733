import { Button, Checkbox, Space } from 'antd'
import { useState } from 'react'
import { registerDocument } from '../../api/documents.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

/** 签收登记: the processing limit starts today, longer when the matter is complex. */
export function RegisterForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const [complex, setComplex] = useState(false)
  const { submitting, error, act } = useAct(onDone)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Checkbox checked={complex} onChange={(event) => setComplex(event.target.checked)}>
        事项较为复杂、涉及面广（按规定延长办理时限）
      </Checkbox>
      <Button
        type="primary"
        loading={submitting}
        onClick={() => act(() => registerDocument(documentId, complex))}
      >
        签收登记
      </Button>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
