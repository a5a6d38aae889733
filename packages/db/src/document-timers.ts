import {
  type Hasher,
  remindDocumentTask,
  type RulesPort,
  TASK_DUE_REMINDER,
  TASK_OVERDUE_REMINDER,
} from '@zhengling/app'
import type { Kysely } from 'kysely'
import { absenceTimerHandlers } from './absence-timers.ts'
import { dutyRosterTimerHandlers } from './duty-roster-timers.ts'
import { incidentTimerHandlers } from './incident-timers.ts'
import { type JobHandler, runDueJobs } from './job-queue.ts'
import { opinionTimerHandlers } from './opinion-timers.ts'
import { createRepositories } from './repositories.ts'
import {
  type DeliveryDeps,
  notificationDeliveryHandlers,
  URGENT_JOB_KINDS,
} from './notification-delivery.ts'
import { runSupervisionScan } from './supervision-scan.ts'
import type { Database } from './schema.ts'

type TimerDeps = { hasher: Hasher; now: () => Date; newId: () => string; rules: RulesPort }

/** The handlers of the documents' durable timers (催办), each in its job's transaction. */
export function documentTimerHandlers(deps: TimerDeps): Record<string, JobHandler> {
  const remind: JobHandler = async (job, trx) => {
    await remindDocumentTask(createRepositories(trx), deps, {
      kind: job.kind,
      taskId: String(job.payload.taskId),
      documentId: String(job.payload.documentId),
    })
  }
  return { [TASK_DUE_REMINDER]: remind, [TASK_OVERDUE_REMINDER]: remind }
}

/**
 * Fires due timers, then scans the supervision ledger, every `intervalMs` until stopped. Each replica may run one: `skip locked`
 * hands every job to exactly one of them. A tick handles at most `limit` jobs.
 */
export function startTimerWorker(
  db: Kysely<Database>,
  deps: TimerDeps & {
    intervalMs?: number
    limit?: number
    onError?: (error: unknown) => void
    /** Outside notification channels; none: deliveries wait (and retry) until one is configured. */
    channels?: DeliveryDeps['channels']
    publicUrl?: string
  },
): { stop(): Promise<void> } {
  const notifications = notificationDeliveryHandlers({
    channels: deps.channels ?? [],
    now: deps.now,
    publicUrl: deps.publicUrl,
  })
  const handlers = {
    ...documentTimerHandlers(deps),
    ...absenceTimerHandlers(deps),
    ...dutyRosterTimerHandlers(deps),
    ...incidentTimerHandlers(deps),
    ...opinionTimerHandlers(deps),
    ...notifications.handlers,
  }
  let running: Promise<unknown> = Promise.resolve()
  const limit = deps.limit ?? 100
  // The supervision ledger is scanned on the same beat: reminders follow due dates that
  // extensions move, so they are found by date rather than scheduled once.
  const tick = () => {
    running = runDueJobs(db, {
      handlers,
      now: deps.now,
      limit,
      onFailure: notifications.onFailure,
      firstKinds: URGENT_JOB_KINDS,
    })
      .then(() => runSupervisionScan(db, deps, limit))
      .catch((error: unknown) => deps.onError?.(error))
  }
  const interval = setInterval(tick, deps.intervalMs ?? 30_000)
  interval.unref()
  tick()
  return {
    async stop() {
      clearInterval(interval)
      await running
    },
  }
}
