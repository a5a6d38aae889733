import {
  type Meeting,
  postsIncludedBy,
  type ResolvedRulebook,
  shanghaiDateOf,
} from '@zhengling/rules'
import { InvalidInputError } from '../errors.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'

/** The meeting kind the rulebook defines (members, attendees, conveners), or a Chinese refusal. */
export function meetingTypeOf(
  rules: RulesPort,
  jurisdictionId: string,
  meetingType: string,
  on: string,
): { rulebook: ResolvedRulebook; type: Meeting } {
  const rulebook = rules.rulebook(jurisdictionId, on)
  const type = rulebook?.meetings.get(meetingType)
  if (!rulebook || !type)
    throw new InvalidInputError(
      'UNKNOWN_MEETING_TYPE',
      `本辖区规则库没有"${meetingType}"这种会议（可选：${[...(rulebook?.meetings.values() ?? [])].map((m) => m.name).join('、') || '无'}）`,
    )
  return { rulebook, type }
}

/** The rulebook post ids a list names, with the posts each includes (副县长 includes 常务副县长). */
export function rolesNamedBy(rulebook: ResolvedRulebook, ids: readonly string[]): Set<string> {
  return new Set(ids.flatMap((id) => postsIncludedBy(rulebook, id)))
}

/**
 * Who takes part in a meeting of this kind: members (组成人员) are the posts whose role or unit the
 * rulebook lists as members; attendees (列席) those it lists as attendees. Relational attendees
 * (与议题有关的部门主要负责人) join when an item names their unit.
 */
export function participantsFor(
  rulebook: ResolvedRulebook,
  type: Meeting,
  posts: readonly HeldPost[],
): { members: HeldPost[]; attendees: HeldPost[] } {
  const memberRoles = rolesNamedBy(rulebook, type.members)
  const attendeeRoles = rolesNamedBy(rulebook, type.attendees)
  const named = (roles: Set<string>) => (post: HeldPost) =>
    roles.has(post.role) ||
    (post.unitRulebookPost !== null && roles.has(post.unitRulebookPost) && post.headsUnit)
  const members = posts.filter(named(memberRoles))
  const attendees = posts.filter((post) => !members.includes(post) && named(attendeeRoles)(post))
  return { members, attendees }
}

/** Whether a post may convene and preside: a role the rulebook names as convener (受委托的副职 too). */
export function mayPreside(rulebook: ResolvedRulebook, type: Meeting, post: HeldPost): boolean {
  const conveners = rolesNamedBy(rulebook, type.convener)
  // 受县长委托的副县长 / 区人民政府领导: any deputy may be designated to preside.
  if (conveners.has('designatedDeputy') || conveners.has('governmentLeader'))
    for (const role of rolesNamedBy(rulebook, ['principal', 'deputy', 'executiveDeputy']))
      conveners.add(role)
  return conveners.has(post.role)
}

/** The civil date (Asia/Shanghai) a meeting is planned for (its 会议时间). */
export function meetingDateOf(meeting: { startsAt: string }): string {
  return shanghaiDateOf(new Date(meeting.startsAt).getTime())
}

/**
 * The instant a meeting was held: when it opened (宣布开会), else, before it opens, when it is
 * planned. A meeting may be held earlier or later than planned; its minutes, the periods that run
 * from it (纪要 due, 议定事项 follow-up) and the ledger's 交办日期 go by the day it was held.
 */
export function meetingHeldAt(meeting: { startsAt: string; openedAt: string | null }): string {
  return meeting.openedAt ?? meeting.startsAt
}

/** The civil date (Asia/Shanghai) a meeting was held on: see {@link meetingHeldAt}. */
export function meetingHeldDateOf(meeting: { startsAt: string; openedAt: string | null }): string {
  return shanghaiDateOf(new Date(meetingHeldAt(meeting)).getTime())
}
