import { Card, Descriptions, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { SupervisionItem } from '../../api/supervision.ts'
import { ClosingResult } from '../supervision/closing-result.tsx'
import { TimeLimit } from '../supervision/time-limit.tsx'

const none = <Typography.Text type="secondary">—</Typography.Text>

/** Where the item came from: the document it follows, when there is one. */
function sourceOf(item: SupervisionItem) {
  if (!item.documentId) return item.sourceLabel
  return (
    <>
      {item.sourceLabel}（<Link to={`/documents/${item.documentId}`}>查看公文</Link>）
    </>
  )
}

export function ItemSummary({ item }: { item: SupervisionItem }) {
  const extended = item.dueDate !== item.originalDueDate
  return (
    <Card title="督办事项信息">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'source', label: '来源', children: sourceOf(item) },
          { key: 'state', label: '状态', children: item.stateLabel },
          { key: 'lead', label: '牵头单位', children: item.leadDepartmentName || none },
          {
            key: 'co',
            label: '配合单位',
            children: item.coDepartmentNames.length ? item.coDepartmentNames.join('、') : none,
          },
          { key: 'person', label: '责任人', children: item.responsiblePerson || none },
          { key: 'assigned', label: '交办日期', children: item.assignedOn },
          { key: 'due', label: '办理时限', children: <TimeLimit item={item} /> },
          ...(extended
            ? [{ key: 'original', label: '原办理时限', children: item.originalDueDate }]
            : []),
          { key: 'closed', label: '办结日期', children: <ClosingResult item={item} /> },
        ]}
      />
      <Typography.Title level={4}>具体要求</Typography.Title>
      {item.requirement ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {item.requirement}
        </Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">（未填写具体要求）</Typography.Text>
      )}
    </Card>
  )
}
