import type { RulesPort } from '../rules-port.ts'
import { matchesRulebookPost } from './matches-rulebook-post.ts'
import type { Repositories } from '../unit-of-work.ts'

/**
 * Who holds an open piece of work now (当前办理): the post, or the unit, it waits on; the people
 * holding that post today, or the post acting for it (代理); since when it has waited there;
 * and its time limit with the working days left on the jurisdiction's calendar.
 */
export interface Holding {
  /** What the holder is to do: a task kind (review, countersign…) or a step of the item. */
  kind: string
  postId: string | null
  /** The post's title; for a unit's work, the title of the post heading the unit. */
  postTitle: string | null
  departmentId: string | null
  /** The unit the work was sent to as a whole (会签单位, 承办单位, 牵头单位). */
  unitName: string | null
  /** Who holds the post today (for a unit's work, its head). */
  holders: string[]
  /**
   * The post acting for it today, when nobody holds it (代理) or its holder is away (代行, with
   * the article: `note`), and who holds that post.
   */
  acting: { postId: string; title: string; holders: string[]; note?: string | null } | null
  /** Nobody holds the post today and nobody acts for it: the work is stuck until reassigned. */
  vacant: boolean
  /** The instant the work reached its holder. */
  since: string
  dueDate: string | null
  /** Working days to the due date on the official calendar; negative once overdue. */
  workingDaysLeft: number | null
}

/** What one piece of work is and whom it waits on. */
export interface OpenWork {
  kind: string
  postId?: string | null
  departmentId?: string | null
  since: string
  dueDate?: string | null
}

/**
 * The jurisdiction's posts, holders and acting assignments on a day, read once (the organisation
 * chart and the unit posts), answering the holding of any number of open pieces of work without
 * another read: a list of documents, agenda items or ledger lines costs the same two reads.
 */
export async function holdingsOn(
  r: Pick<Repositories, 'organisation'>,
  rules: Pick<RulesPort, 'workingDaysLeft'>,
  jurisdictionId: string,
  today: string,
): Promise<(work: OpenWork) => Holding> {
  return (await holdingsDirectoryOn(r, rules, jurisdictionId, today)).holdingOf
}

/**
 * Like `holdingsOn`, with the posts a rulebook post id names (`postsMatching`: the supervision
 * office, the agenda's approvers, 分管副职 of a unit from the chart's portfolios) and unit names,
 * for work that waits on a rulebook post rather than on a task.
 */
export async function holdingsDirectoryOn(
  r: Pick<Repositories, 'organisation'>,
  rules: Pick<RulesPort, 'workingDaysLeft'>,
  jurisdictionId: string,
  today: string,
) {
  const [chart, unitPosts] = await Promise.all([
    r.organisation.organisationChart(jurisdictionId, today),
    r.organisation.unitPosts(jurisdictionId),
  ])
  const posts = new Map((chart?.posts ?? []).map((post) => [post.postId, post]))
  const units = new Map((chart?.departments ?? []).map((unit) => [unit.id, unit.name]))
  const namesOf = (postId: string | undefined) =>
    postId ? (posts.get(postId)?.holders.map((holder) => holder.name) ?? []) : []
  const actingFor = (postId: string) => {
    const actedBy = posts.get(postId)?.actedBy
    return actedBy
      ? {
          postId: actedBy.postId,
          title: actedBy.title,
          holders: namesOf(actedBy.postId),
          ...(actedBy.note ? { note: actedBy.note } : {}),
        }
      : null
  }
  // The holder is away today and someone acts (computed from an absence, ADR 0035).
  const holderAway = (postId: string) => {
    const source = posts.get(postId)?.actedBy?.source
    return source !== undefined && source !== 'roster'
  }
  const heldToday = (postId: string) =>
    namesOf(postId).length > 0 || (actingFor(postId)?.holders.length ?? 0) > 0

  const holdingOf = (work: OpenWork): Holding => {
    const dueDate = work.dueDate ?? null
    const common = {
      kind: work.kind,
      since: work.since,
      dueDate,
      workingDaysLeft: dueDate ? rules.workingDaysLeft(jurisdictionId, today, dueDate) : null,
    }
    if (work.postId) {
      const holders = namesOf(work.postId)
      const acting = holders.length > 0 && !holderAway(work.postId) ? null : actingFor(work.postId)
      return {
        ...common,
        postId: work.postId,
        postTitle: posts.get(work.postId)?.title ?? null,
        departmentId: null,
        unitName: null,
        holders,
        acting,
        vacant: !heldToday(work.postId),
      }
    }
    const departmentId = work.departmentId ?? null
    const unitPostIds = unitPosts
      .filter((post) => departmentId !== null && post.departmentId === departmentId)
      .map((post) => post.postId)
    const head = unitPosts.find(
      (post) => post.headsUnit && departmentId !== null && post.departmentId === departmentId,
    )
    const holders = head ? namesOf(head.postId) : []
    return {
      ...common,
      postId: null,
      postTitle: head?.title ?? null,
      departmentId,
      unitName: departmentId ? (units.get(departmentId) ?? null) : null,
      holders,
      acting:
        head && (holders.length === 0 || holderAway(head.postId)) ? actingFor(head.postId) : null,
      // A unit's work waits on the unit: stuck only when none of its posts is held.
      vacant: !unitPostIds.some(heldToday),
    }
  }
  /** The posts a rulebook post id names; 分管副职 (portfolioDeputy) of `unitId` by the portfolios. */
  const postsMatching = (rulebookPostId: string, unitId?: string | null) => {
    const overseerPostIds =
      chart?.departments.find((unit) => unit.id === unitId)?.overseers.map((o) => o.postId) ?? []
    return unitPosts.filter((post) =>
      matchesRulebookPost(post, rulebookPostId, { overseerPostIds }),
    )
  }
  return {
    holdingOf,
    postsMatching,
    unitName: (unitId: string) => units.get(unitId) ?? '',
  }
}
