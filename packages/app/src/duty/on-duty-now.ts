import { actorOfSession } from '../acts/actor.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { DutyOnCall } from './duty-roster.ts'

/** Who is on duty now in the viewer's jurisdiction (值班领导 and 值班员 of each unit). */
export async function onDutyNow(
  deps: { repositories: Pick<Repositories, 'organisation' | 'dutyRosters'>; now: Date },
  session: SessionRecord,
): Promise<{ at: string; units: DutyOnCall[] }> {
  const viewer = await actorOfSession(deps.repositories, session, deps.now)
  const at = deps.now.toISOString()
  return { at, units: await deps.repositories.dutyRosters.onDutyAt(viewer.jurisdictionId, at) }
}
