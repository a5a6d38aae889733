import { Alert, Button, Space } from 'antd'
import { acknowledgeDocument } from '../../api/documents.ts'
import type { DocumentRecord } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

/** 待阅: an incoming result answered to the unit, or an issued document; 已阅 closes it. */
export function ReadNotice({ document, onDone }: { document: DocumentRecord; onDone: () => void }) {
  const { submitting, error, act } = useAct(onDone)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={
          document.direction === 'outgoing'
            ? `公文已印发${document.documentNumber ? `（${document.documentNumber}）` : ''}，请阅知。`
            : '办理结果已答复本单位，请阅知。'
        }
      />
      <Button loading={submitting} onClick={() => act(() => acknowledgeDocument(document.id))}>
        已阅
      </Button>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
