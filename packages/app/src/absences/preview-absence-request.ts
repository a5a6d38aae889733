import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { InTransaction } from '../unit-of-work.ts'
import { previewActingAfterAbsence } from './acting-duty-hooks.ts'
import { type AbsenceRequestInput, prepareAbsence } from './absence-request.ts'

/**
 * What the 请假（外出）form shows BEFORE submitting (issue 15): approval or 报备, the approver,
 * whom the request passes and who is informed, to whom 销假 goes, the last day to file in time,
 * conflicts with other leaders' absences and who would act — every line with its article.
 * Nothing is written.
 */
export function previewAbsenceRequest(
  deps: { inTransaction: InTransaction; now: () => Date; rules: RulesPort },
  session: SessionRecord,
  input: AbsenceRequestInput & { standInPostId?: string | null },
) {
  return deps.inTransaction(async (r) => {
    const { plan, actor, requester } = await prepareAbsence(
      r,
      deps.rules,
      session,
      deps.now(),
      input,
    )
    const acting = await previewActingAfterAbsence(r, deps.rules, {
      jurisdictionId: actor.jurisdictionId,
      postId: requester.postId,
      from: input.from,
      to: input.to,
      standInPostId: input.standInPostId ?? null,
      category: input.category,
    })
    return {
      mode: plan.mode,
      days: plan.days,
      approvers: plan.approvers,
      approverIsBody: plan.approverIsBody,
      stages: plan.stages,
      via: plan.via,
      inform: plan.inform,
      fileWith: plan.fileWith,
      reportBackTo: plan.reportBackTo,
      latestFiling: plan.latestFiling,
      filedInTime: plan.filedInTime,
      conflict: plan.conflict
        ? {
            conflict: plan.conflict.conflict,
            forbidden: plan.conflict.forbidden,
            summary: plan.conflict.summary,
            citations: plan.conflict.citations,
          }
        : null,
      acting,
      summary: plan.summary,
      citations: plan.citations,
    }
  })
}

export type AbsencePreview = Awaited<ReturnType<typeof previewAbsenceRequest>>
