import { Card, Descriptions, Typography } from 'antd'
import type { DocumentRecord } from '../../api/types.ts'
import { formatShanghaiTime } from '../../format.ts'
import { DISCLOSURE_LABELS } from '../../labels.ts'
import { DocxLink } from './docx-link.tsx'

const none = <Typography.Text type="secondary">—</Typography.Text>

function listed(names: string[]) {
  return names.length > 0 ? names.join('、') : none
}

const SUBJECT_LABELS: Record<string, string> = {
  personnelAppointment: '人事任免',
  normativeDocument: '行政规范性文件',
  toPeoplesCongress: '向人大报告',
}

/** What the drafter said of the draft for sign-off (重要/全局性, 人事任免…): the signer follows. */
function signOffFactsOf(document: DocumentRecord) {
  const facts = document.plan?.facts
  if (!facts) return none
  const said = [
    ...(facts.important ? ['重要/全局性公文'] : []),
    ...facts.subjects.map((subject) => SUBJECT_LABELS[subject] ?? subject),
  ]
  return said.length > 0 ? said.join('、') : '一般公文'
}

function disclosureOf(document: DocumentRecord) {
  if (!document.disclosure) return <Typography.Text type="secondary">印发时确定</Typography.Text>
  const label = DISCLOSURE_LABELS[document.disclosure] ?? document.disclosure
  return document.disclosureReason ? `${label}（${document.disclosureReason}）` : label
}

/** 公文信息 of an outgoing document: its number once assigned, recipients, disclosure, body. */
export function OutgoingSummary({
  document,
  draftingUnit,
}: {
  document: DocumentRecord
  draftingUnit: string | undefined
}) {
  return (
    <Card title="公文信息" extra={<DocxLink documentId={document.id} />}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'number',
            label: '发文字号',
            children: document.documentNumber ?? (
              <Typography.Text type="secondary">
                签发后登记编号（{document.plan?.prefix ?? '—'}）
              </Typography.Text>
            ),
          },
          { key: 'drafter', label: '拟稿单位', children: draftingUnit ?? none },
          { key: 'main', label: '主送', children: listed(document.mainRecipients) },
          { key: 'copy', label: '抄送', children: listed(document.copyRecipients) },
          { key: 'facts', label: '签发情形', children: signOffFactsOf(document) },
          { key: 'secrecyPeriod', label: '保密期限', children: document.secrecyPeriod ?? none },
          { key: 'disclosure', label: '公开属性', children: disclosureOf(document) },
          { key: 'drafted', label: '拟稿时间', children: formatShanghaiTime(document.createdAt) },
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
