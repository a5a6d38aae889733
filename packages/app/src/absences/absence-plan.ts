import {
  type Citation,
  type DecisionResult,
  daysBetween,
  knownInputCodes,
  type ResolvedRulebook,
} from '@zhengling/rules'
import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotFoundError, RuleRefusedError } from '../errors.ts'
import {
  holdingsNamed,
  type MeetingRoster,
  type PostHolding,
  recorderContextOf,
} from '../meetings/agenda-recorders.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  ABSENCE_CATEGORY_LABELS,
  type AbsenceCategory,
  type AbsenceConflict,
  type AbsenceMode,
} from './absence.ts'
import type { OverlappingAbsence } from './absence-repository.ts'
import { GOVERNMENT_OFFICE } from '../organisation/government-office.ts'

/** 其他政府领导同志 (national, relational) and the group it is drawn from (every rulebook's). */
const OTHER_LEADERS = 'otherLeaders'
const GOVERNMENT_LEADERS = 'governmentLeader'

/** A post as the answer names it: on the chart with its holders, or the rulebook's word for a body. */
export type PostRef = PostHolding | string

/** What the rulebook answers for one absence before it is filed (and what filing stores). */
export interface AbsencePlan {
  mode: AbsenceMode
  days: number
  /** The posts that may decide (none for a filing). */
  approvers: PostHolding[]
  /**
   * The approver the rule names is a body off the roster (区委、区人民政府): the government
   * office registers its decision, and the answer says so.
   */
  approverIsBody: boolean
  approverNames: string[]
  /**
   * The steps in turn (经…审核同意后报…): each 'via' post, then the approver. A request waits on
   * one step at a time; a filing has none.
   */
  stages: AbsenceStage[]
  via: PostRef[]
  inform: PostRef[]
  fileWith: PostRef[]
  reportBackTo: PostRef[]
  latestFiling: string | null
  filedInTime: boolean | null
  /** Filing late breaks a firm rule (not 原则上): refused. */
  lateForbidden: boolean
  conflict: (AbsenceConflict & { conflict: boolean; citations: Citation[] }) | null
  summary: string
  citations: Citation[]
}

/** One step of a request's way: who decides it (the office for a body off the roster). */
export interface AbsenceStage {
  /** The rulebook's word for the step: 分管副市长, 市长, 自治区人民政府… */
  label: string
  posts: PostHolding[]
  byOffice: boolean
}

/** The roster as absences read it on a day: posts, holders and their names, portfolios. */
export interface AbsenceRoster extends MeetingRoster {
  /** Names of the people holding a post that day, by person id. */
  people: ReadonlyMap<string, string>
  /**
   * The rulebook group a unit's head belongs to, by unit: 部门主要负责人 (departmentHead) for a
   * department or desk, 乡镇主要负责人 (townshipHead) for a township.
   */
  headGroups: ReadonlyMap<string, string>
}

/** Reads the roster on a day: two statements. */
export async function loadAbsenceRoster(
  r: Pick<Repositories, 'organisation'>,
  rulebook: ResolvedRulebook,
  jurisdictionId: string,
  on: string,
): Promise<AbsenceRoster> {
  const [posts, chart] = await Promise.all([
    r.organisation.unitPosts(jurisdictionId),
    r.organisation.organisationChart(jurisdictionId, on),
  ])
  if (!chart) throw new NotFoundError('JURISDICTION_NOT_FOUND', '没有这个辖区')
  const names = new Map(chart.posts.map((post) => [post.postId, post.holders.map((h) => h.name)]))
  const holders = new Map<string, string[]>()
  for (const post of chart.posts) {
    const own = names.get(post.postId) ?? []
    // A vacant post someone acts for (代理) is held by the acting post's holders.
    const acting = post.actedBy ? (names.get(post.actedBy.postId) ?? []) : []
    const held = own.length ? own : acting.map((name) => `${name}（代理）`)
    if (held.length) holders.set(post.postId, held)
  }
  const overseers = new Map(
    chart.departments.map((unit) => [unit.id, unit.overseers.map((o) => o.postId)]),
  )
  const people = new Map(
    chart.posts.flatMap((post) => post.holders.map((h) => [h.personId, h.name] as const)),
  )
  const headGroups = new Map(
    chart.departments.map((unit) => [
      unit.id,
      unit.kind === 'township' ? 'townshipHead' : 'departmentHead',
    ]),
  )
  return { rulebook, posts, holders, overseers, people, headGroups }
}

/** The rulebook in force on a day, or a refusal. */
export function rulebookOn(rules: RulesPort, jurisdictionId: string, on: string): ResolvedRulebook {
  const rulebook = rules.rulebook(jurisdictionId, on)
  if (!rulebook) throw new NotFoundError('RULEBOOK_NOT_FOUND', '本辖区没有生效的规则库')
  return rulebook
}

interface LeaveAnswer {
  approver: string[]
  via?: string[]
  fileWith?: string[]
  reportBackTo?: string[]
  substituteRequired?: boolean
  mode?: AbsenceMode
  inform?: string[]
  latestFiling?: string | null
  filedInTime?: boolean | null
  inPrinciple?: boolean
}

/**
 * What the rulebook says of this absence: approval or 报备, by whom, through whom, who is
 * informed and filed with, to whom 销假 goes, how far ahead, and the conflicts with the other
 * leaders' absences (leave-approval, leave-conflict), every line with its article.
 */
export function planAbsence(
  rules: RulesPort,
  jurisdictionId: string,
  roster: AbsenceRoster,
  requester: HeldPost,
  input: { category: AbsenceCategory; from: string; to: string; filedOn: string },
  others: readonly OverlappingAbsence[],
): AbsencePlan {
  if (input.to < input.from)
    throw new InvalidInputError('DATES_REVERSED', '结束日期不能早于开始日期', [
      { path: 'to', message: '结束日期不能早于开始日期' },
    ])
  const { rulebook } = roster
  const days = daysBetween(input.from, input.to) + 1
  // The category is stated where the leave rules name it; elsewhere the general rule answers.
  // The post's own role first; a post heading its unit is also the rules' 部门（乡镇）主要负责人.
  const group = requester.headsUnit
    ? roster.headGroups.get(requester.departmentId ?? '')
    : undefined
  const asked = [requester.role, ...(group && rulebook.posts.has(group) ? [group] : [])]
  let answer: DecisionResult<LeaveAnswer> | undefined
  for (const post of asked) {
    const known = knownInputCodes(rulebook, 'leave-approval', { post, days })?.category
    answer = ask<LeaveAnswer>(rules, jurisdictionId, 'leave-approval', {
      post,
      days,
      category: known?.includes(input.category) ? input.category : undefined,
      from: input.from,
      filedOn: input.filedOn,
      asOf: input.filedOn,
    })
    if (answer) break
  }
  const what = `${requester.title}${ABSENCE_CATEGORY_LABELS[input.category]}`
  if (!answer)
    throw new RuleRefusedError(
      'LEAVE_RULE_NOT_FOUND',
      `本辖区规则库没有规定${what}向谁请假或报备，请向政府办公室咨询`,
      [],
    )
  const outcome = answer.outcome
  const mode: AbsenceMode = outcome.mode ?? 'approval'
  const context = recorderContextOf(roster, {
    submittingDepartmentId: requester.departmentId ?? '',
    presiderPostId: null,
  })
  const named = (ids: readonly string[] = []): PostRef[] =>
    ids.flatMap((id): PostRef[] => {
      // 其他政府领导同志 (the national relational post): the government's leaders but the one away.
      const asked = id === OTHER_LEADERS ? GOVERNMENT_LEADERS : id
      const held = holdingsNamed(context, [asked]).filter((p) => p.postId !== requester.postId)
      return held.length ? held : [rulebook.posts.get(id)?.title ?? id]
    })
  const approverIds = mode === 'approval' ? outcome.approver : []
  const approvers = approversOf(roster, context, requester, approverIds)
  const titleOf = (id: string) => rulebook.posts.get(id)?.title ?? id
  const stages: AbsenceStage[] =
    mode === 'approval'
      ? [
          ...(outcome.via ?? []).map((id) => {
            const step = approversOf(roster, context, requester, [id])
            return { label: titleOf(id), posts: step.posts, byOffice: step.body }
          }),
          {
            label: approverIds.map(titleOf).join('或'),
            posts: approvers.posts,
            byOffice: approvers.body,
          },
        ]
      : []
  const conflict = conflictOf(rules, jurisdictionId, rulebook, requester, input, others)
  const late = outcome.filedInTime === false
  const lateForbidden = late && outcome.inPrinciple === false
  const citations = [...answer.citations, ...(conflict?.conflict ? conflict.citations : [])]
  return {
    mode,
    days,
    approvers: approvers.posts,
    approverIsBody: approvers.body,
    approverNames: approverIds.map(titleOf),
    stages,
    via: named(outcome.via),
    inform: named(outcome.inform),
    fileWith: named(outcome.fileWith),
    reportBackTo: named(outcome.reportBackTo),
    latestFiling: outcome.latestFiling ?? null,
    filedInTime: outcome.filedInTime ?? null,
    lateForbidden,
    conflict,
    summary: [
      answer.summary,
      approvers.body
        ? `${approverIds
            .map((id) =>
              // A relation nobody stands in (a unit no deputy oversees) says so; a body is named.
              rulebook.posts.get(id)?.type === 'relational'
                ? `${titleOf(id)}（本单位无人担任）`
                : titleOf(id),
            )
            .join('、')}的审批结果由政府办公室登记`
        : '',
      late
        ? `应不迟于${outcome.latestFiling}报送，${lateForbidden ? '已逾期，不能受理' : '逾期报送将注明'}`
        : '',
      conflict?.conflict ? conflict.summary : '',
    ]
      .filter(Boolean)
      .join('；'),
    citations: dedupe(citations),
  }
}

/**
 * The concrete posts that decide: those the rule names (a unit named: its head); a body off the
 * roster (区委、区人民政府) is registered by the government office's head. Never the requester.
 */
function approversOf(
  roster: MeetingRoster,
  context: ReturnType<typeof recorderContextOf>,
  requester: HeldPost,
  ids: readonly string[],
): { posts: PostHolding[]; body: boolean } {
  if (ids.length === 0) return { posts: [], body: false }
  const named = holdingsNamed(context, ids).filter((post) => post.postId !== requester.postId)
  const heads = new Set(roster.posts.filter((post) => post.headsUnit).map((post) => post.postId))
  const unitHeads = named.filter((post) => heads.has(post.postId))
  const unitNamed = ids.some((id) => roster.posts.some((post) => post.unitRulebookPost === id))
  const posts = unitNamed && unitHeads.length ? unitHeads : named
  if (posts.length) return { posts, body: false }
  const office = roster.posts
    .filter((post) => post.unitRulebookPost === GOVERNMENT_OFFICE && post.headsUnit)
    .filter((post) => post.postId !== requester.postId)
    .map((post) => ({
      postId: post.postId,
      title: post.title,
      holders: [...(roster.holders.get(post.postId) ?? [])],
    }))
  if (office.length === 0)
    throw new RuleRefusedError(
      'NO_APPROVER',
      `本辖区组织机构中没有可以审批的岗位（${ids.map((id) => roster.rulebook.posts.get(id)?.title ?? id).join('、')}），请先在组织机构中明确`,
      [],
    )
  return { posts: office, body: true }
}

/** The overlap with other leaders' absences the rules forbid or advise against (leave-conflict). */
export function conflictOf(
  rules: RulesPort,
  jurisdictionId: string,
  rulebook: ResolvedRulebook,
  requester: Pick<HeldPost, 'postId' | 'role'>,
  input: { from: string; to: string },
  others: readonly OverlappingAbsence[],
): AbsencePlan['conflict'] {
  const absences = [
    { post: requester.role, from: input.from, to: input.to },
    ...others
      .filter((other) => other.postId !== requester.postId)
      .map((other) => ({ post: other.role, from: other.from, to: other.to })),
  ].filter((absence) => rulebook.posts.has(absence.post))
  if (absences.length < 2 || !rulebook.posts.has(requester.role)) return null
  const answer = ask<{ conflict: boolean; inPrinciple: boolean }>(
    rules,
    jurisdictionId,
    'leave-conflict',
    { absences },
  )
  if (!answer || !answer.outcome.conflict) return null
  return {
    conflict: true,
    forbidden: !answer.outcome.inPrinciple,
    summary: `与其他领导同时外出：${answer.summary}`,
    ruleIds: ruleIdsOf(answer.citations),
    citations: answer.citations,
  }
}

function dedupe(citations: readonly Citation[]): Citation[] {
  const seen = new Set<string>()
  return citations.filter((citation) => {
    const key = `${citation.ruleId}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The post ids of resolved references (bodies off the roster have none). */
export const postIdsOf = (refs: readonly PostRef[]) =>
  refs.flatMap((ref) => (typeof ref === 'string' ? [] : [ref.postId]))
