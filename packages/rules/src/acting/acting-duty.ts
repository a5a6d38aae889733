import type { Citation } from '../rulebook/citation.ts'
import { postsIncludedBy } from '../rulebook/posts.ts'
import {
  citationOf,
  type ResolvedRule,
  type ResolvedRulebook,
  rulesOfKind,
} from '../rulebook/resolve-rulebook.ts'

/**
 * Who acts for whom on a day (代行职责, issue 15): pure, from the jurisdiction's posts in roster
 * order, the posts whose holders are away that day, the office's designations and the rulebook's
 * `acting` rules. The product follows the answer: 签发, 批示, presiding, approvals and 待办 of an
 * away post go to the post acting for it, with the article.
 *
 * Walking an away post's acting rule (`order`, first that can act wins):
 * - a rulebook post the roster fills (executiveDeputy, deputy…): the posts holding that role, in
 *   roster order, that are held and not away;
 * - `rankedDeputy` (依次): the deputies in roster order, the away post excluded;
 * - `designatedDeputy` (受…委托的副职): the designation covering the day, if any;
 * - `standInPartner`, `actingUnitLeader` (互补的另一方, 主持工作的负责人): the post the requester
 *   named as stand-in on the absence.
 * When the order runs out: a designation for the day fills it where the rule leaves the choice
 * to someone (`decidedBy`) or is silent (the office must fill it); else the day is a GAP. The
 * order is not followed through a candidate's own rule: an article that names one stand-in
 * does not say who acts when that stand-in is away too (木里 第七条, 延津 五 are silent).
 * An away post with no acting rule is covered by the stand-in its absence names, if any.
 */

/** A post of the jurisdiction as the computation needs it; the list is in roster order. */
export interface ActingPost {
  postId: string
  role: string
  title: string
  /** The rulebook post of the post's unit (governmentOffice…), if any. */
  unitRulebookPost: string | null
  /** Someone holds it on the day (a vacant post cannot act). */
  held: boolean
}

/** Why a post's holder is away on the day (an absence) and whom the requester named. */
export interface AwayPost {
  postId: string
  absenceId: string | null
  standInPostId: string | null
  /**
   * The absence category (businessTrip…): a rule with `during` applies only to those (钟山 第六条
   * 因公出区, 延津 五 离延出差、出访和学习). Unknown (null or absent): every rule applies.
   */
  category?: string | null
}

/** An explicit designation (办公室明确) covering the day: `actingPostId` acts for `postId`. */
export interface ActingDesignation {
  id: string
  postId: string
  actingPostId: string
}

export type ActingSource = 'rule' | 'designation' | 'standIn'

export interface ActingAssignmentOfDay {
  postId: string
  actingPostId: string
  source: ActingSource
  absenceId: string | null
  designationId: string | null
  ruleIds: string[]
  citations: Citation[]
  /** What every act done in the acting post says: 代行区长职责 — 第六条. */
  note: string
}

export interface ActingGapOfDay {
  postId: string
  absenceId: string | null
  ruleIds: string[]
  citations: Citation[]
  summary: string
}

export interface ActingDay {
  date: string
  assignments: ActingAssignmentOfDay[]
  gaps: ActingGapOfDay[]
}

/** Relational rulebook posts the requester's absence names (the named stand-in). */
const NAMED_BY_REQUESTER = new Set(['standInPartner', 'actingUnitLeader'])

/** Whether a concrete post is the rulebook post: its role, its unit's post, or a group's member. */
function fills(rulebook: ResolvedRulebook, post: ActingPost, rulebookPost: string): boolean {
  if (post.unitRulebookPost === rulebookPost) return true
  return postsIncludedBy(rulebook, rulebookPost).includes(post.role)
}

/**
 * The acting rule for a post: one naming its own role first, then its unit's post, then a group
 * it belongs to; only rules whose `during` covers the absence's category, when it is known.
 */
export function actingRuleFor(
  rulebook: ResolvedRulebook,
  post: Pick<ActingPost, 'role' | 'unitRulebookPost'>,
  on?: string,
  category?: string | null,
): (ResolvedRule & { kind: 'acting' }) | undefined {
  const rules = rulesOfKind(rulebook, 'acting', on).filter(
    (rule) => !category || !rule.params.during || rule.params.during.includes(category),
  )
  return (
    rules.find((rule) => rule.params.absent === post.role) ??
    rules.find((rule) => rule.params.absent === post.unitRulebookPost) ??
    rules.find((rule) => postsIncludedBy(rulebook, rule.params.absent).includes(post.role))
  )
}

/** Whether the office may designate who acts for the post (the rule leaves it to someone). */
export function designationAllowed(rule: ResolvedRule & { kind: 'acting' }): boolean {
  return rule.params.order.includes('designatedDeputy') || (rule.params.decidedBy ?? []).length > 0
}

/** 代行区长职责 — 第六条 */
export function actingNote(postTitle: string, citations: readonly Citation[]): string {
  const articles = [...new Set(citations.map((citation) => citation.article))]
  return articles.length
    ? `代行${postTitle}职责 — ${articles.join('、')}`
    : `代行${postTitle}职责（请假人指定）`
}

/** Who acts for each away post on one day, and the days nobody can. */
export function actingDutyOn(input: {
  rulebook: ResolvedRulebook
  date: string
  posts: readonly ActingPost[]
  away: readonly AwayPost[]
  designations: readonly ActingDesignation[]
}): ActingDay {
  const { rulebook, date, posts } = input
  const awayIds = new Set(input.away.map((away) => away.postId))
  const byId = new Map(posts.map((post) => [post.postId, post]))
  const canAct = (post: ActingPost | undefined, absent: ActingPost): post is ActingPost =>
    post !== undefined && post.postId !== absent.postId && post.held && !awayIds.has(post.postId)
  const assignments: ActingAssignmentOfDay[] = []
  const gaps: ActingGapOfDay[] = []

  for (const away of input.away) {
    const absent = byId.get(away.postId)
    if (!absent) continue
    const designation = input.designations.find((d) => d.postId === absent.postId)
    const rule = actingRuleFor(rulebook, absent, date, away.category)
    const assign = (acting: ActingPost, source: ActingSource, rules: ResolvedRule[]) => {
      const citations = rules.map(citationOf)
      assignments.push({
        postId: absent.postId,
        actingPostId: acting.postId,
        source,
        absenceId: away.absenceId,
        designationId: source === 'designation' ? (designation?.id ?? null) : null,
        ruleIds: rules.map((r) => r.id),
        citations,
        note: actingNote(absent.title, citations),
      })
    }
    const standIn = away.standInPostId ? byId.get(away.standInPostId) : undefined
    if (!rule) {
      if (canAct(standIn, absent)) assign(standIn, 'standIn', [])
      continue
    }
    let found = false
    for (const candidate of rule.params.order) {
      if (candidate === 'designatedDeputy') {
        const designated = designation ? byId.get(designation.actingPostId) : undefined
        if (canAct(designated, absent)) {
          assign(designated, 'designation', [rule])
          found = true
          break
        }
        continue
      }
      if (NAMED_BY_REQUESTER.has(candidate)) {
        if (canAct(standIn, absent)) {
          assign(standIn, 'standIn', [rule])
          found = true
          break
        }
        continue
      }
      const role = candidate === 'rankedDeputy' ? 'deputy' : candidate
      const next = posts.find((post) => fills(rulebook, post, role) && canAct(post, absent))
      if (next) {
        assign(next, 'rule', [rule])
        found = true
        break
      }
    }
    if (found) continue
    // The order ran out: the designation for the day, where the rule leaves it to someone or
    // says nothing more; else nobody can act and the office must name someone.
    const designated = designation ? byId.get(designation.actingPostId) : undefined
    if (canAct(designated, absent)) {
      assign(designated, 'designation', [rule])
      continue
    }
    const citations = [citationOf(rule)]
    gaps.push({
      postId: absent.postId,
      absenceId: away.absenceId,
      ruleIds: [rule.id],
      citations,
      summary: `${absent.title}外出期间，${citations[0]?.article ?? ''}所列代行人选均不在岗，须由办公室明确代行${absent.title}职责的领导`,
    })
  }
  return { date, assignments, gaps }
}

/** One absence as stored: away on each day from `from` to `to` (both inclusive). */
export interface AwaySpan extends AwayPost {
  from: string
  to: string
}

/** A designation as stored, over its days. */
export interface DesignationSpan extends ActingDesignation {
  from: string
  to: string
}

/** Each day from `from` to `to`, inclusive (ISO dates). */
export function datesFromTo(from: string, to: string): string[] {
  const days: string[] = []
  const end = Date.parse(`${to}T00:00:00Z`)
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10))
  return days
}

/** The acting duty on each day of a span (at most a year: a longer span is cut to a year). */
export function actingDutyOver(input: {
  rulebookOn: (date: string) => ResolvedRulebook | undefined
  from: string
  to: string
  /** The posts in roster order, or the posts as they are on each day (who holds them). */
  posts: readonly ActingPost[] | ((date: string) => readonly ActingPost[])
  away: readonly AwaySpan[]
  designations: readonly DesignationSpan[]
}): ActingDay[] {
  const postsOn = input.posts
  const postsOf = typeof postsOn === 'function' ? postsOn : () => postsOn
  return datesFromTo(input.from, input.to)
    .slice(0, 366)
    .flatMap((date) => {
      const rulebook = input.rulebookOn(date)
      if (!rulebook) return []
      const covers = (span: { from: string; to: string }) => span.from <= date && date <= span.to
      return [
        actingDutyOn({
          rulebook,
          date,
          posts: postsOf(date),
          away: input.away.filter(covers),
          designations: input.designations.filter(covers),
        }),
      ]
    })
}

/** An assignment over consecutive days, as acting_assignments stores it. */
export interface ActingSpan extends Omit<ActingAssignmentOfDay, 'citations'> {
  from: string
  to: string
  citations: Citation[]
}

/** Consecutive days with the same assignment merged into one span. */
export function actingSpansOf(days: readonly ActingDay[]): ActingSpan[] {
  const spans: ActingSpan[] = []
  const open = new Map<string, ActingSpan>()
  for (const day of days) {
    for (const assignment of day.assignments) {
      const key = [
        assignment.postId,
        assignment.actingPostId,
        assignment.source,
        assignment.absenceId,
        assignment.designationId,
        assignment.ruleIds.join(','),
      ].join('|')
      const current = open.get(key)
      if (current && addDay(current.to) === day.date) current.to = day.date
      else {
        const span = { ...assignment, from: day.date, to: day.date }
        spans.push(span)
        open.set(key, span)
      }
    }
  }
  return spans
}

function addDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}
