import { InvalidInputError, NotFoundError } from '../errors.ts'
import type { HeldPost, OrganisationDirectory } from './organisation-repository.ts'

/**
 * The organisation as routing plans over it on one day: every post with its unit, which posts
 * someone can act in that day (held, or acted for by a post someone holds), and each unit with
 * the deputies overseeing it. Plain data: planning over it is pure, so the same planner serves a
 * use case (loaded from the database) and the exhaustive plan test (every roster, every case).
 */
export interface RoutingOrganisation {
  jurisdictionId: string
  on: string
  posts: readonly HeldPost[]
  /** Posts a person can act in on the day: held, or acted for (代理) by a held post. */
  staffed: ReadonlySet<string>
  units: readonly RoutingUnit[]
}

export interface RoutingUnit {
  id: string
  name: string
  kind: 'department' | 'township' | 'desk'
  /** The deputies' posts whose portfolio covers the unit on the day (分管). */
  overseerPostIds: readonly string[]
}

/** Loads the routing view of a jurisdiction's organisation on a civil date. */
export async function loadRoutingOrganisation(
  organisation: Pick<OrganisationDirectory, 'unitPosts' | 'organisationChart'>,
  jurisdictionId: string,
  on: string,
): Promise<RoutingOrganisation> {
  const [posts, chart] = await Promise.all([
    organisation.unitPosts(jurisdictionId),
    organisation.organisationChart(jurisdictionId, on),
  ])
  if (!chart) throw new NotFoundError('JURISDICTION_NOT_FOUND', '没有这个辖区')
  const held = new Set(chart.posts.filter((post) => !post.vacant).map((post) => post.postId))
  const staffed = new Set(
    chart.posts
      .filter((post) => held.has(post.postId) || (post.actedBy && held.has(post.actedBy.postId)))
      .map((post) => post.postId),
  )
  return {
    jurisdictionId,
    on,
    posts,
    staffed,
    units: chart.departments.map((unit) => ({
      id: unit.id,
      name: unit.name,
      kind: unit.kind,
      overseerPostIds: unit.overseers.map((overseer) => overseer.postId),
    })),
  }
}

/** The deputies overseeing a unit on the day (none for an unknown unit). */
export function overseersOfUnit(organisation: RoutingOrganisation, unitId: string): string[] {
  return [...(organisation.units.find((unit) => unit.id === unitId)?.overseerPostIds ?? [])]
}

/** The posts of a unit someone can act in on the day (who can answer a 会签 or handle a 转办). */
export function staffedPostsOfUnit(organisation: RoutingOrganisation, unitId: string): HeldPost[] {
  return organisation.posts.filter(
    (post) => post.departmentId === unitId && organisation.staffed.has(post.postId),
  )
}

/** Whether the post oversees any unit on the day: a deputy with a portfolio (分管副职). */
export function isOverseer(organisation: RoutingOrganisation, postId: string): boolean {
  return organisation.units.some((unit) => unit.overseerPostIds.includes(postId))
}

/**
 * 分管副职 of a unit (ADR 0010), for documents and meetings alike: the deputies whose portfolio
 * covers it; where none does — the government office serves every leader — the deputy the unit
 * named (`named`); else none, and the caller says what the articles ask (a refusal naming the
 * post, or the 会签 units' deputies for a draft). Never the head: the articles name 分管.
 */
export function portfolioDeputiesOfUnit(
  units: readonly Pick<RoutingUnit, 'id' | 'overseerPostIds'>[],
  unitId: string | null,
  named?: string | null,
): { overseers: string[]; basis: 'unit' | 'named' | 'none' } {
  const ofUnit = [...(units.find((unit) => unit.id === unitId)?.overseerPostIds ?? [])]
  if (ofUnit.length > 0)
    return { overseers: named && ofUnit.includes(named) ? [named] : ofUnit, basis: 'unit' }
  return named ? { overseers: [named], basis: 'named' } : { overseers: [], basis: 'none' }
}

/**
 * Refuses a named 分管副职 that oversees no unit, or one named for a unit that has its own
 * (`unitNoun`: 拟稿单位, 报送单位).
 */
export function assertPortfolioDeputyNamable(
  units: readonly Pick<RoutingUnit, 'id' | 'overseerPostIds'>[],
  unitId: string | null,
  named: string | null | undefined,
  titleOf: (postId: string) => string,
  unitNoun: string,
): void {
  if (!named) return
  if (!units.some((unit) => unit.overseerPostIds.includes(named)))
    throw new InvalidInputError('NOT_A_DEPUTY', '指定的分管副职不分管任何单位，请从分管领导中选择')
  const ofUnit = units.find((unit) => unit.id === unitId)?.overseerPostIds ?? []
  if (ofUnit.length > 0 && !ofUnit.includes(named))
    throw new InvalidInputError(
      'PORTFOLIO_DEPUTY_FIXED',
      `${unitNoun}由${ofUnit.map(titleOf).join('、')}分管，不能另行指定分管副职`,
    )
}
