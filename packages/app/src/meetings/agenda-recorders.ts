import { type Citation, citationOf, postsIncludedBy, type ResolvedRulebook } from '@zhengling/rules'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import { portfolioDeputiesOfUnit } from '../organisation/routing-organisation.ts'
import type { Repositories } from '../unit-of-work.ts'

/**
 * Who, in this roster, may do what a rulebook post names for one agenda item: record a step
 * (recordedBy), approve the agenda (decidedBy). Everything the answer depends on is here, so the
 * use cases and the exhaustive plan test ask the same function.
 */
export interface RecorderContext {
  rulebook: ResolvedRulebook
  /** Every post of the jurisdiction, with its unit. */
  posts: readonly HeldPost[]
  /** Who holds each post today (or acts for it); a post missing here is vacant. */
  holders: ReadonlyMap<string, readonly string[]>
  presiderPostId: string | null
  submittingDepartmentId: string
  /**
   * The posts overseeing the submitting unit (分管副职); for a unit no deputy oversees (the
   * government office), the deputy it named at submission; else none.
   */
  overseerPostIds: readonly string[]
}

/** A concrete post that may act, with its holders today (an empty list: vacant). */
export interface PostHolding {
  postId: string
  title: string
  holders: string[]
}

/**
 * The posts a list of rulebook post ids names for this item (any of them acts). Groups include
 * their members (副县长 includes 常务副县长); relational posts resolve against the item:
 * submittingUnit to the unit's posts, portfolioDeputy to its overseers, presider/convener to the
 * meeting's presider.
 */
export function postsNamed(context: RecorderContext, ids: readonly string[]): HeldPost[] {
  const named = new Set(ids.flatMap((id) => postsIncludedBy(context.rulebook, id)))
  return context.posts.filter((post) =>
    [...named].some((id) => {
      switch (id) {
        case 'submittingUnit':
          return post.departmentId === context.submittingDepartmentId
        case 'presider':
        case 'convener':
          return post.postId === context.presiderPostId
        default:
          return matchesRulebookPost(post, id, { overseerPostIds: context.overseerPostIds })
      }
    }),
  )
}

/** The posts named, with who holds them today. */
export function holdingsNamed(context: RecorderContext, ids: readonly string[]): PostHolding[] {
  return postsNamed(context, ids).map((post) => ({
    postId: post.postId,
    title: post.title,
    holders: [...(context.holders.get(post.postId) ?? [])],
  }))
}

/** Only the posts someone holds (or acts for) today. */
export function heldNamed(context: RecorderContext, ids: readonly string[]): PostHolding[] {
  return holdingsNamed(context, ids).filter((post) => post.holders.length > 0)
}

/** '副县长（常务副县长 王志刚、副县长（教育） 拉姆卓玛）', or the rulebook title and 无人在岗. */
export function describeHoldings(
  context: RecorderContext,
  ids: readonly string[],
  holdings: readonly PostHolding[] = heldNamed(context, ids),
): string {
  const titles = ids.map((id) => context.rulebook.posts.get(id)?.title ?? id).join('或')
  if (holdings.length === 0) return `${titles}（本辖区无人在岗）`
  const who = holdings.map((post) => `${post.title} ${post.holders.join('、')}`).join('；')
  return `${titles}（${who}）`
}

/** The citation of one rule by id, for a refusal that names its article. */
export function citationOfRule(rulebook: ResolvedRulebook, ruleId: string): Citation[] {
  const rule = rulebook.rules.find((candidate) => candidate.id === ruleId)
  return rule ? [citationOf(rule)] : []
}

/** '（第十五条）' for the rules cited, to end a Chinese message. */
export function articleNumbersOf(citations: readonly Citation[]): string {
  const numbers = [...new Set(citations.map((citation) => citation.article))]
  return numbers.length ? `（${numbers.join('、')}）` : ''
}

/** The roster as recorder resolution reads it, once per jurisdiction and day. */
export interface MeetingRoster {
  rulebook: ResolvedRulebook
  posts: readonly HeldPost[]
  holders: ReadonlyMap<string, readonly string[]>
  /** The deputies overseeing each unit (分管). */
  overseers: ReadonlyMap<string, readonly string[]>
}

/** Reads the jurisdiction's posts, holders (or acting holders) and portfolios on a date. */
export async function loadMeetingRoster(
  r: Pick<Repositories, 'organisation'>,
  input: { rulebook: ResolvedRulebook; jurisdictionId: string; on: string },
): Promise<MeetingRoster> {
  const [posts, dated, chart] = await Promise.all([
    r.organisation.unitPosts(input.jurisdictionId),
    r.organisation.postsOf(input.jurisdictionId, input.on),
    r.organisation.organisationChart(input.jurisdictionId, input.on),
  ])
  const holders = new Map<string, string[]>()
  for (const post of dated) {
    let names = post.holders.map((holder) => holder.name)
    if (names.length === 0) {
      // A vacant post with someone acting for it (代理) is held by the acting post's holders.
      const acting = await r.organisation.actingFor(post.postId, input.on)
      names = acting?.holders.map((holder) => `${holder.name}（代理）`) ?? []
    }
    if (names.length) holders.set(post.postId, names)
  }
  const overseers = new Map(
    (chart?.departments ?? []).map((department) => [
      department.id,
      department.overseers.map((overseer) => overseer.postId),
    ]),
  )
  return { rulebook: input.rulebook, posts, holders, overseers }
}

/**
 * The context for one unit's item: its 分管副职 are the deputies whose portfolio covers it, or,
 * for a unit no deputy oversees (the government office serves every leader), the deputy it named
 * at submission — the same resolution as a draft's (ADR 0010); else none, never the head.
 */
export function recorderContextOf(
  roster: MeetingRoster,
  input: {
    submittingDepartmentId: string
    presiderPostId: string | null
    portfolioDeputyPostId?: string | null
  },
): RecorderContext {
  return {
    rulebook: roster.rulebook,
    posts: roster.posts,
    holders: roster.holders,
    presiderPostId: input.presiderPostId,
    submittingDepartmentId: input.submittingDepartmentId,
    overseerPostIds: portfolioDeputiesOfUnit(
      unitsOf(roster),
      input.submittingDepartmentId,
      input.portfolioDeputyPostId,
    ).overseers,
  }
}

/** The roster's units with their overseers, as the shared 分管副职 resolution reads them. */
export function unitsOf(roster: Pick<MeetingRoster, 'overseers'>) {
  return [...roster.overseers].map(([id, overseerPostIds]) => ({ id, overseerPostIds }))
}

/** Reads the roster the context needs for one submitting unit on a date. */
export async function loadRecorderContext(
  r: Pick<Repositories, 'organisation'>,
  input: {
    rulebook: ResolvedRulebook
    jurisdictionId: string
    presiderPostId: string | null
    submittingDepartmentId: string
    portfolioDeputyPostId?: string | null
    on: string
  },
): Promise<RecorderContext> {
  return recorderContextOf(await loadMeetingRoster(r, input), input)
}
