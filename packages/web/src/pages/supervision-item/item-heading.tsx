import { Space, Tag } from 'antd'
import type { SupervisionItem } from '../../api/supervision.ts'
import { PageTitle } from '../../components/page-title.tsx'
import { CLEARANCE_LABELS } from '../../labels.ts'
import { stateColorOf } from '../supervision/supervision-labels.ts'

export function ItemHeading({ item }: { item: SupervisionItem }) {
  return (
    <div>
      <PageTitle>{item.title}</PageTitle>
      <Space size={[0, 8]} wrap>
        <Tag color={stateColorOf(item.state)}>{item.stateLabel}</Tag>
        {item.overdue && <Tag color="red">逾期</Tag>}
        <Tag>{item.sourceLabel}</Tag>
        <Tag color={item.secrecy === 'public' ? undefined : 'gold'}>
          {CLEARANCE_LABELS[item.secrecy as keyof typeof CLEARANCE_LABELS] ?? item.secrecy}
        </Tag>
      </Space>
    </div>
  )
}
