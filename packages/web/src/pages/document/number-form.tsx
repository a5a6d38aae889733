import { Button, Space, Typography } from 'antd'
import { numberDocument } from '../../api/documents.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

/** 登记编号: the server gives the next number of the prefix this year, never twice. */
export function NumberForm({
  documentId,
  prefix,
  onDone,
}: {
  documentId: string
  prefix: string | undefined
  onDone: () => void
}) {
  const { submitting, error, act } = useAct(onDone)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        已签发，{prefix ? `按“${prefix}”` : ''}编定本年度的下一个发文字号。
      </Typography.Text>
      <Button
        type="primary"
        loading={submitting}
        onClick={() => act(() => numberDocument(documentId))}
      >
        登记编号
      </Button>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
