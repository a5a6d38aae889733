/** A durable timer, written in the command's transaction so it exists exactly when the act does. */
export interface ScheduledTimer {
  kind: string
  /** ISO instant the timer is due. */
  runAt: string
  jurisdictionId: string
  payload: Record<string, unknown>
  /** Scheduling the same timer twice keeps one. */
  dedupeKey: string
}

export interface JobScheduler {
  schedule(timer: ScheduledTimer): Promise<void>
  /** Several timers in one statement (none: no statement); a dedupe key already there keeps it. */
  scheduleAll(timers: readonly ScheduledTimer[]): Promise<void>
}
