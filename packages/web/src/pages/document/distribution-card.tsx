import { Alert, Button, Card, List, Popconfirm, Space, Tag, Typography } from 'antd'
import {
  type DistributionView,
  type DocumentReceipt,
  fetchDistribution,
  remindRecipients,
  signForDocument,
} from '../../api/distribution.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { LoadError } from '../../components/load-error.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { formatShanghaiTime } from '../../format.ts'

const ROLE_LABELS = { main: '主送', copy: '抄送' } as const

function ReceiptStatus({ receipt }: { receipt: DocumentReceipt }) {
  if (receipt.signedAt)
    return (
      <Typography.Text>
        <Tag color="green">已签收</Tag>
        {formatShanghaiTime(receipt.signedAt)}
        {receipt.signedBy &&
          ` · ${receipt.signedBy.name}${receipt.signedBy.title ? `（${receipt.signedBy.title}）` : ''}`}
      </Typography.Text>
    )
  return (
    <Space size={4} wrap>
      <Tag color="orange">未签收</Tag>
      {!receipt.staffed && <Tag color="red">无人在岗</Tag>}
      {receipt.reminders > 0 && receipt.remindedAt && (
        <Typography.Text type="secondary">
          已催收{receipt.reminders}次（最近 {formatShanghaiTime(receipt.remindedAt)}）
        </Typography.Text>
      )}
    </Space>
  )
}

/**
 * 分发情况 of an outgoing document: each 主送/抄送 unit with when it was delivered and when and by
 * whom it was signed for, the outside recipients sent on paper; 签收 for the viewer's unit, and
 * 催收 of the units that have not signed for the office that issued it.
 */
export function DistributionCard({
  documentId,
  onChanged,
}: {
  documentId: string
  onChanged: () => void
}) {
  const distribution = useLoad(`distribution:${documentId}`, (signal) =>
    fetchDistribution(documentId, signal),
  )
  const { submitting, error, submit } = useSubmit()
  const data = distribution.data
  if (distribution.error)
    return <LoadError error={distribution.error} onRetry={distribution.reload} />
  if (!data || (data.receipts.length === 0 && data.paper.length === 0)) return null

  const act = (request: () => Promise<DistributionView>) =>
    submit(async () => {
      await request()
      distribution.reload()
      onChanged()
    })

  return (
    <Card
      title="分发情况"
      extra={
        data.receipts.length > 0 && (
          <Typography.Text type="secondary">
            已签收 {data.signed} / {data.receipts.length}
          </Typography.Text>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {data.may.signFor && (
          <Alert
            type="info"
            showIcon
            title="本单位收到此件，请签收"
            action={
              <Button
                type="primary"
                loading={submitting}
                onClick={() => act(() => signForDocument(documentId))}
              >
                签收
              </Button>
            }
          />
        )}
        {data.receipts.length > 0 && (
          <List<DocumentReceipt>
            size="small"
            dataSource={data.receipts}
            rowKey={(receipt) => receipt.departmentId}
            renderItem={(receipt) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space size={4} wrap>
                      <Tag>{ROLE_LABELS[receipt.role]}</Tag>
                      {receipt.unitName}
                    </Space>
                  }
                  description={
                    <Space orientation="vertical" size={0}>
                      <Typography.Text type="secondary">
                        送达 {formatShanghaiTime(receipt.deliveredAt)}
                      </Typography.Text>
                      <ReceiptStatus receipt={receipt} />
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
        {!data.issued && data.paper.length > 0 && (
          <Typography.Text type="secondary">印发后送达所选本辖区单位签收。</Typography.Text>
        )}
        {data.paper.length > 0 && (
          <div>
            <Typography.Text strong>纸质分送：</Typography.Text>
            <Typography.Text>
              {data.paper.map((entry) => `${entry.name}（${ROLE_LABELS[entry.role]}）`).join('、')}
            </Typography.Text>
          </div>
        )}
        {data.may.remind && (
          <Popconfirm
            title={`催收 ${data.unsigned} 个未签收的单位？`}
            okText="催收"
            cancelText="取消"
            onConfirm={() => act(() => remindRecipients(documentId))}
          >
            <Button loading={submitting}>催收未签收单位（{data.unsigned}）</Button>
          </Popconfirm>
        )}
        {error && <SubmitError error={error} />}
      </Space>
    </Card>
  )
}
