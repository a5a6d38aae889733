import { type BodyBlock, type GongwenLayout, renderGongwenDocx } from '@zhengling/gbt9704'
import { shanghaiDateOf } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { DocumentRecord } from './document.ts'
import { viewDocument } from './view-document.ts'

const URGENCY = { normal: undefined, urgent: '加急', extraUrgent: '特急' } as const
const CLASSIFIED = { public: null, internal: null, secret: '秘密', confidential: '机密' } as const

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
const numeralOf = (n: number): string =>
  n <= 10
    ? (NUMERALS[n - 1] ?? '')
    : n < 20
      ? `十${NUMERALS[n - 11] ?? ''}`
      : `${NUMERALS[Math.floor(n / 10) - 1] ?? ''}十${n % 10 ? (NUMERALS[(n % 10) - 1] ?? '') : ''}`

/**
 * The 正文 as blocks: a line that starts with the next 一、 (or, under it, the next （一）) is a heading
 * the renderer sets in 黑体 (楷体) as GB/T 9704 7.3.3 asks, numbered as written; a level-1 line is a
 * heading only when short and without a full stop inside (else it is a paragraph that happens to
 * start with a number); a level-2 heading ends at its first full stop, the rest runs on in 仿宋.
 */
export function bodyBlocksOf(text: string): BodyBlock[] {
  let first = 0
  let second = 0
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line): BodyBlock => {
      const one = /^([一二三四五六七八九十]+)、(.+)$/.exec(line)
      if (one && one[1] === numeralOf(first + 1)) {
        const heading = one[2] ?? ''
        if ([...heading].length <= 40 && !/。./.test(heading)) {
          first += 1
          second = 0
          return { kind: 'heading', level: 1, text: heading }
        }
      }
      const two = /^（([一二三四五六七八九十]+)）(.+)$/.exec(line)
      if (two && two[1] === numeralOf(second + 1)) {
        second += 1
        const rest = two[2] ?? ''
        const stop = rest.indexOf('。')
        return stop < 0 || stop === rest.length - 1
          ? { kind: 'heading', level: 2, text: rest }
          : {
              kind: 'heading',
              level: 2,
              text: rest.slice(0, stop + 1),
              runIn: rest.slice(stop + 1),
            }
      }
      return { kind: 'paragraph', text: line }
    })
}

/**
 * The 纪要标志 (GB/T 9704 10.3 "……纪要"): the meeting's name with the organ written in full, so the
 * 版头 names the jurisdiction — 县政府常务会议 of 木里藏族自治县人民政府 → 木里藏族自治县人民政府常务会议.
 * A name that starts with the organ's short form (县政府, 县人民政府) has it replaced; any other name
 * (县长办公会议, 局际联席会议) is put after the organ's full name.
 */
export function minutesMarkOf(organName: string, meetingName: string): string {
  if (organName === '' || meetingName.startsWith(organName)) return meetingName
  const level = /(.)人民政府$/.exec(organName)?.[1]
  const short = level ? [`${level}人民政府`, `${level}政府`] : []
  const prefix = short.find((candidate) => meetingName.startsWith(candidate))
  return `${organName}${prefix ? meetingName.slice(prefix.length) : meetingName}`
}

/**
 * The 主送机关 line from its entries as written: units with 、; once an entry itself lists kinds
 * of organs (a group: 各乡（镇）人民政府、街道办事处), the entries are set apart with ，
 * (各乡（镇）人民政府、街道办事处，区政府各部门).
 */
export function mainRecipientsLine(lines: readonly string[]): string {
  return lines.join(lines.some((line) => line.includes('、')) ? '，' : '、')
}

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
      ? { organisations: [minutesMarkOf(jurisdictionName, minutes.meetingName)], suffix: '纪要' }
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
    // None (a 纪要 has none): no 主送机关 line, not a line of only "：".
    mainRecipients: document.mainRecipients.length
      ? mainRecipientsLine(document.mainRecipients)
      : undefined,
    body: bodyBlocksOf(document.body),
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
