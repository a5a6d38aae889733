import { request } from './client.ts'

/** A unit of the jurisdiction as a recipient, and whether anyone holds a post of it today. */
export interface RecipientUnit {
  id: string
  name: string
  kind: 'department' | 'township' | 'desk'
  staffed: boolean
}

/** What a document may be addressed to: groups (各乡（镇）人民政府…) with their units, every unit. */
export interface RecipientOptions {
  groups: { label: string; unitIds: string[] }[]
  units: RecipientUnit[]
}

/** One 主送/抄送: a unit by id, a group by label, or an outside recipient by name (纸质分送). */
export type RecipientChoice = string | { unitId: string } | { group: string } | { outside: string }

export interface DocumentReceipt {
  departmentId: string
  unitName: string
  role: 'main' | 'copy'
  taskId: string
  deliveredAt: string
  signedAt: string | null
  signedBy: { personId: string; name: string; postId: string | null; title: string | null } | null
  remindedAt: string | null
  reminders: number
  /** Someone holds a post of the unit today; else its copy waits for whoever takes it up. */
  staffed: boolean
}

/** 分发情况 of a document: each unit's delivery, 签收 and 催收; outside recipients on paper. */
export interface DistributionView {
  issued: boolean
  receipts: DocumentReceipt[]
  paper: { role: 'main' | 'copy'; name: string }[]
  signed: number
  unsigned: number
  may: { signFor: boolean; remind: boolean }
}

const distributionPath = (id: string, act: string) =>
  `/api/documents/${encodeURIComponent(id)}/${act}`

export const fetchRecipientOptions = (signal?: AbortSignal) =>
  request<RecipientOptions>('GET', '/api/recipient-options', { signal })

export const fetchDistribution = (id: string, signal?: AbortSignal) =>
  request<DistributionView>('GET', distributionPath(id, 'distribution'), { signal })

/** 签收 for the unit of the current post. */
export const signForDocument = (id: string) =>
  request<DistributionView>('POST', distributionPath(id, 'sign-for'), { body: {} })

/** 催收: remind the units that have not signed for it. */
export const remindRecipients = (id: string) =>
  request<DistributionView>('POST', distributionPath(id, 'remind-recipients'), { body: {} })
