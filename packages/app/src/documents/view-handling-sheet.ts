import { shanghaiDateOf } from '@zhengling/rules'
import { secrecyMarkOf } from '../access/secrecy.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { STATE_LABELS } from './act-on-document.ts'
import { unitNames } from './countersign-standing.ts'
import type { DocumentEvent, DocumentRecord } from './document.ts'
import { viewDocument } from './view-document.ts'

/** One opinion on the sheet: its words, who wrote it (name and post), on which day. */
export interface SheetEntry {
  text: string
  by: string | null
  on: string
}

/** A box of the sheet (拟办意见, 领导批示…) with every opinion written in it, oldest first. */
export interface SheetBox {
  key: string
  label: string
  entries: SheetEntry[]
}

/**
 * The 文件处理笺 (公文处理单) of an incoming document, or the 发文稿纸 of an outgoing one, as
 * the office prints it: the organ's name in the heading, the document's particulars, then a box
 * per step with each opinion and who wrote it when — all from the record and its flow events.
 */
export interface HandlingSheet {
  documentId: string
  direction: DocumentRecord['direction']
  /** '六盘水市钟山区人民政府办公室文件处理笺'. */
  heading: string
  /** The particulars, in print order; `wide` spans the sheet (the title). */
  fields: { key: string; label: string; value: string; wide?: boolean }[]
  boxes: SheetBox[]
  state: string
}

const URGENCY: Record<DocumentRecord['urgency'], string> = {
  normal: '平件',
  urgent: '加急',
  extraUrgent: '特急',
}
const DISCLOSURE: Record<string, string> = {
  active: '主动公开',
  onRequest: '依申请公开',
  withheld: '不予公开',
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

/** The handling sheet of a document the signed-in post-holder may see. */
export async function viewHandlingSheet(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  documentId: string,
): Promise<HandlingSheet> {
  const { document, events } = await viewDocument(r, deps, session, documentId)
  const today = shanghaiDateOf(deps.now().getTime())
  const [jurisdiction] = await r.organisation.jurisdictions([document.jurisdictionId])
  const government = jurisdiction?.name ?? ''
  const units = await unitNames(r, document.jurisdictionId, today)
  const unit = (id: string | null | undefined) => (id ? (units.get(id) ?? '') : '')
  return sheetOf(document, events, { government, unit })
}

/** The sheet from the record and its events (pure: the names come in). */
export function sheetOf(
  document: DocumentRecord,
  events: readonly (DocumentEvent & { actor: string | null })[],
  names: { government: string; unit: (id: string | null | undefined) => string },
): HandlingSheet {
  const on = (event: DocumentEvent) => shanghaiDateOf(Date.parse(event.occurredAt))
  const entry = (event: DocumentEvent & { actor: string | null }, text: string): SheetEntry => ({
    text,
    by: event.actor,
    on: on(event),
  })
  const box = (
    key: string,
    label: string,
    actions: readonly string[],
    text: (event: DocumentEvent) => string = (event) => event.opinion ?? '',
  ): SheetBox => ({
    key,
    label,
    entries: events
      .filter((event) => actions.includes(event.action))
      .map((event) => entry(event, text(event))),
  })
  const first = (action: string) => events.find((event) => event.action === action)
  const common = [
    { key: 'title', label: '标题', value: document.title, wide: true },
    { key: 'kind', label: '文种', value: document.kind },
    // 密级和保密期限 as GB/T 9704 marks them (秘密★10年), under the sheet's short label.
    {
      key: 'secrecy',
      label: '密级',
      value: secrecyMarkOf(document.secrecy, document.secrecyPeriod),
    },
    { key: 'urgency', label: '紧急程度', value: URGENCY[document.urgency] ?? document.urgency },
  ]
  const archive = box('archive', '归档', ['archive'], (event) => event.opinion ?? '已归档')
  const state = STATE_LABELS[document.state] ?? document.state

  if (document.direction === 'incoming') {
    const registered = first('register')
    return {
      documentId: document.id,
      direction: 'incoming',
      heading: `${names.government}办公室文件处理笺`,
      fields: [
        {
          key: 'sender',
          label: '来文单位',
          value: document.externalSender ?? names.unit(document.senderDepartmentId),
        },
        { key: 'senderReference', label: '来文字号', value: document.senderReference ?? '' },
        { key: 'receiptNumber', label: '收文编号', value: document.receiptNumber ?? '' },
        {
          key: 'receivedOn',
          label: '收文日期',
          value: document.receivedOn ?? (registered ? on(registered) : ''),
        },
        ...common,
        { key: 'dueDate', label: '办理时限', value: document.dueDate ?? '' },
      ],
      boxes: [
        box('proposal', '拟办意见', ['propose'], (event) => {
          const routed = strings(event.details.routedTo)
          return [event.opinion ?? '', routed.length ? `（呈${routed.join('、')}批示）` : '']
            .filter(Boolean)
            .join('')
        }),
        box('instruction', '领导批示', ['instruct', 'circleRead']),
        box('referral', '承办单位', ['refer'], (event) => {
          const [lead, ...others] = strings(event.details.departmentIds).map(names.unit)
          const due = typeof event.details.dueDate === 'string' ? event.details.dueDate : null
          return [
            lead ? [`${lead}（主办）`, ...others].join('、') : '',
            due ? `办理期限：${due}` : '',
            event.opinion ?? '',
          ]
            .filter(Boolean)
            .join('；')
        }),
        box('result', '办理结果', ['complete', 'close']),
        archive,
      ],
      state,
    }
  }

  const issuer = document.issuer === 'office' ? `${names.government}办公室` : names.government
  const issued = events.findLast((event) => event.action === 'issue')
  return {
    documentId: document.id,
    direction: 'outgoing',
    heading: `${issuer}发文稿纸`,
    fields: [
      { key: 'documentNumber', label: '发文字号', value: document.documentNumber ?? '' },
      {
        key: 'drafter',
        label: '拟稿单位',
        value: names.unit(document.plan?.draftingDepartmentId ?? document.senderDepartmentId),
      },
      ...common,
      { key: 'mainRecipients', label: '主送', value: document.mainRecipients.join('、') },
      { key: 'copyRecipients', label: '抄送', value: document.copyRecipients.join('、') },
      {
        key: 'disclosure',
        label: '公开属性',
        value: document.disclosure ? (DISCLOSURE[document.disclosure] ?? '') : '',
      },
      { key: 'issuedOn', label: '印发日期', value: issued ? on(issued) : '' },
    ],
    boxes: [
      box('signature', '签发', ['sign']),
      box('countersign', '会签', ['countersign', 'countersignDisagree'], (event) => {
        const unitName = names.unit(
          typeof event.details.departmentId === 'string' ? event.details.departmentId : null,
        )
        const verdict = event.action === 'countersign' ? '同意' : '有不同意见'
        return `${unitName ? `${unitName}：` : ''}${event.opinion ?? verdict}`
      }),
      box('review', '核稿', ['review']),
      box('draft', '拟稿', ['draft'], (event) => event.opinion ?? '拟稿'),
      archive,
    ],
    state,
  }
}
