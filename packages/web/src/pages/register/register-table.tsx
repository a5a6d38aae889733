import { Table, type TableColumnsType, Tag, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type {
  Holding,
  IncomingRegisterRow,
  OutgoingRegisterRow,
  RegisterPage,
} from '../../api/types.ts'
import { holderText } from '../../components/current-holders.tsx'
import { UrgencyTag } from '../../components/urgency-tag.tsx'
import {
  CLEARANCE_LABELS,
  DISCLOSURE_LABELS,
  documentStateLabel,
  taskKindLabel,
} from '../../labels.ts'

const none = <Typography.Text type="secondary">—</Typography.Text>
const text = (value: string | null) => value ?? none
const titleLink = (id: string, title: string) => <Link to={`/documents/${id}`}>{title}</Link>
const state = (code: string) => <Tag>{documentStateLabel(code)}</Tag>
/** 当前办理: each holder with what they are to do; nobody once the document has ended. */
const holdersOf = (holdings: Holding[]) =>
  holdings.length > 0
    ? holdings.map((h) => `${taskKindLabel(h.kind)}：${holderText(h)}`).join('；')
    : none

const INCOMING: TableColumnsType<IncomingRegisterRow> = [
  {
    title: '收文编号',
    key: 'receiptNumber',
    render: (_, row) => text(row.receiptNumber),
    width: 150,
  },
  { title: '收文日期', key: 'receivedOn', render: (_, row) => row.receivedOn, width: 110 },
  { title: '来文单位', key: 'sender', render: (_, row) => text(row.sender) },
  { title: '来文文号', key: 'senderReference', render: (_, row) => text(row.senderReference) },
  { title: '标题', key: 'title', render: (_, row) => titleLink(row.id, row.title), width: 280 },
  { title: '文种', key: 'kind', render: (_, row) => row.kind },
  { title: '密级', key: 'secrecy', render: (_, row) => CLEARANCE_LABELS[row.secrecy] },
  { title: '紧急程度', key: 'urgency', render: (_, row) => <UrgencyTag urgency={row.urgency} /> },
  { title: '办理时限', key: 'dueDate', render: (_, row) => text(row.dueDate), width: 110 },
  {
    title: '承办单位',
    key: 'handlingUnits',
    render: (_, row) => (row.handlingUnits.length ? row.handlingUnits.join('、') : none),
  },
  { title: '状态', key: 'state', render: (_, row) => state(row.state) },
  { title: '当前办理', key: 'holders', render: (_, row) => holdersOf(row.holders), width: 200 },
  { title: '办结日期', key: 'closedOn', render: (_, row) => text(row.closedOn), width: 110 },
]

const OUTGOING: TableColumnsType<OutgoingRegisterRow> = [
  { title: '发文字号', key: 'documentNumber', render: (_, row) => text(row.documentNumber) },
  { title: '标题', key: 'title', render: (_, row) => titleLink(row.id, row.title), width: 280 },
  { title: '文种', key: 'kind', render: (_, row) => row.kind },
  { title: '拟稿单位', key: 'draftingUnit', render: (_, row) => text(row.draftingUnit) },
  { title: '拟稿日期', key: 'draftedOn', render: (_, row) => row.draftedOn, width: 110 },
  { title: '签发人', key: 'signer', render: (_, row) => text(row.signer) },
  { title: '签发日期', key: 'signedOn', render: (_, row) => text(row.signedOn), width: 110 },
  { title: '印发日期', key: 'issuedOn', render: (_, row) => text(row.issuedOn), width: 110 },
  {
    title: '公开属性',
    key: 'disclosure',
    render: (_, row) => (row.disclosure ? DISCLOSURE_LABELS[row.disclosure] : none),
  },
  { title: '状态', key: 'state', render: (_, row) => state(row.state) },
  { title: '当前办理', key: 'holders', render: (_, row) => holdersOf(row.holders), width: 200 },
]

/** One page of the register; the pager asks the server for the next. */
export function RegisterTable({
  page,
  loading,
  current,
  pageSize,
  onPage,
}: {
  page: RegisterPage
  loading: boolean
  current: number
  pageSize: number
  onPage: (page: number) => void
}) {
  const pagination = {
    current,
    pageSize,
    total: page.total,
    showSizeChanger: false,
    showTotal: (total: number) => `共 ${total} 件`,
    onChange: onPage,
  }
  const common = {
    rowKey: 'id',
    size: 'middle' as const,
    loading,
    pagination,
    scroll: { x: 'max-content' },
    locale: { emptyText: '没有符合条件的公文' },
  }
  return page.direction === 'incoming' ? (
    <Table<IncomingRegisterRow> {...common} columns={INCOMING} dataSource={page.rows} />
  ) : (
    <Table<OutgoingRegisterRow> {...common} columns={OUTGOING} dataSource={page.rows} />
  )
}
