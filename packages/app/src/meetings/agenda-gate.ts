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
}

/** Whether the rulebook admits an item to the meeting's agenda, and why not, with the articles. */
export interface AgendaGate {
  admitted: boolean
  reasons: { code: string; label: string; ruleId: string }[]
  conditions: GateCondition[]
  /** Rulebook posts that approve the agenda (县长审批同意, 区长审定). */
  approvers: string[]
  summary: string
  citations: Citation[]
}

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
  const completed = item.completed.map((step) => step.code)
  const characteristics = [...item.characteristics]
  if (item.adHoc && !completed.includes('presiderConsent')) characteristics.push('adHocMotion')
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
  return {
    admitted: answer.outcome.admitted,
    reasons: answer.outcome.reasons,
    conditions: answer.outcome.conditions ?? [],
    approvers: answer.outcome.approvers ?? [],
    summary: answer.summary,
    citations: answer.citations,
  }
}

/**
 * Who records that a step was done: the legal office its 合法性审查, the head his consent, the
 * presider consent to a 临时动议, the office its review of materials. Any other step (征求意见,
 * 风险评估…) the submitting unit records itself.
 */
export const STEP_RECORDERS: Record<string, string> = {
  legalityReview: 'legalOffice',
  principalApproval: 'principal',
  principalConsent: 'principal',
  presiderConsent: 'presider',
  deputyProposal: 'portfolioDeputy',
  materialsReviewedByOffice: 'governmentOffice',
  explainedToOffice: 'governmentOffice',
}
