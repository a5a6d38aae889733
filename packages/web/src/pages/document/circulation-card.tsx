import { Card, Divider, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { fetchCirculation } from '../../api/circulation.ts'
import type { CirculationReceipt, OrganisationPost } from '../../api/types.ts'
import { useLoad } from '../../api/use-load.ts'
import { LoadError } from '../../components/load-error.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { CirculateForm } from './circulate-form.tsx'

const columns: TableColumnsType<CirculationReceipt> = [
  {
    title: '传阅对象',
    key: 'post',
    render: (_, receipt) => (
      <>
        {receipt.title}
        <br />
        <Typography.Text type="secondary">
          {receipt.holders.length ? receipt.holders.join('、') : '空缺'}
        </Typography.Text>
      </>
    ),
  },
  {
    title: '传阅时间',
    key: 'circulatedAt',
    render: (_, receipt) => formatShanghaiTime(receipt.circulatedAt),
  },
  {
    title: '阅毕',
    key: 'readAt',
    render: (_, receipt) =>
      receipt.readAt ? (
        <>
          <Tag color="green">已阅</Tag>
          {formatShanghaiTime(receipt.readAt)}
          {receipt.readBy && (
            <>
              <br />
              <Typography.Text type="secondary">{receipt.readBy}</Typography.Text>
            </>
          )}
        </>
      ) : receipt.outcome === 'archived' ? (
        <Tag>归档时未阅</Tag>
      ) : (
        <Tag color="orange">未阅</Tag>
      ),
  },
]

/**
 * 传阅 and its receipts: who has read the document (when, by whom) and who not yet; the office
 * also finds the form to circulate it here. Nothing shows for a document never circulated to a
 * post that may not circulate it.
 */
export function CirculationCard({
  documentId,
  posts,
  onChanged,
}: {
  documentId: string
  posts: OrganisationPost[] | undefined
  onChanged: () => void
}) {
  const circulation = useLoad(`circulation:${documentId}`, (signal) =>
    fetchCirculation(documentId, signal),
  )
  const data = circulation.data
  const unread = useMemo(
    () =>
      new Set(
        (data?.receipts ?? [])
          .filter((receipt) => !receipt.readAt && !receipt.outcome)
          .map((receipt) => receipt.postId),
      ),
    [data],
  )
  if (circulation.error) return <LoadError error={circulation.error} onRetry={circulation.reload} />
  if (!data || (!data.mayCirculate && data.receipts.length === 0)) return null
  const read = data.receipts.filter((receipt) => receipt.readAt).length

  return (
    <Card
      title="传阅"
      extra={
        data.receipts.length > 0 && (
          <Typography.Text type="secondary">
            已阅 {read} / {data.receipts.length}
          </Typography.Text>
        )
      }
    >
      {data.receipts.length === 0 ? (
        <Empty description="尚未传阅" />
      ) : (
        <Table<CirculationReceipt>
          rowKey={(receipt) => `${receipt.postId}:${receipt.circulatedAt}`}
          size="small"
          columns={columns}
          dataSource={data.receipts}
          pagination={false}
        />
      )}
      {data.mayCirculate && (
        <>
          <Divider />
          <CirculateForm
            documentId={documentId}
            posts={posts}
            alreadyUnread={unread}
            onDone={() => {
              circulation.reload()
              onChanged()
            }}
          />
        </>
      )}
    </Card>
  )
}
