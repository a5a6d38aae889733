import { type GongwenLayout, renderGongwenDocx } from '@zhengling/gbt9704'
import { shanghaiDateOf } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { DocumentRecord } from './document.ts'
import { viewDocument } from './view-document.ts'

const URGENCY = { normal: undefined, urgent: '加急', extraUrgent: '特急' } as const
const CLASSIFIED = { public: null, internal: null, secret: '秘密', confidential: '机密' } as const

/** The document as GB/T 9704 lays it out, from the record and its flow (who signed, when). */
export function layoutOf(
  document: DocumentRecord,
  jurisdictionName: string,
  events: readonly { action: string; occurredAt: string; actor: string | null }[],
  today: string,
): GongwenLayout {
  const issuer = document.issuer === 'office' ? `${jurisdictionName}办公室` : jurisdictionName
  const dateOf = (action: string) => {
    const event = events.findLast((candidate) => candidate.action === action)
    return event ? shanghaiDateOf(Date.parse(event.occurredAt)) : today
  }
  const level = CLASSIFIED[document.secrecy]
  const minutes = document.kind === '纪要' ? document.plan?.minutes : null
  return {
    classification: level
      ? `${level}★${document.secrecyPeriod ?? ''}`.replace(/★$/, '')
      : undefined,
    urgency: URGENCY[document.urgency],
    // A 纪要 carries the 纪要标志 (the meeting's name + 纪要) and no signature or seal (10.3).
    issuerMark: minutes
      ? { organisations: [minutes.meetingName], suffix: '纪要' }
      : { organisations: [issuer], suffix: '文件' },
    documentNumber: document.documentNumber ?? '（未编号）',
    direction: document.plan?.direction ?? 'downward',
    // 签发人 of an upward document: as registered, or the person who signed it here.
    signers: document.signatories.length
      ? document.signatories
      : events
          .filter((event) => event.action === 'sign' && event.actor)
          .map((event) => (event.actor as string).split('（')[0] as string),
    title: document.title,
    mainRecipients: document.mainRecipients.join('、'),
    body: document.body
      .split(/\n+/)
      .map((text) => text.trim())
      .filter(Boolean)
      .map((text) => ({ kind: 'paragraph' as const, text })),
    signature: minutes ? undefined : { organisations: [issuer], date: dateOf('sign') },
    attendance: minutes
      ? [
          { label: '出席', names: minutes.present },
          { label: '请假', names: minutes.onLeave },
          { label: '列席', names: minutes.attendees },
        ]
      : undefined,
    note: document.disclosure === 'active' ? '此件公开发布' : undefined,
    record: {
      copyTo: document.copyRecipients,
      printer: `${jurisdictionName}办公室`,
      printDate: dateOf('issue'),
    },
  }
}

/** The final document as a DOCX, for anyone who may see it. */
export async function exportDocumentDocx(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
  documentId: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { document, events } = await viewDocument(r, deps, session, documentId)
  const [jurisdiction] = await r.organisation.jurisdictions([document.jurisdictionId])
  const layout = layoutOf(
    document,
    jurisdiction?.name ?? '',
    events,
    shanghaiDateOf(deps.now().getTime()),
  )
  return {
    fileName: `${document.documentNumber ?? document.title}.docx`,
    bytes: await renderGongwenDocx(layout),
  }
}
