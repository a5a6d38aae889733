import { PrinterOutlined } from '@ant-design/icons'
import { Button, Space, Tag } from 'antd'
import { Link } from 'react-router-dom'
import type { DocumentRecord } from '../../api/types.ts'
import { PageTitle } from '../../components/page-title.tsx'
import { UrgencyTag } from '../../components/urgency-tag.tsx'
import { CLEARANCE_LABELS, documentStateLabel } from '../../labels.ts'

const STATE_COLORS: Record<string, string> = {
  returned: 'red',
  closed: 'green',
  issued: 'green',
  archived: 'green',
}

/** 密级和保密期限 as GB/T 9704 marks them (秘密★10年); 内部 and 公开 by name. */
export function secrecyMark(document: Pick<DocumentRecord, 'secrecy' | 'secrecyPeriod'>) {
  const name = CLEARANCE_LABELS[document.secrecy] ?? document.secrecy
  const classified = document.secrecy === 'secret' || document.secrecy === 'confidential'
  return classified && document.secrecyPeriod ? `${name}★${document.secrecyPeriod}` : name
}

export function DocumentHeading({ document }: { document: DocumentRecord }) {
  return (
    <div>
      <PageTitle>{document.title}</PageTitle>
      <Space size={[0, 8]} wrap>
        <Tag color={STATE_COLORS[document.state] ?? 'blue'}>
          {documentStateLabel(document.state)}
        </Tag>
        {document.documentNumber && <Tag color="geekblue">{document.documentNumber}</Tag>}
        <Tag>{document.kind}</Tag>
        <Tag color={document.secrecy === 'public' ? undefined : 'gold'} title="密级和保密期限">
          {secrecyMark(document)}
        </Tag>
        <UrgencyTag urgency={document.urgency} />
        <Link to={`/documents/${encodeURIComponent(document.id)}/sheet`}>
          <Button size="small" icon={<PrinterOutlined aria-hidden />}>
            {document.direction === 'incoming' ? '文件处理笺' : '发文稿纸'}
          </Button>
        </Link>
      </Space>
    </div>
  )
}
