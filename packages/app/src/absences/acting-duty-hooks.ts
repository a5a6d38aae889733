import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'

/**
 * Where 请销假 meets acting duty (issue 15, contract C4): after an absence comes into force, ends
 * or is withdrawn, the acting assignments over its span are computed again in the act's
 * transaction. Acting duty is its own module (packages/app/src/acting/); until it lands this
 * computes nothing.
 */
export async function recomputeActingAfterAbsence(
  _r: Repositories,
  _rules: RulesPort,
  _jurisdictionId: string,
  _from: string,
  _to: string,
): Promise<void> {}

/** Who would act for whom if the absence were approved (previewActingDuty); none until it lands. */
export interface ActingSpan {
  from: string
  to: string
  postTitle: string
  actingPostTitle: string
  actingHolders: string[]
  citations: import('@zhengling/rules').Citation[]
}

export async function previewActingAfterAbsence(
  _r: Repositories,
  _rules: RulesPort,
  _absence: { jurisdictionId: string; postId: string; from: string; to: string },
): Promise<ActingSpan[]> {
  return []
}
