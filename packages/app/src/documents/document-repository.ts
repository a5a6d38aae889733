import type { Viewer } from '../access/can-see.ts'
import type { ScheduledTimer } from '../jobs/job-scheduler.ts'
import type { DocumentEvent, DocumentRecord, DocumentTask } from './document.ts'

/** A flow event as the history shows it: with who acted, name and post. */
export type ShownEvent = DocumentEvent & { actor: string | null }

/** A document locked for an act, with what the act reads of it (docs/decisions/0030). */
export interface DocumentForAct {
  document: DocumentRecord
  /** Its open tasks, oldest first. */
  tasks: DocumentTask[]
  /** Its history, in order. */
  events: ShownEvent[]
  /** The acting person's name and their posts' titles, for the act's own event as shown. */
  personName: string | null
  postTitles: Record<string, string>
}

export type DocumentChanges = Partial<
  Pick<
    DocumentRecord,
    | 'state'
    | 'dueDate'
    | 'documentNumber'
    | 'body'
    | 'title'
    | 'plan'
    | 'disclosure'
    | 'disclosureReason'
    | 'receiptNumber'
  >
>

export interface InboxEntry {
  task: DocumentTask
  document: Pick<
    DocumentRecord,
    'id' | 'direction' | 'kind' | 'title' | 'state' | 'urgency' | 'secrecy' | 'dueDate'
  > & { senderName: string | null }
}

/** Which part of the register (收发文登记簿) to read; instants bound the registered/drafted time. */
export interface RegisterQuery {
  direction: DocumentRecord['direction']
  /** Registered (incoming) or drafted (outgoing) at or after this instant. */
  from?: string
  /** …and before this instant. */
  before?: string
  state?: string
  /** Full-text words, already segmented. */
  words?: string
  limit: number
  offset: number
}

/** One line of the register: the document and what its flow events say (who, when). */
export interface RegisterEntry extends Pick<
  DocumentRecord,
  | 'id'
  | 'direction'
  | 'kind'
  | 'title'
  | 'state'
  | 'secrecy'
  | 'urgency'
  | 'dueDate'
  | 'senderReference'
  | 'documentNumber'
  | 'disclosure'
  | 'receiptNumber'
  | 'receivedOn'
> {
  /** 来文单位 of an incoming document (its unit, or as written on 来文), 拟稿单位 of an outgoing one. */
  unitName: string | null
  /** The first 签收/登记 (incoming). */
  registeredAt: string | null
  /** 承办单位 of the latest 转办, lead unit first. */
  handlingUnits: string[]
  /** 办结 (incoming). */
  closedAt: string | null
  draftedAt: string
  /** 签发人 and 签发 time (outgoing), from the sign event. */
  signerName: string | null
  signedAt: string | null
  /** 印发 (outgoing). */
  issuedAt: string | null
}

/**
 * Documents in storage. Every read takes the viewer, and the access rule (jurisdiction, secrecy,
 * 知悉范围) filters it in the query: a document the viewer may not see does not exist for them.
 */
export interface DocumentRepository {
  insert(document: DocumentRecord, searchText: string): Promise<void>
  /** The document if the viewer may see it; `forUpdate` locks it for the rest of the transaction. */
  visible(
    viewer: Viewer,
    id: string,
    options?: { forUpdate?: boolean },
  ): Promise<DocumentRecord | undefined>
  /**
   * The document locked for an act, if the viewer may see it, with its open tasks and history
   * and the acting person's names: one statement.
   */
  lockForAct(
    viewer: Viewer,
    id: string,
    actor: { personId: string; postIds: readonly string[] },
  ): Promise<DocumentForAct | undefined>
  /** Writes the changes (and widens 知悉范围, when given) in one statement; null keeps updated_at. */
  update(
    id: string,
    changes: DocumentChanges,
    updatedAt: string | null,
    widen?: { posts?: string[]; departments?: string[] },
  ): Promise<void>
  /** 知悉范围 grows as the document reaches more posts and units; it never shrinks. */
  widenDistribution(id: string, add: { posts?: string[]; departments?: string[] }): Promise<void>
  appendEvent(event: DocumentEvent): Promise<void>
  events(documentId: string): Promise<ShownEvent[]>
  openTask(task: DocumentTask): Promise<void>
  /** Opens several tasks of one document, with their timers and messages, in one statement. */
  openTaskBatch(
    tasks: readonly DocumentTask[],
    document?: Pick<DocumentRecord, 'id' | 'jurisdictionId' | 'title' | 'secrecy'>,
    /** The tasks' timers (催办), written by the same statement. */
    timers?: readonly ScheduledTimer[],
  ): Promise<void>
  openTasks(documentId: string): Promise<DocumentTask[]>
  /** The open tasks of several documents at once (a register page's 当前办理), oldest first. */
  openTasksOf(documentIds: readonly string[]): Promise<DocumentTask[]>
  /** Closes the open tasks of a kind on the document for these assignees; returns how many. */
  closeTasks(
    documentId: string,
    match: { kind: string; postIds?: readonly string[]; departmentIds?: readonly string[] },
    closedAt: string,
    outcome: string,
  ): Promise<number>
  /** The viewer's open tasks (their posts' and their departments'), soonest due first. */
  inbox(viewer: Viewer, page: { limit: number }): Promise<InboxEntry[]>
  /** Full-text search over titles, bodies and numbers, words already segmented; best first. */
  search(viewer: Viewer, words: string, page: { limit: number }): Promise<InboxEntry['document'][]>
  /**
   * The register of one direction, through the access filter, newest first (incoming by
   * registration, outgoing by drafting); incoming documents appear once registered.
   */
  register(
    viewer: Viewer,
    query: RegisterQuery,
  ): Promise<{ total: number; entries: RegisterEntry[] }>
  /** Tasks of the document by id, open or closed (a circulation's read receipts). */
  tasksById(documentId: string, ids: readonly string[]): Promise<DocumentTask[]>
  /** The next serial of a numbering prefix in a year: gapless, serialised by a row lock. */
  nextSerial(jurisdictionId: string, prefix: string, year: number): Promise<number>
  /**
   * The next 收文编号 serial of the jurisdiction in a year (gapless, serialised by a row lock),
   * with the jurisdiction's own format of it ({year}, {serial}; null: the default), at once.
   */
  nextReceiptNumber(
    jurisdictionId: string,
    year: number,
  ): Promise<{ serial: number; format: string | null }>
  /** 来文单位 the office has written on documents it registered, most used first. */
  externalSenders(viewer: Viewer, page: { limit: number }): Promise<string[]>
}
