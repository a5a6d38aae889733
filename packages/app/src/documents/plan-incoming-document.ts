import type { Citation } from '@zhengling/rules'
import { InvalidInputError, RuleRefusedError } from '../errors.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import {
  overseersOfUnit,
  type RoutingOrganisation,
  staffedPostsOfUnit,
} from '../organisation/routing-organisation.ts'
import type { RulesPort } from '../rules-port.ts'
import { responsibleFor, type Responsibility } from './document-rules.ts'

/** A step of a plan, resolved: the posts (or units) any one of which acts, and the articles. */
export interface ResolvedStep {
  step: string
  /** The step in Chinese: 签收登记, 拟办… */
  label: string
  postIds: string[]
  /** Units a step goes to as a whole (承办, 答复): each has someone to act. */
  departmentIds: string[]
  citations: Citation[]
}

/**
 * The posts a responsibility names (by role, unit or relation) that someone holds or acts for
 * on the day; refuses, naming the posts and the article, when there are none (STEP_UNRESOLVED).
 * `what` says the step (签收登记, 拟办…) for the message.
 */
export function staffedResponsible(
  organisation: RoutingOrganisation,
  responsibility: Responsibility,
  what: string,
  relations: { overseerPostIds?: readonly string[]; unitName?: string } = {},
): HeldPost[] {
  const named = organisation.posts.filter((post) =>
    responsibility.rulebookPosts.some((id) => matchesRulebookPost(post, id, relations)),
  )
  const staffed = named.filter((post) => organisation.staffed.has(post.postId))
  if (staffed.length > 0) return staffed
  const why =
    named.length > 0
      ? `${named.map((post) => post.title).join('、')}空缺且无人代理`
      : responsibility.rulebookPosts.includes('portfolioDeputy') && relations.unitName
        ? `${relations.unitName}没有分管领导`
        : '本辖区名册中没有对应的职务'
  throw new RuleRefusedError(
    'STEP_UNRESOLVED',
    `${articlesOf(responsibility.citations)}${what}无人可办：${responsibility.summary}，但${why}。`,
    responsibility.citations,
  )
}

/** "按第三十二条，" from the citations (the jurisdiction's own articles first), for a message. */
export function articlesOf(citations: readonly Citation[]): string {
  const own = citations.filter((citation) => !citation.ruleId.startsWith('national.'))
  const articles = [...new Set((own.length > 0 ? own : citations).map((c) => c.article))]
  return articles.length > 0 ? `按${articles.join('、')}，` : ''
}

/** Refuses a unit a step would go to as a whole (会签, 承办) when nobody there can act today. */
export function assertUnitsStaffed(
  organisation: RoutingOrganisation,
  unitIds: readonly string[],
  what: string,
  citations: Citation[] = [],
): void {
  for (const unitId of unitIds) {
    const unit = organisation.units.find((candidate) => candidate.id === unitId)
    if (!unit) throw new InvalidInputError('UNKNOWN_UNIT', `${what}单位不是本辖区的单位`)
    if (staffedPostsOfUnit(organisation, unitId).length === 0)
      throw new RuleRefusedError(
        'STEP_UNRESOLVED',
        `${articlesOf(citations)}${unit.name}没有在岗人员（职务空缺且无人代理），不能作为${what}单位。请先在组织机构中任命或指定代理。`,
        citations,
      )
  }
}

/** The leaders an incoming document is 呈批 to: by portfolio of its units, or the head if major. */
export function approvingLeaders(
  rules: RulesPort,
  organisation: RoutingOrganisation,
  matter: { unitIds: readonly string[]; major: boolean },
): { posts: HeldPost[]; responsibility: Responsibility } {
  const responsibility = responsibleFor(
    rules,
    organisation.jurisdictionId,
    matter.major ? 'majorMatterForApproval' : 'documentForApproval',
    // The leaders who approve, not the office that submits it to them (呈批).
    'approves',
  )
  const overseerPostIds = [
    ...new Set(matter.unitIds.flatMap((unit) => overseersOfUnit(organisation, unit))),
  ]
  const names = matter.unitIds
    .map((unit) => organisation.units.find((candidate) => candidate.id === unit)?.name)
    .filter(Boolean)
  const posts = staffedResponsible(organisation, responsibility, '呈批', {
    overseerPostIds,
    unitName: `${names.join('、') || '来文单位'}（可在拟办时增加涉及的单位，或按重大事项呈报）`,
  })
  return { posts, responsibility }
}

/**
 * An incoming document's whole course as the flow would run it today: 签收登记 and 初审 by the
 * desk, 拟办 by the office, 呈批 by portfolio (or to the head when major), 转办 by the desk to the
 * handling units, 答复 to the sender, 归档 by the desk. Each step resolves to someone holding the
 * post or acting for it, or this refuses naming the post and article. The flow's use cases ask
 * the same functions, so the exhaustive plan test checks what they do.
 */
export function planIncomingDocument(
  rules: RulesPort,
  organisation: RoutingOrganisation,
  matter: {
    senderDepartmentId: string
    concernedDepartmentIds?: readonly string[]
    major?: boolean
    handlingDepartmentIds: readonly string[]
  },
): ResolvedStep[] {
  const jurisdictionId = organisation.jurisdictionId
  const registration = responsibleFor(rules, jurisdictionId, 'incomingRegistration')
  const desks = staffedResponsible(organisation, registration, '签收登记')
  const vetting = responsibleFor(rules, jurisdictionId, 'submittedDocumentVetting')
  const office = staffedResponsible(organisation, vetting, '拟办')
  const leaders = approvingLeaders(rules, organisation, {
    unitIds: [...new Set([matter.senderDepartmentId, ...(matter.concernedDepartmentIds ?? [])])],
    major: matter.major ?? false,
  })
  // 转办 to the handling units and 答复 to the sender are the desk's (条例第二十四条 as encoded).
  assertUnitsStaffed(organisation, matter.handlingDepartmentIds, '承办', registration.citations)
  assertUnitsStaffed(organisation, [matter.senderDepartmentId], '来文', registration.citations)
  const ids = (posts: readonly HeldPost[]) => posts.map((post) => post.postId)
  const desk = (step: string, label: string): ResolvedStep => ({
    step,
    label,
    postIds: ids(desks),
    departmentIds: [],
    citations: registration.citations,
  })
  return [
    desk('register', '签收登记'),
    desk('screen', '初审'),
    {
      step: 'propose',
      label: '拟办',
      postIds: ids(office),
      departmentIds: [],
      citations: vetting.citations,
    },
    {
      step: 'instruct',
      label: '批示',
      postIds: ids(leaders.posts),
      departmentIds: [],
      citations: leaders.responsibility.citations,
    },
    desk('refer', '转办'),
    {
      step: 'handle',
      label: '承办',
      postIds: [],
      departmentIds: [...matter.handlingDepartmentIds],
      citations: [],
    },
    {
      step: 'reply',
      label: '答复',
      postIds: [],
      departmentIds: [matter.senderDepartmentId],
      citations: [],
    },
    desk('archive', '归档'),
  ]
}
