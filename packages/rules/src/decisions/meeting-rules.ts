import type { LocalDate } from '../dates/local-date.ts'
import { pickMostSpecific } from '../rulebook/conditions.ts'
import { type ResolvedRule, rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import type { DecisionContext } from './decision.ts'

/** The most specific rule of a kind that names this meeting in its `when.meetings`. */
export function ruleForMeeting<K extends ResolvedRule['kind']>(
  context: Pick<DecisionContext, 'rulebook'>,
  kind: K,
  meeting: string,
  asOf?: LocalDate,
): (ResolvedRule & { kind: K }) | undefined {
  const candidates = rulesOfKind(context.rulebook, kind, asOf).filter((rule) =>
    rule.when?.meetings?.includes(meeting),
  )
  return pickMostSpecific(candidates, { meeting })
}

export function meetingName(context: DecisionContext, meeting: string): string {
  return context.rulebook.meetings.get(meeting)?.name ?? meeting
}
