import { addDays, type Citation } from '@zhengling/rules'
import type { SecrecyLevel } from '../access/secrecy.ts'
import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, RuleRefusedError } from '../errors.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { recordSupervisionAct, type SupervisionDeps } from './act-on-supervision-item.ts'
import type { Milestone, SupervisionItem } from './supervision-item.ts'

/**
 * How many working days before its due date an item is reminded. The rulebooks ask for 催办 of
 * slow items (木里 第八十一条（二）) without a lead time; three working days is the product's choice.
 */
export const REMINDER_LEAD_WORKING_DAYS = 3

/** Sources entered by hand, when the rulebook gives them no period of their own. */
export const MANUAL_SOURCES: Record<string, string> = {
  higherDeployment: '上级重大决策部署',
  workReport: '《政府工作报告》安排部署事项',
  deputySuggestion: '人大代表建议',
  cppccProposal: '政协提案',
  leaderInstruction: '领导批示件',
  fieldRequest: '领导调研、现场办公交办事项',
  issuedDocument: '政府及办公室发文贯彻落实',
  meetingDecision: '会议议定事项',
}

export interface NewSupervisionItem {
  /** The item's id, when the caller refers to it in the same transaction (a duty log entry). */
  id?: string
  jurisdictionId: string
  source: string
  /** The source's label where it is not a manual one (a duty log's hotline item…). */
  sourceLabel?: string
  title: string
  requirement?: string
  leadDepartmentId: string
  coDepartmentIds?: string[]
  responsiblePerson?: string
  assignedOn: string
  /** A due date set by whoever assigns it; not later than the rulebook's period for the source. */
  dueDate?: string
  milestones?: { title: string; dueDate: string }[]
  meetingId?: string | null
  agendaItemId?: string | null
  documentId?: string | null
  secrecy: SecrecyLevel
  /** Where the item came from besides its source (a duty log entry…), for its history and audit. */
  origin?: Record<string, unknown>
  /** Posts that follow the item besides the units (the deputy overseeing the lead unit…). */
  extraPosts?: string[]
  actor: { personId: string | null; postId: string | null }
  at: string
}

/** The rulebook's due date for a source (木里 第八十一条: 批办件15天, 会议议定事项一个月). */
export function dueBySource(
  rules: RulesPort,
  jurisdictionId: string,
  source: string,
  assignedOn: string,
) {
  return ask<{ due: string }>(rules, jurisdictionId, 'supervision-due', { source, assignedOn })
}

/** The reminder day: the latest day with at least the lead's working days left before the due date. */
export function remindOnFor(rules: RulesPort, jurisdictionId: string, dueDate: string): string {
  let day = dueDate
  for (let step = 0; step < 31; step += 1) {
    if (rules.workingDaysLeft(jurisdictionId, day, dueDate) >= REMINDER_LEAD_WORKING_DAYS)
      return day
    day = addDays(day, -1)
  }
  return day
}

/**
 * Refuses an item whose lead unit has nobody in post today (held or acted for): nobody could
 * report its progress or ask to close it, so it would only wait and be escalated.
 */
export async function assertLeadUnitStaffed(
  r: Pick<Repositories, 'organisation'>,
  jurisdictionId: string,
  leadDepartmentId: string,
  on: string,
  citations: readonly Citation[] = [],
  /** The jurisdiction's unit posts, when the caller has read them already. */
  unitPosts?: Awaited<ReturnType<Repositories['organisation']['unitPosts']>>,
): Promise<void> {
  const posts = (unitPosts ?? (await r.organisation.unitPosts(jurisdictionId))).filter(
    (post) => post.departmentId === leadDepartmentId,
  )
  for (const post of posts) {
    if ((await r.organisation.post(post.postId, on))?.holders.length) return
    if (await r.organisation.actingFor(post.postId, on)) return
  }
  const unit = (await r.organisation.organisationChart(jurisdictionId, on))?.departments.find(
    (department) => department.id === leadDepartmentId,
  )
  throw new RuleRefusedError(
    'LEAD_UNIT_UNSTAFFED',
    `牵头单位${unit?.name ?? ''}目前无人在岗，无人报告进展、申请办结；请先在组织机构中任命其负责人，或改由其他单位牵头`,
    [...citations],
  )
}

/**
 * Puts an item in the ledger with its due date: the rulebook's period for the source, or an
 * earlier date the assigner sets. A later date than the rule allows is refused with the article;
 * a source the rulebook gives no period needs a date.
 */
export async function openSupervisionItem(
  r: Repositories,
  deps: Pick<SupervisionDeps, 'rules' | 'newId' | 'hasher'>,
  input: NewSupervisionItem,
): Promise<SupervisionItem> {
  const title = input.title.trim()
  if (!title) throw new InvalidInputError('TITLE_REQUIRED', '请填写督办事项')
  const byRule = dueBySource(deps.rules, input.jurisdictionId, input.source, input.assignedOn)
  const citations: Citation[] = byRule?.citations ?? []
  if (input.dueDate && input.dueDate < input.assignedOn)
    throw new InvalidInputError('DUE_BEFORE_ASSIGNED', '办理时限不能早于交办日期')
  if (byRule && input.dueDate && input.dueDate > byRule.outcome.due)
    throw new RuleRefusedError(
      'DUE_AFTER_RULE',
      `办理时限不能晚于规则规定的 ${byRule.outcome.due}。${byRule.summary}`,
      citations,
    )
  const dueDate = input.dueDate ?? byRule?.outcome.due
  if (!dueDate)
    throw new InvalidInputError(
      'DUE_DATE_REQUIRED',
      `本辖区规则库没有规定"${input.sourceLabel ?? MANUAL_SOURCES[input.source] ?? input.source}"的办理时限，请填写办理时限`,
    )
  const unitPosts = await r.organisation.unitPosts(input.jurisdictionId)
  await assertLeadUnitStaffed(
    r,
    input.jurisdictionId,
    input.leadDepartmentId,
    input.assignedOn,
    citations,
    unitPosts,
  )
  const milestones: Milestone[] = (input.milestones ?? []).map((m) => {
    if (!m.title.trim())
      throw new InvalidInputError('MILESTONE_TITLE_REQUIRED', '请填写时间节点内容')
    if (m.dueDate > dueDate)
      throw new InvalidInputError('MILESTONE_AFTER_DUE', `时间节点"${m.title}"晚于办理时限`)
    return { title: m.title.trim(), dueDate: m.dueDate, doneOn: null }
  })
  const co = [...new Set(input.coDepartmentIds ?? [])].filter((id) => id !== input.leadDepartmentId)
  const supervisionPosts = unitPosts
    .filter(
      (post) => post.role === 'supervisionOffice' || post.unitRulebookPost === 'supervisionOffice',
    )
    .map((post) => post.postId)
  const item: SupervisionItem = {
    id: input.id ?? deps.newId(),
    jurisdictionId: input.jurisdictionId,
    source: input.source,
    sourceLabel: input.sourceLabel ?? MANUAL_SOURCES[input.source] ?? input.source,
    meetingId: input.meetingId ?? null,
    agendaItemId: input.agendaItemId ?? null,
    documentId: input.documentId ?? null,
    title,
    requirement: input.requirement?.trim() ?? '',
    leadDepartmentId: input.leadDepartmentId,
    coDepartmentIds: co,
    responsiblePerson: input.responsiblePerson?.trim() ?? '',
    assignedOn: input.assignedOn,
    dueDate,
    originalDueDate: dueDate,
    milestones,
    state: 'open',
    pendingExtension: null,
    closedOn: null,
    daysLate: null,
    remindOn: remindOnFor(deps.rules, input.jurisdictionId, dueDate),
    remindedFor: null,
    escalatedFor: null,
    ruleIds: ruleIdsOf(citations),
    secrecy: input.secrecy,
    distributionPosts: [
      ...new Set([
        ...supervisionPosts,
        ...(input.extraPosts ?? []),
        ...(input.actor.postId ? [input.actor.postId] : []),
      ]),
    ],
    distributionDepartments: [input.leadDepartmentId, ...co],
    createdAt: input.at,
    updatedAt: input.at,
  }
  await r.supervision.insert(item)
  await recordSupervisionAct(r, deps, {
    item,
    at: input.at,
    personId: input.actor.personId,
    postId: input.actor.postId,
    action: 'create',
    text: byRule && !input.dueDate ? byRule.summary : null,
    ruleIds: item.ruleIds,
    details: {
      source: item.source,
      dueDate,
      byRule: byRule?.outcome.due ?? null,
      ...(input.origin ? { origin: input.origin } : {}),
    },
  })
  return item
}
