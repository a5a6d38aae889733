import type { Citation, DecisionResult } from '@zhengling/rules'
import { InvalidInputError, RuleRefusedError } from '../errors.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import {
  assertPortfolioDeputyNamable,
  isOverseer,
  overseersOfUnit,
  portfolioDeputiesOfUnit,
  type RoutingOrganisation,
  staffedPostsOfUnit,
} from '../organisation/routing-organisation.ts'
import type { RulesPort } from '../rules-port.ts'
import type { PlannedStep } from './document.ts'
import { ask, responsibleFor } from './document-rules.ts'
import { articlesOf, staffedResponsible } from './plan-incoming-document.ts'
import { postsForStep } from './posts-for-step.ts'

/**
 * A step of the rulebook's chain: one post, several of which any one may act, or every post one
 * id resolves to, each of whom must act (托克逊 六十四: 经有关副县长会签 — each of them).
 */
export type ChainStep = string | { anyOf: readonly string[] } | { each: string }

export interface SignoffOutcome {
  reviewChain: ChainStep[]
  signer: string[]
  drafter: string[]
  note: string | null
}

/** Who the draft's relational posts are: 分管副职, 有关副职, and how the 分管副职 was found. */
export interface PortfolioRelations {
  draftingUnitId: string | null
  /** 分管副职: the deputies overseeing the matter. */
  overseers: string[]
  /** 有关副职: deputies overseeing 会签 units the 分管副职 does not oversee (crossing portfolios). */
  involved: string[]
  /**
   * draftingUnit: the deputies overseeing the drafting unit; drafter: a deputy drafting in person;
   * named: the deputy the drafter named (the unit has none, e.g. the office); countersignUnit: the
   * deputies overseeing the first 会签 unit that has one (the units the matter crosses, lead first);
   * none: nobody oversees the matter.
   */
  basis: 'draftingUnit' | 'drafter' | 'named' | 'countersignUnit' | 'none'
}

export interface OutgoingDraftFacts {
  /** The drafting post; a leader's post has no unit. */
  drafter: Pick<HeldPost, 'postId' | 'title' | 'departmentId'>
  countersignDepartmentIds: readonly string[]
  /** The 分管副职 the drafter names when the drafting unit has none (the office, a leader). */
  portfolioDeputyPostId?: string
  /**
   * What the sign-off decision is told about the draft (issuer, prefix, documentKind, direction,
   * important…). `scope` is added from the portfolio relations unless the facts state one.
   */
  signoffFacts: Record<string, unknown>
}

export interface OutgoingSignOffPlan {
  signoff: DecisionResult<SignoffOutcome>
  relations: PortfolioRelations
  /** 核稿 steps after merging, each to posts someone holds today. */
  steps: PlannedStep[]
  signing: PlannedStep
  /** The desk that numbers, issues and files it once signed (编号、印发、归档). */
  issuingPostIds: string[]
  /** The plan in words: the rule's summary, then how relations resolved and steps merged. */
  summary: string
}

/**
 * Plans an outgoing document's 核稿 and 签发 over the organisation of the day: the rulebook's
 * sign-off rule for the draft's facts, each step resolved to the posts someone holds (or acts
 * for) today, steps merged where one post would be asked twice (one review stands for every role
 * it holds), and every 会签 unit staffed. A step nobody can take is refused now, naming the post
 * and the article (STEP_UNRESOLVED) — never a task list left empty later. Pure: the use case and
 * the exhaustive plan test call this same function.
 */
export function planOutgoingDocument(
  rules: RulesPort,
  organisation: RoutingOrganisation,
  facts: OutgoingDraftFacts,
): OutgoingSignOffPlan {
  const jurisdictionId = organisation.jurisdictionId
  const countersign = checkCountersignUnits(rules, organisation, facts)
  const relations = portfolioRelationsOf(organisation, {
    drafter: facts.drafter,
    countersignDepartmentIds: countersign,
    portfolioDeputyPostId: facts.portfolioDeputyPostId,
  })
  const signoff = ask<SignoffOutcome>(rules, jurisdictionId, 'outgoing-signoff', {
    // Work that reaches units other deputies oversee crosses portfolios (托克逊 六十四: 有关副县长会签).
    scope: relations.involved.length > 0 ? 'crossPortfolio' : 'portfolio',
    ...facts.signoffFacts,
  })
  if (!signoff)
    throw new RuleRefusedError(
      'NO_SIGNOFF_RULE',
      `规则库没有规定"${String(facts.signoffFacts.prefix ?? facts.signoffFacts.issuer)}"的审核签发`,
      [],
    )
  const titleOf = postTitles(rules, organisation)
  const resolved = resolveSignOff(organisation, signoff.outcome, relations)
  const unresolved = resolved.unresolved[0]
  if (unresolved)
    throw new RuleRefusedError(
      'STEP_UNRESOLVED',
      `${articlesOf(signoff.citations)}须由${unresolved.roles.map(titleOf).join('或')}${unresolved.kind === 'sign' ? '签发' : '审核'}，` +
        `但${whyUnresolved(organisation, unresolved.roles, relations, facts, titleOf)}，此件无法按规定流转，不能拟稿。`,
      signoff.citations,
    )
  // Once signed, the desk numbers, issues and files it: someone must hold that post too.
  const desk = responsibleFor(rules, jurisdictionId, 'incomingRegistration')
  const issuing = staffedResponsible(organisation, desk, '编号印发')
  const label = (step: { roles: string[] }) =>
    step.roles.map((role) => role.split('|').map(titleOf).join('或')).join('、')
  const steps = resolved.steps.map((step) => ({
    ...step,
    label: label(step) + (step.all && step.postIds.length > 1 ? '（每位）' : ''),
  }))
  const signing = { ...resolved.signing, label: label(resolved.signing) }
  const notes: string[] = []
  const portfolioTitles = relations.overseers.map(postTitleIn(organisation)).join('、')
  if (relations.basis === 'countersignUnit')
    notes.push(`拟稿单位无分管领导，分管副职为会签单位的分管领导（${portfolioTitles}）`)
  if (relations.basis === 'named') notes.push(`分管副职为拟稿时指定的${portfolioTitles}`)
  for (const step of [...steps, signing])
    if (step.roles.length > 1)
      notes.push(
        `${step.postIds.map(postTitleIn(organisation)).join('或')}一人兼${step.roles.length}个环节（${step.label}），只${step === signing ? '签发' : '审核'}一次`,
      )
  return {
    signoff,
    relations,
    steps,
    signing,
    issuingPostIds: issuing.map((post) => post.postId),
    summary: [signoff.summary, ...notes].join('；'),
  }
}

/**
 * 分管副职 of a draft: the deputies overseeing its drafting unit; a deputy drafting in person;
 * else the deputy the drafter names; else the deputies overseeing the first 会签 unit that has
 * one (the matter's units, lead first, as 转办 lists them). 有关副职: the other 会签 units'.
 */
export function portfolioRelationsOf(
  organisation: RoutingOrganisation,
  draft: Pick<OutgoingDraftFacts, 'drafter' | 'countersignDepartmentIds' | 'portfolioDeputyPostId'>,
): PortfolioRelations {
  const unitId = draft.drafter.departmentId
  // The unit's own deputies, or the one the drafter named where it has none (shared with meetings).
  assertPortfolioDeputyNamable(
    organisation.units,
    unitId,
    draft.portfolioDeputyPostId,
    postTitleIn(organisation),
    '拟稿单位',
  )
  const ofUnit = portfolioDeputiesOfUnit(organisation.units, unitId, draft.portfolioDeputyPostId)
  const byCountersign = draft.countersignDepartmentIds
    .map((unit) => overseersOfUnit(organisation, unit))
    .find((list) => list.length > 0)
  const [overseers, basis]: [string[], PortfolioRelations['basis']] =
    ofUnit.basis === 'unit'
      ? [ofUnit.overseers, 'draftingUnit']
      : ofUnit.basis === 'named'
        ? [ofUnit.overseers, 'named']
        : !unitId && isOverseer(organisation, draft.drafter.postId)
          ? [[draft.drafter.postId], 'drafter']
          : byCountersign
            ? [byCountersign, 'countersignUnit']
            : [[], 'none']
  const involved = new Set<string>()
  for (const unit of draft.countersignDepartmentIds)
    for (const postId of overseersOfUnit(organisation, unit))
      if (!overseers.includes(postId)) involved.add(postId)
  return { draftingUnitId: unitId, overseers, involved: [...involved], basis }
}

interface ResolvedSignOff {
  steps: Omit<PlannedStep, 'label'>[]
  signing: Omit<PlannedStep, 'label'>
  unresolved: { kind: 'review' | 'sign'; roles: string[] }[]
}

/**
 * Each step of the chain, then the signer, to the staffed posts it names. A post is asked once:
 * a step whose posts were all asked before merges into the earlier step (narrowed to the posts
 * that stand for both); a signer who was asked to review takes that review into the signing.
 */
export function resolveSignOff(
  organisation: RoutingOrganisation,
  rule: Pick<SignoffOutcome, 'reviewChain' | 'signer'>,
  relations: Pick<PortfolioRelations, 'draftingUnitId' | 'overseers' | 'involved'>,
): ResolvedSignOff {
  const postsOf = (ids: readonly string[]) => [
    ...new Set(
      ids.flatMap((id) =>
        postsForStep(organisation.posts, id, {
          unitId: relations.draftingUnitId,
          overseerPostIds: relations.overseers,
          involvedOverseerPostIds: relations.involved,
        })
          .filter((post) => organisation.staffed.has(post.postId))
          .map((post) => post.postId),
      ),
    ),
  ]
  const unresolved: ResolvedSignOff['unresolved'] = []
  const steps: Omit<PlannedStep, 'label'>[] = []
  for (const entry of rule.reviewChain) {
    const ids =
      typeof entry === 'string' ? [entry] : 'each' in entry ? [entry.each] : [...entry.anyOf]
    const all = typeof entry === 'object' && 'each' in entry
    const role = ids.join('|')
    const posts = postsOf(ids)
    if (posts.length === 0) {
      unresolved.push({ kind: 'review', roles: ids })
      continue
    }
    const asked = new Set(steps.flatMap((step) => step.postIds))
    const fresh = posts.filter((post) => !asked.has(post))
    if (fresh.length > 0) {
      steps.push({ roles: [role], postIds: fresh, ...(all ? { all: true } : {}) })
      continue
    }
    const earlier = steps.find((step) => step.postIds.some((post) => posts.includes(post)))
    if (earlier) {
      earlier.roles.push(role)
      earlier.postIds = earlier.postIds.filter((post) => posts.includes(post))
    }
  }
  const signers = postsOf(rule.signer)
  const signerRole = rule.signer.join('|')
  if (signers.length === 0) unresolved.push({ kind: 'sign', roles: [...rule.signer] })
  const asked = new Set(steps.flatMap((step) => step.postIds))
  const freshSigners = signers.filter((post) => !asked.has(post))
  if (freshSigners.length > 0 || signers.length === 0)
    return { steps, signing: { roles: [signerRole], postIds: freshSigners }, unresolved }
  // Every signer was asked to review: the signing stands for those reviews.
  const roles: string[] = []
  const kept = steps.flatMap((step) => {
    const postIds = step.postIds.filter((post) => !signers.includes(post))
    if (postIds.length > 0) return [{ ...step, postIds }]
    roles.push(...step.roles)
    return []
  })
  return { steps: kept, signing: { roles: [...roles, signerRole], postIds: signers }, unresolved }
}

/** Refuses 会签 to an unknown unit, to the drafting unit, or to a unit nobody can answer for. */
function checkCountersignUnits(
  rules: RulesPort,
  organisation: RoutingOrganisation,
  facts: OutgoingDraftFacts,
): string[] {
  const units = [...new Set(facts.countersignDepartmentIds)]
  for (const unitId of units) {
    const unit = organisation.units.find((candidate) => candidate.id === unitId)
    if (!unit) throw new InvalidInputError('UNKNOWN_UNIT', '会签单位不是本辖区的单位')
    if (unitId === facts.drafter.departmentId)
      throw new InvalidInputError('COUNTERSIGN_OWN_UNIT', `${unit.name}是拟稿单位，不需会签`)
    if (staffedPostsOfUnit(organisation, unitId).length > 0) continue
    const period = ask<{ due: string }>(
      rules,
      organisation.jurisdictionId,
      'countersign-deadline',
      {
        requestedOn: organisation.on,
      },
    )
    const citations: Citation[] = period?.citations ?? []
    throw new RuleRefusedError(
      'STEP_UNRESOLVED',
      `${articlesOf(citations)}会签须由${unit.name}回复，但${unit.name}没有在岗人员（职务空缺且无人代理），会签将无人回复，不能拟稿。请先在组织机构中任命或指定代理。`,
      citations,
    )
  }
  return units
}

function whyUnresolved(
  organisation: RoutingOrganisation,
  roles: readonly string[],
  relations: PortfolioRelations,
  facts: OutgoingDraftFacts,
  titleOf: (id: string) => string,
): string {
  const unitName = facts.drafter.departmentId
    ? (organisation.units.find((unit) => unit.id === facts.drafter.departmentId)?.name ??
      '拟稿单位')
    : undefined
  const reasons = roles.map((role) => {
    if (role === 'portfolioDeputy' && relations.overseers.length === 0)
      return `${unitName ?? facts.drafter.title}没有分管领导，会签单位也没有（可在拟稿时从分管领导中指定${titleOf(role)}）`
    if (role === 'involvedDeputy' && relations.involved.length === 0)
      return `此件没有会签其他分管领导分管的单位，没有${titleOf(role)}`
    if ((role === 'involvedDepartmentHead' || role === 'leadDepartmentHead') && !unitName)
      return `拟稿职务${facts.drafter.title}不属于任何单位，没有${titleOf(role)}（应由单位拟稿）`
    if (role === 'involvedDepartmentHead' || role === 'leadDepartmentHead')
      return `${unitName}没有在岗的主要负责人`
    return `${titleOf(role)}空缺且无人代理`
  })
  return [...new Set(reasons)].join('；')
}

/** The rulebook's title for a post id (区长, 分管副区长…), else the id. */
function postTitles(rules: RulesPort, organisation: RoutingOrganisation) {
  const rulebook = rules.rulebook(organisation.jurisdictionId, organisation.on)
  return (id: string) => rulebook?.posts.get(id)?.title ?? id
}

function postTitleIn(organisation: RoutingOrganisation) {
  return (postId: string) =>
    organisation.posts.find((post) => post.postId === postId)?.title ?? postId
}
