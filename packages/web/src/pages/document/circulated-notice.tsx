import { Alert, Button, Space } from 'antd'
import { acknowledgeDocument } from '../../api/documents.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

/** A 待阅 from the office's 传阅: 已阅 closes it and is the read receipt the office sees. */
export function CirculatedNotice({
  documentId,
  onDone,
}: {
  documentId: string
  onDone: () => void
}) {
  const { submitting, error, act } = useAct(onDone)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title="办公室传阅此件，请阅知；阅后点“已阅”回执。" />
      <Button loading={submitting} onClick={() => act(() => acknowledgeDocument(documentId))}>
        已阅
      </Button>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
