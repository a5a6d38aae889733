import { Button, Checkbox, Space } from 'antd'
import { useState } from 'react'
import { registerDocument } from '../../api/documents.ts'
import type { DocumentEvent } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

/** Whether the unit said at 报送 that it sends a 规范性文件 (the act's record says so). */
export function normativeSaidAt(events: readonly DocumentEvent[]): boolean {
  const submitted = events.find((event) => event.action === 'submit')
  const categories = submitted?.details.categories
  return Array.isArray(categories) && categories.includes('normativeDocument')
}

/**
 * 签收登记: the processing limit starts today, longer when the matter is complex. The registrar
 * confirms or corrects whether the unit sent a 规范性文件 (初审 then asks about its content).
 */
export function RegisterForm({
  documentId,
  normativeSaid,
  onDone,
}: {
  documentId: string
  /** What the unit said at 报送. */
  normativeSaid: boolean
  onDone: () => void
}) {
  const [complex, setComplex] = useState(false)
  const [normativeDocument, setNormativeDocument] = useState(normativeSaid)
  const { submitting, error, act } = useAct(onDone)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Checkbox checked={complex} onChange={(event) => setComplex(event.target.checked)}>
        事项较为复杂、涉及面广（按规定延长办理时限）
      </Checkbox>
      <Checkbox
        checked={normativeDocument}
        onChange={(event) => setNormativeDocument(event.target.checked)}
      >
        本件为规范性文件（初审时审查其内容）{normativeSaid ? '——报送单位已注明' : ''}
      </Checkbox>
      <Button
        type="primary"
        loading={submitting}
        onClick={() => act(() => registerDocument(documentId, { complex, normativeDocument }))}
      >
        签收登记
      </Button>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
