/** 主送 or 抄送. */
export type RecipientRole = 'main' | 'copy'

/**
 * One line of a document's 主送/抄送 as written: an internal unit, a group of units (its label as
 * the government writes it), or an outside recipient sent on paper. Exactly one is set.
 */
export interface RecipientEntry {
  role: RecipientRole
  departmentId: string | null
  groupLabel: string | null
  outsideName: string | null
}

/** A group a document may be addressed to as one: every unit of these kinds. */
export interface RecipientGroup {
  label: string
  unitKinds: string[]
}

/** One internal unit's copy of an issued document: delivery, 签收 and 催收. */
export interface DocumentReceipt {
  departmentId: string
  unitName: string
  role: RecipientRole
  taskId: string
  deliveredAt: string
  signedAt: string | null
  signedBy: { personId: string; name: string; postId: string | null; title: string | null } | null
  remindedAt: string | null
  reminders: number
}

/** Stored 主送/抄送 and receipts; callers have already checked the document is visible. */
export interface DocumentRecipientRepository {
  /** The jurisdiction's groups, in the roster's order. */
  groupsOf(jurisdictionId: string): Promise<RecipientGroup[]>
  /** Writes the document's entries (in the order given per role). */
  insertEntries(documentId: string, entries: readonly RecipientEntry[]): Promise<void>
  entriesOf(documentId: string): Promise<RecipientEntry[]>
  insertReceipts(
    documentId: string,
    receipts: readonly {
      departmentId: string
      role: RecipientRole
      taskId: string
      deliveredAt: string
    }[],
  ): Promise<void>
  /** Receipts of the documents, with the unit's name and the signer's name and post title. */
  receiptsOf(documentIds: readonly string[]): Promise<(DocumentReceipt & { documentId: string })[]>
  /** Records the 签收; false when the unit has no unsigned receipt of the document. */
  markSigned(
    documentId: string,
    departmentId: string,
    signed: { at: string; personId: string; postId: string },
  ): Promise<boolean>
  markReminded(documentId: string, departmentIds: readonly string[], at: string): Promise<void>
}
