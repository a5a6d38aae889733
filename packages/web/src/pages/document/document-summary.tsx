import { Card, Descriptions, Typography } from 'antd'
import type { DocumentRecord } from '../../api/types.ts'
import { DueDate } from '../../components/due-date.tsx'
import { formatShanghaiTime } from '../../format.ts'

const none = <Typography.Text type="secondary">—</Typography.Text>

function listed(names: string[]) {
  return names.length > 0 ? names.join('、') : none
}

function dueDateOf(document: DocumentRecord, workingDaysLeft: number | null | undefined) {
  if (!document.dueDate)
    return document.state === 'submitted' ? (
      <Typography.Text type="secondary">签收登记后按规定起算</Typography.Text>
    ) : (
      none
    )
  if (document.state === 'closed') return document.dueDate
  return <DueDate date={document.dueDate} workingDaysLeft={workingDaysLeft} />
}

export function DocumentSummary({
  document,
  senderName,
  workingDaysLeft,
}: {
  document: DocumentRecord
  senderName: string | undefined
  workingDaysLeft: number | null | undefined
}) {
  return (
    <Card title="公文信息">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'receiptNumber',
            label: '收文编号',
            children: document.receiptNumber ?? (
              <Typography.Text type="secondary">签收登记时编号</Typography.Text>
            ),
          },
          {
            key: 'sender',
            label: '来文单位',
            children: senderName ?? document.externalSender ?? none,
          },
          { key: 'reference', label: '来文文号', children: document.senderReference ?? none },
          // 来文 the office registered: 份数 and 收文日期 instead of what a unit's 报送 carries.
          ...(document.externalSender
            ? [
                { key: 'copies', label: '份数', children: document.copies ?? none },
                { key: 'receivedOn', label: '收文日期', children: document.receivedOn ?? none },
                {
                  key: 'registered',
                  label: '登记时间',
                  children: formatShanghaiTime(document.createdAt),
                },
              ]
            : [
                { key: 'main', label: '主送', children: listed(document.mainRecipients) },
                { key: 'signatories', label: '签发人', children: listed(document.signatories) },
                { key: 'contact', label: '联系人', children: document.contact ?? none },
                {
                  key: 'submitted',
                  label: '报送时间',
                  children: formatShanghaiTime(document.createdAt),
                },
              ]),
          { key: 'secrecyPeriod', label: '保密期限', children: document.secrecyPeriod ?? none },
          { key: 'due', label: '办理期限', children: dueDateOf(document, workingDaysLeft) },
        ]}
      />
      <Typography.Title level={4}>正文</Typography.Title>
      {document.body ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {document.body}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">（无正文）</Typography.Text>
      )}
    </Card>
  )
}
