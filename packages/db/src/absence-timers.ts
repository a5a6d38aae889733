import {
  ABSENCE_TIMER_KINDS,
  type AbsenceReminderReads,
  remindAbsence,
  type RulesPort,
} from '@zhengling/app'
import type { Kysely } from 'kysely'
import type { JobHandler } from './job-queue.ts'
import { createRepositories } from './repositories.ts'
import type { Database } from './schema.ts'

type AbsenceTimerDeps = { now: () => Date; rules: RulesPort }

/** An absence as its reminder reads it: one statement, with the person's name and post title. */
export function absenceReminderReads(db: Kysely<Database>): AbsenceReminderReads {
  return {
    async absence(id) {
      const row = await db
        .selectFrom('absences as a')
        .innerJoin('people as p', 'p.id', 'a.person_id')
        .innerJoin('posts as po', 'po.id', 'a.post_id')
        .select([
          'a.id',
          'a.jurisdiction_id',
          'a.person_id',
          'p.name as person_name',
          'a.post_id',
          'po.title as post_title',
          'a.category',
          'a.from_date',
          'a.to_date',
          'a.status',
          'a.mode',
          'a.approver_post_id',
          'a.approver_post_ids',
          'a.returned_on',
          'a.rule_ids',
        ])
        .where('a.id', '=', id)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        id: row.id,
        jurisdictionId: row.jurisdiction_id,
        personId: row.person_id,
        personName: row.person_name,
        postId: row.post_id,
        postTitle: row.post_title,
        category: row.category,
        fromDate: row.from_date,
        toDate: row.to_date,
        status: row.status,
        mode: row.mode,
        approverPostIds:
          row.approver_post_ids.length > 0
            ? row.approver_post_ids
            : row.approver_post_id
              ? [row.approver_post_id]
              : [],
        returnedOn: row.returned_on,
        ruleIds: row.rule_ids,
      }
    },
  }
}

/**
 * The handlers of 请销假's durable timers (absence-reminders.ts): 催办 to the approver, 未销假 to
 * the traveller, 代行空缺 to the government office — each in its job's transaction.
 */
export function absenceTimerHandlers(deps: AbsenceTimerDeps): Record<string, JobHandler> {
  const remind: JobHandler = async (job, trx) => {
    await remindAbsence(createRepositories(trx), absenceReminderReads(trx), deps, {
      kind: job.kind,
      absenceId: String(job.payload.absenceId),
    })
  }
  return Object.fromEntries(ABSENCE_TIMER_KINDS.map((kind) => [kind, remind]))
}
