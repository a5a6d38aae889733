import { NotFoundError, type RulesPort } from '@zhengling/app'
import { missingYearWarnings, runDecision, workingDaysLeft } from '@zhengling/rules'
import { contextFor, type RulebookLibrary } from '@zhengling/rulebooks'

/** The loaded rulebooks as the use cases ask them: the version in force on the date asked. */
export function createRulesPort(library: RulebookLibrary): RulesPort {
  return {
    decide(jurisdictionId, decision, input) {
      const context = contextFor(library, jurisdictionId)
      // A jurisdiction in the database without a rulebook in force: nothing can be decided.
      if (!context.ok) throw new NotFoundError(context.code, context.message)
      return runDecision(context.context, decision, input)
    },
    workingDaysLeft(jurisdictionId, today, due) {
      const context = contextFor(library, jurisdictionId, today)
      if (!context.ok) throw new NotFoundError(context.code, context.message)
      return workingDaysLeft(context.context.calendar, today, due)
    },
    calendarWarnings(jurisdictionId, from, to) {
      const context = contextFor(library, jurisdictionId, from)
      return context.ok ? missingYearWarnings(context.context.calendar, from, to) : []
    },
    calendarDay(jurisdictionId, date) {
      const context = contextFor(library, jurisdictionId, date)
      if (!context.ok) throw new NotFoundError(context.code, context.message)
      return context.context.calendar.day(date)
    },
    rulebook(jurisdictionId, on) {
      const context = contextFor(library, jurisdictionId, on)
      return context.ok ? context.context.rulebook : undefined
    },
  }
}
