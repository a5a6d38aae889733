import { shanghaiDateOf } from '@zhengling/rules'
import type { SecrecyLevel } from '../access/secrecy.ts'
import { actorOfSession } from '../acts/actor.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { leaderRolesOf } from '../leader-calendar/view-leader-calendar.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'

/**
 * What happened on the duty board (值班台): a new incident or opinion, a report received, a
 * deadline passed. The live stream (/api/duty/stream) sends `{ type, subject, id }` so the page
 * reloads what changed and sounds or flashes.
 */
export type DutyEventType = 'incident' | 'overdue' | 'opinion' | 'report'

/** Which record `subjectId` names. */
export type DutyEventSubject = 'incident' | 'opinion'

/** An event as an act or a timer writes it, in its own transaction (one insert per act). */
export interface NewDutyEvent {
  jurisdictionId: string
  type: DutyEventType
  subject: DutyEventSubject
  subjectId: string
  /**
   * The units that see this event besides those who see all the jurisdiction's duty matters
   * (`seesAllDutyMatters`): the reporting unit of an incident, the responsible unit of an opinion.
   */
  departmentIds: readonly string[]
  /** The subject's secrecy: a reader not cleared for it is not told. */
  secrecy?: SecrecyLevel
  /** The act's or timer's instant (the server clock). */
  at: string
}

/** One event as the stream sends it; `id` is the position (the SSE event id). */
export interface DutyEventView {
  id: number
  type: DutyEventType
  subject: DutyEventSubject
  subjectId: string
  at: string
}

/** Who reads the duty feed: the jurisdiction, clearance, units, and whether they see all of it. */
export interface DutyEventAudience {
  jurisdictionId: string
  clearance: SecrecyLevel
  departmentIds: readonly string[]
  seesAll: boolean
}

/** The duty feed's store, bound to the command's transaction (or the stream's connection). */
export interface DutyEventRepository {
  /** Appends the events in one statement (none: no statement). */
  record(events: readonly NewDutyEvent[]): Promise<void>
  /** The audience's events after position `afterId`, oldest first, at most `limit`. */
  since(audience: DutyEventAudience, afterId: number, limit: number): Promise<DutyEventView[]>
  /** The newest position the audience may see (0 when none): where a new stream starts. */
  latest(audience: DutyEventAudience): Promise<number>
}

/**
 * Records what an act or a timer did on the duty board, in its transaction: the event exists
 * exactly when the act does. Incidents (H4) and opinions call this, never the table.
 */
export async function recordDutyEvent(
  repositories: Pick<Repositories, 'dutyEvents'>,
  events: NewDutyEvent | readonly NewDutyEvent[],
): Promise<void> {
  await repositories.dutyEvents.record(Array.isArray(events) ? events : [events as NewDutyEvent])
}

/** The units whose posts see every duty matter of the jurisdiction (the rulebook's post ids). */
export const DUTY_WATCH_UNITS = ['dutyOffice', 'governmentOffice', 'emergencyOffice'] as const

/**
 * Whether a post sees all the jurisdiction's incidents and opinions: the duty office, the
 * government office and the emergency office by their unit, and the government's leaders (the
 * rulebook's `governmentLeader` group and the office director, as the leaders' calendar lists them).
 */
export function seesAllDutyMatters(
  posts: readonly Pick<HeldPost, 'postId' | 'role' | 'unitRulebookPost'>[],
  leaderRoles: readonly string[],
): boolean {
  return posts.some(
    (post) =>
      leaderRoles.includes(post.role) ||
      DUTY_WATCH_UNITS.some((unit) => matchesRulebookPost(post, unit)),
  )
}

/** The duty feed's audience of an actor on a date (the rulebook names the leaders). */
export function dutyEventAudience(
  rules: Pick<RulesPort, 'rulebook'>,
  actor: {
    jurisdictionId: string
    clearance: SecrecyLevel
    departmentIds: readonly string[]
    posts: readonly Pick<HeldPost, 'postId' | 'role' | 'unitRulebookPost'>[]
  },
  on: string,
): DutyEventAudience {
  const leaderRoles = leaderRolesOf(rules.rulebook(actor.jurisdictionId, on))
  return {
    jurisdictionId: actor.jurisdictionId,
    clearance: actor.clearance,
    departmentIds: actor.departmentIds,
    seesAll: seesAllDutyMatters(actor.posts, leaderRoles),
  }
}

/**
 * The duty feed's audience of a signed-in person today (the stream asks again on each beat: an
 * acting assignment may begin). Administrators have none (三员分立).
 */
export async function dutyStreamAudience(
  r: Pick<Repositories, 'organisation'>,
  deps: { rules: Pick<RulesPort, 'rulebook'>; now: () => Date },
  session: SessionRecord,
): Promise<DutyEventAudience> {
  const now = deps.now()
  const actor = await actorOfSession(r, session, now)
  return dutyEventAudience(deps.rules, actor, shanghaiDateOf(now.getTime()))
}
