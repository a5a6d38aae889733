import type { Viewer } from '../access/can-see.ts'
import type { DocumentEvent, DocumentRecord, DocumentTask } from './document.ts'

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
  >
>

export interface InboxEntry {
  task: DocumentTask
  document: Pick<
    DocumentRecord,
    'id' | 'direction' | 'kind' | 'title' | 'state' | 'urgency' | 'secrecy' | 'dueDate'
  > & { senderName: string | null }
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
  update(id: string, changes: DocumentChanges, updatedAt: string): Promise<void>
  /** 知悉范围 grows as the document reaches more posts and units; it never shrinks. */
  widenDistribution(id: string, add: { posts?: string[]; departments?: string[] }): Promise<void>
  appendEvent(event: DocumentEvent): Promise<void>
  events(documentId: string): Promise<(DocumentEvent & { actor: string | null })[]>
  openTask(task: DocumentTask): Promise<void>
  openTasks(documentId: string): Promise<DocumentTask[]>
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
  /** The next serial of a numbering prefix in a year: gapless, serialised by a row lock. */
  nextSerial(jurisdictionId: string, prefix: string, year: number): Promise<number>
}
