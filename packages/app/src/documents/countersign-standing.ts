import { type Citation, type DecisionResult, shanghaiDateOf } from '@zhengling/rules'
import { NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import { matchesRulebookPost } from '../organisation/matches-rulebook-post.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { DocumentEvent, DocumentRecord, DocumentTask } from './document.ts'
import { ask } from './document-rules.ts'

/** The countersign rule's answer for one request (countersign-deadline). */
export interface CountersignAnswer {
  due: string
  status: string
  consequence: string | null
  /** What the document waits for: reply, reminder, replyAfterReminder, explanationOrCircular. */
  awaiting: 'reply' | 'reminder' | 'replyAfterReminder' | 'explanationOrCircular' | null
  /** How an unanswered request was settled: deemedNoObjection, explained, circulated. */
  settled: 'deemedNoObjection' | 'explained' | 'circulated' | null
  overdueMeans: string
  reminder: string[]
  circulatedBy: string[]
  reminderDue: string | null
}

/** Acts on an overdue 会签 recorded in the document's history, each naming the unit. */
export const OVERDUE_COUNTERSIGN_ACTIONS = {
  remind: 'countersignRemind',
  explain: 'countersignExplain',
  circulate: 'countersignCircular',
} as const

/** The facts of one open 会签 request the rule reads: reminded, explained, circulated, when. */
function factsOf(events: readonly DocumentEvent[], task: DocumentTask) {
  const since = events.filter(
    (event) =>
      event.occurredAt >= task.openedAt && event.details.departmentId === task.assigneeDepartmentId,
  )
  const last = (action: string) => since.findLast((event) => event.action === action)
  const dayOf = (event: DocumentEvent | undefined) =>
    event ? shanghaiDateOf(Date.parse(event.occurredAt)) : undefined
  const reminded = last(OVERDUE_COUNTERSIGN_ACTIONS.remind)
  const due = reminded?.details.reminderDueDate
  return {
    remindedOn: dayOf(reminded),
    reminderDueDate: typeof due === 'string' ? due : undefined,
    explainedOn: dayOf(last(OVERDUE_COUNTERSIGN_ACTIONS.explain)),
    circulatedOn: dayOf(last(OVERDUE_COUNTERSIGN_ACTIONS.circulate)),
  }
}

/**
 * Where an open 会签 request stands today, as the jurisdiction's countersign rule reads it from the
 * request's date and what the history records since (催办, 书面说明, 通报). `undefined` when the
 * rulebook has no countersign rule: the request then waits for the unit's reply.
 */
export function countersignStanding(
  rules: RulesPort,
  document: DocumentRecord,
  task: DocumentTask,
  events: readonly DocumentEvent[],
  today: string,
  extra: { remindedOn?: string; reminderDueDate?: string } = {},
): DecisionResult<CountersignAnswer> | undefined {
  const facts = { ...factsOf(events, task), ...extra }
  return ask<CountersignAnswer>(rules, document.jurisdictionId, 'countersign-deadline', {
    requestedOn: shanghaiDateOf(Date.parse(task.openedAt)),
    today,
    ...Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)),
  })
}

const AWAITING: Record<NonNullable<CountersignAnswer['awaiting']>, string> = {
  reply: '会签尚未回复',
  reminder: '会签逾期未反馈，须先提醒督促',
  replyAfterReminder: '会签逾期未反馈，已提醒督促，提醒期限未满',
  explanationOrCircular: '会签逾期未回复，须由会签单位书面说明情况和理由，或予以通报',
}

/**
 * What the page and a refused signing say of a 会签 where the rulebook has no countersign rule
 * (木里): its rules set no reply period and no effect of silence, so the request waits for the
 * unit's reply (条例: 力求达成一致), and the office in charge of document handling is the one to ask
 * to press the unit — cited, never a period the text does not give.
 */
export function noPeriodStanding(office: { summary: string; citations: Citation[] }): {
  summary: string
  citations: Citation[]
} {
  return {
    summary:
      `本级工作规则未规定会签回复时限，也未规定逾期不回复的后果：会签单位回复前不能签发。` +
      `会签单位迟迟不回复的，请向主管公文处理的办公室询问、督促（${office.summary}）`,
    citations: office.citations,
  }
}

/** The refusal naming what an unsettled request still waits for, with the article. */
export function pendingRefusal(
  unit: string,
  answer: DecisionResult<CountersignAnswer> | undefined,
  /** Where the rulebook has no countersign rule: what to say instead (noPeriodStanding). */
  noPeriod?: { summary: string; citations: Citation[] },
): RuleRefusedError {
  const what = answer?.outcome.awaiting ? AWAITING[answer.outcome.awaiting] : '会签尚未回复'
  const reading = answer ?? noPeriod
  return new RuleRefusedError(
    answer?.outcome.awaiting === 'reminder'
      ? 'COUNTERSIGN_REMINDER_DUE'
      : answer?.outcome.awaiting === 'explanationOrCircular'
        ? 'COUNTERSIGN_EXPLANATION_DUE'
        : 'COUNTERSIGN_PENDING',
    `${unit}${what}，不能签发：${reading?.summary ?? '规则库未规定会签回复时限'}`,
    reading?.citations ?? [],
  )
}

/** The names of the jurisdiction's units, for messages that name a unit. */
export async function unitNames(
  r: Pick<Repositories, 'organisation'>,
  jurisdictionId: string,
  today: string,
): Promise<Map<string, string>> {
  const chart = await r.organisation.organisationChart(jurisdictionId, today)
  return new Map((chart?.departments ?? []).map((unit) => [unit.id, unit.name]))
}

/** The open 会签 request of a unit on the document, or a refusal naming the unit. */
export async function openCountersignOf(
  r: Repositories,
  document: DocumentRecord,
  departmentId: string,
  today: string,
): Promise<{ task: DocumentTask; unit: string }> {
  const task = (await r.documents.openTasks(document.id)).find(
    (candidate) =>
      candidate.kind === 'countersign' && candidate.assigneeDepartmentId === departmentId,
  )
  const unit = (await unitNames(r, document.jurisdictionId, today)).get(departmentId) ?? '该单位'
  if (!task) throw new NotPermittedError('NO_OPEN_COUNTERSIGN', `${unit}没有待回复的此件会签`)
  return { task, unit }
}

/** Refuses a post the countersign rule does not name for the act (催办 by 综合股, 通报 by 办公厅). */
export function assertNamedPost(
  post: HeldPost,
  rulebookPosts: readonly string[],
  act: string,
  answer: { summary: string; citations: Citation[] },
): void {
  if (rulebookPosts.some((id) => matchesRulebookPost(post, id))) return
  throw new RuleRefusedError(
    'NOT_RESPONSIBLE',
    `${post.title}无权${act}：${answer.summary}`,
    answer.citations,
  )
}
