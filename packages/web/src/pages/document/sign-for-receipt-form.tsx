import { Button, Space, Typography } from 'antd'
import { signForDocument } from '../../api/distribution.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { SubmitError } from '../../components/submit-error.tsx'

/** 签收 of an issued document the unit received: the time, the person and the post are recorded. */
export function SignForReceiptForm({
  documentId,
  onDone,
}: {
  documentId: string
  onDone: () => void
}) {
  const { submitting, error, submit } = useSubmit()
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        本单位是此件的主送或抄送单位。签收后，印发单位可看到签收时间和签收人。
      </Typography.Text>
      <Button
        type="primary"
        loading={submitting}
        onClick={() =>
          submit(async () => {
            await signForDocument(documentId)
            onDone()
          })
        }
      >
        签收
      </Button>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
