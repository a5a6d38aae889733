import type { Viewer } from '../access/can-see.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { AwaitingWork } from '../workbench/list-awaiting-work.ts'
import { followUpsOf } from './abroad-follow-ups.ts'

/**
 * 因公出国(境) follow-ups in the traveller's workbench (issue 15): each duty the rulebook sets from
 * the return not yet recorded done, due on its day (公务护照 7日内, 出访总结 1个月内). One statement.
 */
export async function abroadFollowUpWork(
  r: Repositories,
  rules: RulesPort,
  viewer: Viewer,
  personId: string,
): Promise<Omit<AwaitingWork, 'workingDaysLeft' | 'overdue' | 'warnings'>[]> {
  const trips = await r.abroadFollowUps.returnedAbroad(viewer, { personId, limit: 50 })
  return trips.flatMap((trip) =>
    followUpsOf(rules, trip)
      .filter((followUp) => !trip.done.some((done) => done.ruleId === followUp.ruleId))
      .map((followUp) => ({
        kind: 'abroadFollowUp',
        kindLabel: '出访后续事项',
        section: 'absences' as const,
        target: { type: 'abroadFollowUp' as const, id: trip.absenceId },
        title: `${followUp.act ?? '出访后续事项'}（${trip.destination}，${trip.returnedOn}回国）`,
        from: null,
        since: `${trip.returnedOn}T00:00:00+08:00`,
        dueDate: followUp.due,
      })),
  )
}
