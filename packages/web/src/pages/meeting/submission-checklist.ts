import type { GateCondition } from '../../api/meetings.ts'

export interface ChecklistEntry {
  code: string
  label: string
}

/** What the submission form can ask, from the meeting's gate conditions. */
export interface SubmissionChecklist {
  /** Kinds of item the rulebook names: those that bring in steps, and those it excludes. */
  characteristics: ChecklistEntry[]
  /** Steps the submitting unit may certify itself. */
  ownSteps: ChecklistEntry[]
  /** Steps another post records on the item, with who does. */
  othersSteps: (ChecklistEntry & { recorder: string })[]
}

/** The rulebook's checklist for this meeting's items, as the server answers it with the meeting. */
export function submissionChecklist(conditions: readonly GateCondition[]): SubmissionChecklist {
  const characteristics = new Map<string, string>()
  const ownSteps = new Map<string, string>()
  const othersSteps = new Map<string, string>()
  const recorders = new Map<string, string>()
  for (const condition of conditions) {
    if (condition.when && condition.type === 'requiredWhen')
      characteristics.set(condition.when.code, condition.when.label)
    if (condition.type === 'excluded')
      characteristics.set(condition.code, `${condition.label}（不列入议题）`)
    if (!isStep(condition)) continue
    // The rulebook says who records each step (recordedBy); the unit's own are submittingUnit's.
    if (!condition.recordedBy || condition.recordedBy.includes('submittingUnit'))
      ownSteps.set(condition.code, condition.label)
    else {
      othersSteps.set(condition.code, condition.label)
      recorders.set(condition.code, condition.recorderTitle ?? condition.recordedBy.join('或'))
    }
  }
  const entries = (map: Map<string, string>) => [...map].map(([code, label]) => ({ code, label }))
  return {
    characteristics: entries(characteristics),
    ownSteps: entries(ownSteps),
    othersSteps: entries(othersSteps).map((entry) => ({
      ...entry,
      recorder: recorders.get(entry.code) ?? '',
    })),
  }
}

function isStep(condition: GateCondition): boolean {
  return condition.type !== 'excluded'
}
