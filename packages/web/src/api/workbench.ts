import { request } from './client.ts'

/** One piece of work waiting on the current post (GET /api/workbench). */
export interface AwaitingWork {
  kind: string
  kindLabel: string
  section: 'documents' | 'meetings' | 'supervision' | 'absences' | 'events'
  target: {
    type: 'document' | 'meeting' | 'supervision' | 'absence' | 'eventRequest' | 'abroadFollowUp'
    id: string
  }
  title: string
  from: string | null
  since: string
  dueDate: string | null
  workingDaysLeft: number | null
  overdue: boolean
  warnings: { code: string; year: number; message: string }[]
}

export interface AwaitingCounts {
  documents: number
  meetings: number
  supervision: number
  /** 请销假: requests waiting on the approver, trips waiting on 销假 (issue 15). */
  absences?: number
  /** 会议活动申请 waiting on the government office (issue 15). */
  events?: number
  overdue: number
}

export const fetchAwaitingWork = (signal?: AbortSignal) =>
  request<{ today: string; items: AwaitingWork[] }>('GET', '/api/workbench', { signal })

export const fetchAwaitingCounts = (signal?: AbortSignal) =>
  request<AwaitingCounts>('GET', '/api/workbench/counts', { signal })
