import { addDays } from '@zhengling/rules'
import type { ScheduledTimer } from '../jobs/job-scheduler.ts'
import type { DocumentTask } from './document.ts'

/** Kinds of the durable timers behind 催办: the due day, then the first day overdue. */
export const TASK_DUE_REMINDER = 'documentTaskDue'
export const TASK_OVERDUE_REMINDER = 'documentTaskOverdue'

// The office's working day starts at 09:00 in Asia/Shanghai: reminders reach people then.
const morningOf = (date: string) => `${date}T09:00:00+08:00`

/**
 * The 催办 of tasks with a time limit: a reminder on the due day and, if the task is still open
 * the day after, an escalation to the desk that follows documents up (条例第二十四条). The act
 * that opens the tasks schedules these timers in its own statement (open-tasks.ts).
 */
export function remindersOf(
  tasks: readonly Pick<DocumentTask, 'id' | 'documentId' | 'jurisdictionId' | 'dueDate'>[],
): ScheduledTimer[] {
  return tasks.flatMap(({ id, documentId, jurisdictionId, dueDate }) => {
    if (!dueDate) return []
    const payload = { taskId: id, documentId }
    return [
      {
        kind: TASK_DUE_REMINDER,
        runAt: new Date(morningOf(dueDate)).toISOString(),
        jurisdictionId,
        payload,
        dedupeKey: `${TASK_DUE_REMINDER}:${id}`,
      },
      {
        kind: TASK_OVERDUE_REMINDER,
        runAt: new Date(morningOf(addDays(dueDate, 1))).toISOString(),
        jurisdictionId,
        payload,
        dedupeKey: `${TASK_OVERDUE_REMINDER}:${id}`,
      },
    ]
  })
}
