import { type CategoryOption, type Citation, shanghaiDateOf } from '@zhengling/rules'
import { actorOfSession } from '../acts/actor.ts'
import { minutesLate } from '../incidents/incident-steps.ts'
import { ask } from '../documents/document-rules.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  type LoadedOpinion,
  OPINION_STATUS_LABELS,
  type OpinionScope,
  type OpinionStatus,
  type OpinionStep,
} from './opinion.ts'
import { OPINION_NOT_FOUND, opinionCitations, opinionScopeOf, respondsFor } from './opinion-acts.ts'

type Reads = { rules: RulesPort; now: () => Date }

/** done 已按时回应, late 逾期回应, open 待回应, overdue 超时未回应 — at the server's now. */
export type OpinionStepState = 'done' | 'late' | 'open' | 'overdue'

const STEP_STATE_LABELS: Record<OpinionStepState, string> = {
  done: '已按时回应',
  late: '逾期回应',
  open: '待回应',
  overdue: '超时未回应',
}

export function opinionStepState(step: OpinionStep, now: string): OpinionStepState {
  if (step.satisfiedAt) return Date.parse(step.satisfiedAt) > Date.parse(step.due) ? 'late' : 'done'
  return Date.parse(now) > Date.parse(step.due) ? 'overdue' : 'open'
}

/** An item as the list, the board and its page show it, with each step's state now. */
export function opinionSummary(loaded: LoadedOpinion, now: string) {
  const { record } = loaded
  const steps = record.steps.map((step) => {
    const state =
      record.status === 'closed' && !step.satisfiedAt ? null : opinionStepState(step, now)
    return {
      ...step,
      state,
      stateLabel: state ? STEP_STATE_LABELS[state] : '已办结',
      /** Whole minutes late, rounded up as an incident's steps count them (null: on time, open). */
      minutesLate: state === 'late' ? minutesLate(step.due, step.satisfiedAt!) : null,
    }
  })
  return {
    id: record.id,
    category: record.category,
    categoryLabel: record.categoryLabel,
    title: record.title,
    summary: record.summary,
    source: record.source,
    sourceUrl: record.sourceUrl,
    surfacedAt: record.surfacedAt,
    responsibleDepartment: record.responsibleDepartmentId
      ? { id: record.responsibleDepartmentId, name: loaded.responsibleDepartmentName ?? '' }
      : null,
    responsibleDepartmentName: loaded.responsibleDepartmentName,
    responsiblePost: record.responsiblePostId
      ? { id: record.responsiblePostId, title: loaded.responsiblePostTitle ?? '' }
      : null,
    status: record.status,
    statusLabel: OPINION_STATUS_LABELS[record.status],
    steps,
    overdue: steps.some((step) => step.state === 'overdue'),
    ruleIds: record.ruleIds,
    createdAt: record.createdAt,
    closedAt: record.closedAt,
  }
}

export type OpinionSummary = ReturnType<typeof opinionSummary>

export interface OpinionView {
  item: OpinionSummary
  responses: {
    id: string
    stepAct: string | null
    stepLabel: string | null
    publishedAt: string
    channel: string
    url: string | null
    body: string
    late: boolean
    byName: string | null
    at: string
  }[]
  citations: Citation[]
  serverNow: string
  canRespond: boolean
  canClose: boolean
}

/** An item as its page shows it, from what is in hand (after an act: no re-read). */
export function opinionView(
  rules: Pick<RulesPort, 'rulebook'>,
  loaded: LoadedOpinion,
  scope: OpinionScope & { posts: Parameters<typeof respondsFor>[0]['posts'] },
  now: Date,
): OpinionView {
  const serverNow = now.toISOString()
  const { record } = loaded
  const open = record.status !== 'closed'
  return {
    item: opinionSummary(loaded, serverNow),
    responses: loaded.responses.map((response) => ({
      id: response.id,
      stepAct: response.stepAct,
      stepLabel: record.steps.find((step) => step.act === response.stepAct)?.label ?? null,
      publishedAt: response.publishedAt,
      channel: response.channel,
      url: response.url,
      body: response.body,
      late: response.late,
      byName: response.byName,
      at: response.at,
    })),
    citations: opinionCitations(rules, record, shanghaiDateOf(now.getTime())),
    serverNow,
    canRespond:
      open &&
      record.steps.some((step) => !step.satisfiedAt) &&
      (scope.seesAll || respondsFor({ posts: scope.posts }, record)),
    canClose: open && scope.seesAll,
  }
}

/** One item, if the reader may see it. */
export async function viewOpinion(
  r: Pick<Repositories, 'organisation' | 'opinions'>,
  reads: Reads,
  session: SessionRecord,
  itemId: string,
): Promise<OpinionView> {
  const now = reads.now()
  const actor = await actorOfSession(r, session, now)
  const scope = opinionScopeOf(reads.rules, actor, shanghaiDateOf(now.getTime()))
  const loaded = await r.opinions.load(scope, itemId)
  if (!loaded) throw OPINION_NOT_FOUND()
  return opinionView(reads.rules, loaded, { ...scope, posts: actor.posts }, now)
}

/** The items the reader sees (the duty office all; a unit those it is to answer), newest first. */
export async function listOpinions(
  r: Pick<Repositories, 'organisation' | 'opinions'>,
  reads: Reads,
  session: SessionRecord,
  query: { status?: OpinionStatus | 'active'; limit?: number },
): Promise<{ items: OpinionSummary[]; serverNow: string; canRecord: boolean }> {
  const now = reads.now()
  const actor = await actorOfSession(r, session, now)
  const scope = opinionScopeOf(reads.rules, actor, shanghaiDateOf(now.getTime()))
  const items = await r.opinions.list(scope, { status: query.status, limit: query.limit ?? 100 })
  const serverNow = now.toISOString()
  return {
    items: items.map((item) => opinionSummary(item, serverNow)),
    serverNow,
    canRecord: scope.seesAll,
  }
}

/**
 * The items still to answer (待回应 and 已回应 not yet closed) for the duty board (/api/duty/board,
 * H4's route), in the scope the board already resolved.
 */
export async function listOpenOpinions(
  r: Pick<Repositories, 'opinions'>,
  scope: OpinionScope,
  now: Date,
): Promise<OpinionSummary[]> {
  const items = await r.opinions.list(scope, { status: 'active', limit: 100 })
  return items.map((item) => opinionSummary(item, now.toISOString()))
}

/** The categories an item may be recorded under on a day, with their steps (public-opinion-options). */
export async function opinionOptions(
  r: Pick<Repositories, 'organisation'>,
  reads: Reads,
  session: SessionRecord,
  on?: string,
): Promise<{ categories: CategoryOption[]; citations: Citation[]; on: string }> {
  const now = reads.now()
  const actor = await actorOfSession(r, session, now)
  const day = on ?? shanghaiDateOf(now.getTime())
  const answer = ask<{ categories: CategoryOption[] }>(
    reads.rules,
    actor.jurisdictionId,
    'public-opinion-options',
    { on: day },
  )
  if (!answer) return { categories: [], citations: [], on: day }
  return { categories: answer.outcome.categories, citations: answer.citations, on: day }
}
