import { checkDutyShiftGap, DUTY_GAP_CHECK, type RulesPort } from '@zhengling/app'
import type { JobHandler } from './job-queue.ts'
import { createRepositories } from './repositories.ts'

/** The handler of 值班表's durable timer: a published shift checked for a gap before it starts. */
export function dutyRosterTimerHandlers(deps: {
  now: () => Date
  rules: RulesPort
}): Record<string, JobHandler> {
  return {
    [DUTY_GAP_CHECK]: async (job, trx) => {
      await checkDutyShiftGap(createRepositories(trx), deps, {
        shiftId: String(job.payload.shiftId),
        version: Number(job.payload.version),
      })
    },
  }
}
