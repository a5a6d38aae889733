import { type Citation, shanghaiDateOf } from '@zhengling/rules'
import { ask } from '../documents/document-rules.ts'
import type { RulesPort } from '../rules-port.ts'
import type { AgendaItemRecord, MeetingRecord } from './meeting.ts'
import { meetingDateOf } from './meeting-types.ts'

export interface GateCondition {
  type: 'excluded' | 'required' | 'requiredWhen' | 'overCap'
  code: string
  label: string
  ruleId: string
  when?: { code: string; label: string }
  /** For a step: the rulebook posts that record it (any of them), and their titles in words. */
  recordedBy?: string[]
  recorderTitle?: string
}

/** Whether the rulebook admits an item to the meeting's agenda, and why not, with the articles. */
export interface AgendaGate {
  admitted: boolean
  reasons: { code: string; label: string; ruleId: string; recordedBy?: string[] }[]
  conditions: GateCondition[]
  /** Rulebook posts that approve the agenda (县长审批同意, 区长审定). */
  approvers: string[]
  summary: string
  citations: Citation[]
}

/**
 * The consent that lets a 临时动议 in (木里 第十五条（五）“会前未经会议主持人同意而临时动议”): the
 * meeting's presider records it. Not a step the rulebook lists, so it is added to the checklist of
 * an item put forward after the agenda was approved, wherever the rulebook excludes 临时动议.
 */
export const PRESIDER_CONSENT = {
  code: 'presiderConsent',
  label: '会议主持人同意（临时动议）',
  recordedBy: ['presider'],
} as const

/**
 * Asks agenda-admission for one item. An item put forward after the agenda was approved is a
 * 临时动议 unless the presider consented (木里 第十五条（五）). `position` is how many items are
 * ahead of it on the agenda, for the cap (钟山 第四十五条).
 */
export function agendaGateOf(
  rules: RulesPort,
  meeting: MeetingRecord,
  item: Pick<AgendaItemRecord, 'characteristics' | 'completed' | 'adHoc' | 'submittedAt'>,
  itemsAhead: number,
): AgendaGate {
  // The decision knows only its rules' codes: the item is described in those (a 临时动议 only
  // where the rules exclude one), and the presider's consent is the app's step, not the rules'.
  const known = agendaCodesOf(rules, meeting)
  const recorded = item.completed.map((step) => step.code)
  const completed = recorded.filter((code) => known.steps.has(code))
  const characteristics = item.characteristics.filter((code) => known.characteristics.has(code))
  if (
    item.adHoc &&
    !recorded.includes(PRESIDER_CONSENT.code) &&
    known.characteristics.has('adHocMotion')
  )
    characteristics.push('adHocMotion')
  const answer = ask<Omit<AgendaGate, 'summary' | 'citations'>>(
    rules,
    meeting.jurisdictionId,
    'agenda-admission',
    {
      meeting: meeting.meetingType,
      characteristics,
      completed,
      itemsAlreadyOnAgenda: itemsAhead,
      submittedOn: shanghaiDateOf(new Date(item.submittedAt).getTime()),
      meetingDate: meetingDateOf(meeting),
    },
  )
  if (!answer)
    return {
      admitted: true,
      reasons: [],
      conditions: [],
      approvers: [],
      summary: '规则库对该会议议题未设准入条件',
      citations: [],
    }
  const rulebook = rules.rulebook(meeting.jurisdictionId, meetingDateOf(meeting))
  const titled = (condition: GateCondition): GateCondition =>
    condition.recordedBy
      ? {
          ...condition,
          recorderTitle: condition.recordedBy
            .map((id) => rulebook?.posts.get(id)?.title ?? id)
            .join('或'),
        }
      : condition
  const conditions = (answer.outcome.conditions ?? []).map(titled)
  // An ad hoc item the rules exclude needs the presider's consent: a step like the others.
  const adHocExclusion = conditions.find(
    (condition) => condition.type === 'excluded' && condition.code === 'adHocMotion',
  )
  if (item.adHoc && adHocExclusion)
    conditions.push(
      titled({
        type: 'required',
        ...PRESIDER_CONSENT,
        recordedBy: [...PRESIDER_CONSENT.recordedBy],
        ruleId: adHocExclusion.ruleId,
      }),
    )
  return {
    admitted: answer.outcome.admitted,
    reasons: answer.outcome.reasons,
    conditions,
    approvers: answer.outcome.approvers ?? [],
    summary: answer.summary,
    citations: answer.citations,
  }
}

/**
 * The codes the meeting's agenda rules know: what may describe an item (exclusions, conditions)
 * and the steps they list — the checklist of an empty item.
 */
export function agendaCodesOf(
  rules: RulesPort,
  meeting: MeetingRecord,
): { characteristics: Set<string>; steps: Set<string> } {
  const answer = ask<{ conditions?: GateCondition[] }>(
    rules,
    meeting.jurisdictionId,
    'agenda-admission',
    { meeting: meeting.meetingType, meetingDate: meetingDateOf(meeting) },
  )
  const conditions = answer?.outcome.conditions ?? []
  return {
    characteristics: new Set(
      conditions
        .map((c) =>
          c.type === 'excluded' ? c.code : c.type === 'requiredWhen' ? c.when?.code : undefined,
        )
        .filter(isCode),
    ),
    steps: new Set(conditions.filter((c) => c.type !== 'excluded').map((c) => c.code)),
  }
}

function isCode(code: string | undefined): code is string {
  return code !== undefined
}

/** The steps of a gate (not its exclusions): what someone records on the item. */
export function stepConditions(gate: Pick<AgendaGate, 'conditions'>): GateCondition[] {
  return gate.conditions.filter((condition) => condition.type !== 'excluded')
}
