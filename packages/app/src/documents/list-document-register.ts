import { shanghaiDateOf } from '@zhengling/rules'
import { auditEntry } from '../audit/audit-record.ts'
import type { Hasher } from '../audit/hasher.ts'
import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { InTransaction, Repositories } from '../unit-of-work.ts'
import { holdingsOn } from '../organisation/current-holders.ts'
import { actorOf } from './act-on-document.ts'
import type { DocumentDirection } from './document.ts'
import { documentOffice, isOfficePost } from './document-office.ts'
import type { RegisterEntry, RegisterQuery } from './document-repository.ts'
import { ruleIdsOf } from './document-rules.ts'
import { buildRegisterWorkbook, registerSheetName } from './register-workbook.ts'
import { segmentWords } from './search-text.ts'

export interface RegisterFilter {
  direction: DocumentDirection
  /** Civil dates (Asia/Shanghai), both included: registered (incoming) or drafted (outgoing). */
  from?: string
  to?: string
  state?: string
  /** Words to find in titles, bodies and numbers (segmented like the full-text search). */
  q?: string
}

/** A line of the 收文登记簿. Dates are civil dates in Asia/Shanghai. */
export interface IncomingRegisterRow {
  id: string
  /** 收文编号, given at 签收/登记. */
  receiptNumber: string | null
  /** 收文日期: the day the office received it (as registered from outside), else of 签收/登记. */
  receivedOn: string
  /** 来文单位 */
  sender: string | null
  /** 来文文号 */
  senderReference: string | null
  title: string
  /** 文种 */
  kind: string
  /** 密级 */
  secrecy: string
  /** 紧急程度 */
  urgency: string
  /** 办理时限 */
  dueDate: string | null
  /** 承办单位, the lead unit first. */
  handlingUnits: string[]
  state: string
  /** 办结日期 */
  closedOn: string | null
}

/** A line of the 发文登记簿. */
export interface OutgoingRegisterRow {
  id: string
  /** 发文字号, once numbered. */
  documentNumber: string | null
  title: string
  kind: string
  /** 拟稿单位 */
  draftingUnit: string | null
  draftedOn: string
  /** 签发人 and 签发日期, from the sign event. */
  signer: string | null
  signedOn: string | null
  /** 印发日期 */
  issuedOn: string | null
  /** 公开属性: active, onRequest, withheld. */
  disclosure: string | null
  secrecy: string
  state: string
}

export type RegisterPage =
  | { direction: 'incoming'; total: number; rows: IncomingRegisterRow[] }
  | { direction: 'outgoing'; total: number; rows: OutgoingRegisterRow[] }

/** The most lines one export takes out of the system; a wider filter is refused. */
export const REGISTER_EXPORT_LIMIT = 5000

const DAY_MS = 86_400_000
const dateOf = (instant: string | null) => (instant ? shanghaiDateOf(Date.parse(instant)) : null)
/** The first instant of a civil date in Asia/Shanghai (UTC+8, no daylight saving). */
const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`)

function queryOf(filter: RegisterFilter, page: { limit: number; offset: number }): RegisterQuery {
  if (filter.from && filter.to && filter.from > filter.to)
    throw new InvalidInputError(
      'INVALID_DATE_RANGE',
      `起始日期 ${filter.from} 晚于截止日期 ${filter.to}`,
    )
  const words = filter.q ? segmentWords(filter.q).join(' ') : ''
  return {
    direction: filter.direction,
    ...(filter.from ? { from: startOf(filter.from).toISOString() } : {}),
    ...(filter.to ? { before: new Date(startOf(filter.to).getTime() + DAY_MS).toISOString() } : {}),
    ...(filter.state ? { state: filter.state } : {}),
    ...(words ? { words } : {}),
    ...page,
  }
}

function rowsOf(
  direction: DocumentDirection,
  entries: RegisterEntry[],
  total: number,
): RegisterPage {
  if (direction === 'incoming')
    return {
      direction,
      total,
      rows: entries.map((entry) => ({
        id: entry.id,
        receiptNumber: entry.receiptNumber,
        receivedOn: entry.receivedOn ?? dateOf(entry.registeredAt) ?? '',
        sender: entry.unitName,
        senderReference: entry.senderReference,
        title: entry.title,
        kind: entry.kind,
        secrecy: entry.secrecy,
        urgency: entry.urgency,
        dueDate: entry.dueDate,
        handlingUnits: entry.handlingUnits,
        state: entry.state,
        closedOn: dateOf(entry.closedAt),
      })),
    }
  return {
    direction,
    total,
    rows: entries.map((entry) => ({
      id: entry.id,
      documentNumber: entry.documentNumber,
      title: entry.title,
      kind: entry.kind,
      draftingUnit: entry.unitName,
      draftedOn: dateOf(entry.draftedAt) ?? '',
      signer: entry.signerName,
      signedOn: dateOf(entry.signedAt),
      issuedOn: dateOf(entry.issuedAt),
      disclosure: entry.disclosure,
      secrecy: entry.secrecy,
      state: entry.state,
    })),
  }
}

/**
 * The office keeps the register (条例第五条: the office is in charge of document handling): the
 * registration desk the rulebook names and the government office's posts. Anyone else is refused
 * with the article (NOT_RESPONSIBLE, not permitted: reading is access, not a refused act). The
 * current post decides, as for every act.
 */
async function registerKeeper(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
) {
  const { viewer, post } = await actorOf(r, session, deps.now())
  const office = documentOffice(deps.rules, viewer.jurisdictionId)
  if (!isOfficePost(post, office))
    throw new NotPermittedError(
      'NOT_RESPONSIBLE',
      `${post.title}无权查阅收发文登记簿。${office.summary}`,
      office.citations,
    )
  return { viewer, post, office }
}

/** Whether the signed-in post may read the register, and the article saying who may. */
export async function registerAccess(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
): Promise<{
  allowed: boolean
  summary: string
  citations: ReturnType<typeof documentOffice>['citations']
}> {
  const { viewer, post } = await actorOf(r, session, deps.now())
  const office = documentOffice(deps.rules, viewer.jurisdictionId)
  return {
    allowed: isOfficePost(post, office),
    summary: office.summary,
    citations: office.citations,
  }
}

/**
 * 收文登记簿 / 发文登记簿: the office's register of one direction, filtered by date, state and
 * words, newest first, a page at a time. Each line has passed the access filter: a document
 * outside the reader's 知悉范围 or clearance is not in their register.
 */
export async function listDocumentRegister(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  filter: RegisterFilter & { limit: number; offset: number },
) {
  const { viewer } = await registerKeeper(r, deps, session)
  const { total, entries } = await r.documents.register(
    viewer,
    queryOf(filter, { limit: filter.limit, offset: filter.offset }),
  )
  const page = rowsOf(filter.direction, entries, total)
  // 当前办理 of every line: the page's open tasks in one read, the organisation in one more.
  const today = shanghaiDateOf(deps.now().getTime())
  const [tasks, holdingOf] = await Promise.all([
    r.documents.openTasksOf(entries.map((entry) => entry.id)),
    holdingsOn(r, deps.rules, viewer.jurisdictionId, today),
  ])
  const holdersOf = (documentId: string) =>
    tasks
      .filter((task) => task.documentId === documentId && task.kind !== 'read')
      .map((task) =>
        holdingOf({
          kind: task.kind,
          postId: task.assigneePostId,
          departmentId: task.assigneeDepartmentId,
          since: task.openedAt,
          dueDate: task.dueDate,
        }),
      )
  const withHolders = <R extends { id: string }>(rows: R[]) =>
    rows.map((row) => ({ ...row, holders: holdersOf(row.id) }))
  return page.direction === 'incoming'
    ? { ...page, rows: withHolders(page.rows) }
    : { ...page, rows: withHolders(page.rows) }
}

/**
 * The register as an Excel workbook. The export takes records out of the system, so it is
 * audited in the same transaction: who exported, in which post, with which filter, how many lines.
 */
export function exportDocumentRegister(
  deps: { inTransaction: InTransaction; hasher: Hasher; now: () => Date; rules: RulesPort },
  session: SessionRecord,
  filter: RegisterFilter,
): Promise<{ fileName: string; bytes: Uint8Array; rows: number }> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post, office } = await registerKeeper(r, deps, session)
    const { total, entries } = await r.documents.register(
      viewer,
      queryOf(filter, { limit: REGISTER_EXPORT_LIMIT + 1, offset: 0 }),
    )
    if (total > REGISTER_EXPORT_LIMIT)
      throw new InvalidInputError(
        'REGISTER_TOO_LARGE',
        `符合条件的公文有 ${total} 件，一次最多导出 ${REGISTER_EXPORT_LIMIT} 件，请缩小日期范围`,
      )
    const page = rowsOf(filter.direction, entries, total)
    const today = shanghaiDateOf(now.getTime())
    const bytes = await buildRegisterWorkbook(page)
    await r.audit.append(
      auditEntry({
        jurisdictionId: viewer.jurisdictionId,
        occurredAt: now.toISOString(),
        actorPersonId: session.personId,
        actorPostId: post.postId,
        action: 'document.exportRegister',
        ruleIds: ruleIdsOf(office.citations),
        details: {
          register: registerSheetName(filter.direction),
          filter: {
            direction: filter.direction,
            from: filter.from ?? null,
            to: filter.to ?? null,
            state: filter.state ?? null,
            q: filter.q ?? null,
          },
          rows: page.rows.length,
        },
      }),
      deps.hasher,
    )
    return {
      fileName: `${registerSheetName(filter.direction)}-${today}.xlsx`,
      bytes,
      rows: page.rows.length,
    }
  })
}
