import type { Citation } from '@zhengling/rules'
import { previewActingDuty, recomputeActingDuty } from '../acting/recompute-acting-duty.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'

/**
 * Where 请销假 meets acting duty (issue 15, contract C4): after an absence comes into force, ends
 * or is withdrawn, the acting assignments over its span are computed again in the act's
 * transaction (acting/recompute-acting-duty.ts).
 */
export function recomputeActingAfterAbsence(
  r: Repositories,
  rules: RulesPort,
  jurisdictionId: string,
  from: string,
  to: string,
): Promise<void> {
  return recomputeActingDuty(r, rules, jurisdictionId, from, to)
}

/** Who would act for the absent post over a span (a gap: nobody can, the office must name someone). */
export interface ActingSpan {
  from: string
  to: string
  postTitle: string
  /** '' for a gap. */
  actingPostTitle: string
  actingHolders: string[]
  gap: boolean
  /** 代行区长职责 — 第六条, or why nobody can act. */
  note: string
  citations: Citation[]
}

/** Who would act for whom if the absence were approved (previewActingDuty), as the form shows it. */
export async function previewActingAfterAbsence(
  r: Repositories,
  rules: RulesPort,
  absence: {
    jurisdictionId: string
    postId: string
    from: string
    to: string
    standInPostId?: string | null
    category: string
  },
): Promise<ActingSpan[]> {
  const lines = await previewActingDuty(r, rules, absence.jurisdictionId, absence)
  return lines.map((line) => ({
    from: line.from,
    to: line.to,
    postTitle: line.postTitle,
    actingPostTitle: line.actingPostTitle ?? '',
    actingHolders: line.actingHolders,
    gap: line.actingPostId === null,
    note: line.note,
    citations: line.citations,
  }))
}
