import { escalateOpinion, type Hasher, OPINION_STEP_DUE, type RulesPort } from '@zhengling/app'
import type { JobHandler } from './job-queue.ts'
import { createRepositories } from './repositories.ts'

type OpinionTimerDeps = { now: () => Date; rules: RulesPort; hasher: Hasher }

/**
 * The handler of 政务舆情's durable timers (contract C4): a response step past its due instant
 * unanswered is escalated once, in its job's transaction.
 */
export function opinionTimerHandlers(deps: OpinionTimerDeps): Record<string, JobHandler> {
  return {
    [OPINION_STEP_DUE]: async (job, trx) => {
      await escalateOpinion(createRepositories(trx), deps, {
        itemId: String(job.payload.itemId),
        act: String(job.payload.act),
      })
    },
  }
}
