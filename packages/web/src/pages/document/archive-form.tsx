import { Button, Space, Typography } from 'antd'
import { archiveDocument } from '../../api/documents.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

/** 归档: the record is closed for good, down to the database. */
export function ArchiveForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const { submitting, error, act } = useAct(onDone)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">归档后，公文及其流转记录不能再更改。</Typography.Text>
      <Button
        type="primary"
        loading={submitting}
        onClick={() => act(() => archiveDocument(documentId))}
      >
        归档
      </Button>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
