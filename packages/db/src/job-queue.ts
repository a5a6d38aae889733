import { type Kysely, type Transaction, sql } from 'kysely'
import type { Database } from './schema.ts'

export interface ScheduledJob {
  kind: string
  runAt: string
  jurisdictionId?: string
  payload?: Record<string, unknown>
  dedupeKey?: string
  maxAttempts?: number
}

export interface DueJob {
  id: string
  kind: string
  jurisdictionId: string | null
  payload: Record<string, unknown>
  attempts: number
}

/** Runs one job inside the transaction that marks it done: its writes and its completion commit together. */
export type JobHandler = (job: DueJob, trx: Transaction<Database>) => Promise<void>

/** A job as its row is inserted. */
export function jobValues(job: ScheduledJob) {
  return {
    kind: job.kind,
    run_at: job.runAt,
    jurisdiction_id: job.jurisdictionId ?? null,
    payload: JSON.stringify(job.payload ?? {}),
    dedupe_key: job.dedupeKey ?? null,
    max_attempts: job.maxAttempts,
  }
}

/** Schedules a job; with a `dedupeKey` already scheduled, keeps the existing one. */
export async function scheduleJob(db: Kysely<Database>, job: ScheduledJob): Promise<void> {
  await scheduleJobs(db, [job])
}

/** Schedules several jobs in one statement, each as `scheduleJob` would. */
export async function scheduleJobs(
  db: Kysely<Database>,
  jobs: readonly ScheduledJob[],
): Promise<void> {
  if (jobs.length === 0) return
  await db
    .insertInto('jobs')
    .values(jobs.map(jobValues))
    .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
    .execute()
}

export interface RunDueJobsOptions {
  handlers: Readonly<Record<string, JobHandler>>
  /** The clock, passed in: tests and replays decide what "now" is. */
  now: () => Date
  /** Retry delay after a failure, growing with attempts. */
  backoffMs?: (attempts: number) => number
  /** Stop after this many jobs (a worker tick), so one replica cannot starve the others. */
  limit?: number
  /**
   * Kinds taken before any other due job, however long the others have waited (issue 16: the
   * duty office's alerts and their deliveries go out first); then the rest in order.
   */
  firstKinds?: readonly string[]
  /**
   * Called in the job's transaction after a failed attempt's writes were rolled back (`final`: no
   * attempt left), so a kind may record the failure on its own rows (a delivery's last error).
   */
  onFailure?: (
    job: DueJob,
    error: Error,
    final: boolean,
    trx: Transaction<Database>,
  ) => Promise<void>
}

/**
 * Fires due jobs one transaction each. `for update skip locked` lets several replicas on one
 * PostgreSQL take different jobs; a job's handler, its writes and its completion commit together,
 * so a crash before commit leaves the job pending, never half-done and never fired twice.
 * Returns how many jobs were handled (done or failed).
 */
export async function runDueJobs(
  db: Kysely<Database>,
  options: RunDueJobsOptions,
): Promise<number> {
  const backoff =
    options.backoffMs ?? ((attempts) => Math.min(60_000 * 2 ** (attempts - 1), 3_600_000))
  let handled = 0
  const passes = options.firstKinds?.length ? [options.firstKinds, undefined] : [undefined]
  for (const kinds of passes)
    while (handled < (options.limit ?? Number.POSITIVE_INFINITY)) {
      if ((await runOneDueJob(db, options, backoff, kinds)) === 'none') break
      handled += 1
    }
  return handled
}

/** Takes the next due job (of `kinds`, if given) and runs it in its own transaction. */
async function runOneDueJob(
  db: Kysely<Database>,
  options: RunDueJobsOptions,
  backoff: (attempts: number) => number,
  kinds: readonly string[] | undefined,
): Promise<'none' | 'handled'> {
  const now = options.now()
  return db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('jobs')
      .select(['id', 'kind', 'jurisdiction_id', 'payload', 'attempts', 'max_attempts'])
      .where('state', '=', 'pending')
      .where('run_at', '<=', now.toISOString() as unknown as Date)
    if (kinds) due = due.where('kind', 'in', [...kinds])
    const job = await due
      .orderBy('run_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
    if (!job) return 'none' as const
    const attempts = job.attempts + 1
    const handler = options.handlers[job.kind]
    // A savepoint keeps the handler's partial writes out when it fails.
    await sql`savepoint job_handler`.execute(trx)
    try {
      if (!handler) throw new Error(`没有处理"${job.kind}"的程序`)
      await handler(
        {
          id: String(job.id),
          kind: job.kind,
          jurisdictionId: job.jurisdiction_id,
          payload: job.payload,
          attempts,
        },
        trx,
      )
      await sql`release savepoint job_handler`.execute(trx)
      await trx
        .updateTable('jobs')
        .set({ state: 'done', attempts, finished_at: now.toISOString() })
        .where('id', '=', job.id)
        .execute()
    } catch (error) {
      await sql`rollback to savepoint job_handler`.execute(trx)
      const failed = attempts >= job.max_attempts
      await options.onFailure?.(
        {
          id: String(job.id),
          kind: job.kind,
          jurisdictionId: job.jurisdiction_id,
          payload: job.payload,
          attempts,
        },
        error as Error,
        failed,
        trx,
      )
      await trx
        .updateTable('jobs')
        .set({
          state: failed ? 'failed' : 'pending',
          attempts,
          last_error: (error as Error).message,
          run_at: new Date(now.getTime() + backoff(attempts)).toISOString(),
          finished_at: failed ? now.toISOString() : null,
        })
        .where('id', '=', job.id)
        .execute()
    }
    return 'handled' as const
  })
}
