import { request } from './client.ts'
import type { Citation } from './types.ts'

/**
 * 代行职责: who acts for whom on each day, computed by the server from approved absences and the
 * rulebook's acting rules, and the office director's designations where the rule leaves the
 * choice to the head. Shapes follow issue 15's C3 (packages/http/src/routes/acting-duty.contract.ts).
 */

/** rule: the rulebook's order; designation: named by the office; standIn: named by the traveller. */
export type ActingSource = 'rule' | 'designation' | 'standIn'

export interface ActingDutyAssignment {
  postId: string
  postTitle: string
  holders: string[]
  actingPostId: string
  actingPostTitle: string
  actingHolders: string[]
  source: ActingSource
  /** 代行区长职责 — 第六条 */
  note: string
  citations: Citation[]
}

/** A post whose holder is away while nobody may act for it: the office must fill the gap. */
export interface ActingGap {
  postId: string
  postTitle: string
  summary: string
  citations: Citation[]
}

export interface ActingDutyDay {
  date: string
  assignments: ActingDutyAssignment[]
  gaps: ActingGap[]
}

/** 办公室明确: who the office director named to act for a post over some days. */
export interface ActingDesignation {
  id: string
  postId: string
  postTitle: string
  actingPostId: string
  actingPostTitle: string
  from: string
  to: string
  reason: string
}

export interface ActingDuty {
  from: string
  to: string
  days: ActingDutyDay[]
  designations: ActingDesignation[]
  /** Posts whose acting rule leaves the choice to the head (decidedBy), with the article. */
  designable: { postId: string; postTitle: string; citations: Citation[] }[]
  /** The current post may designate (the office director). */
  canDesignate: boolean
}

export interface NewDesignation {
  postId: string
  actingPostId: string
  from: string
  to: string
  reason: string
}

export const fetchActingDuty = (from: string, to: string, signal?: AbortSignal) =>
  request<ActingDuty>('GET', '/api/acting-duty', { query: { from, to }, signal })

export const designateActing = (input: NewDesignation) =>
  request<{ id: string }>('POST', '/api/acting-designations', { body: input })

export const removeDesignation = (id: string) =>
  request<{ id: string }>('DELETE', `/api/acting-designations/${encodeURIComponent(id)}`)
