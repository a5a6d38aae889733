import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildContext } from '../test-support/build-context.ts'
import { DECISIONS } from './registry.ts'
import { runDecision } from './run-decision.ts'

/**
 * Every decision in the registry, whatever else its input lacks, names an unknown field in its
 * refusal: a field a legal office misspells or invents is never silently dropped. (With a valid
 * question and its records of facts, see packages/rulebooks/src/decision-inputs.test.ts.)
 */
describe('unknown input fields', () => {
  const context = buildContext()
  for (const decision of DECISIONS)
    it(`${decision.name} refuses signedOnBehalf by name`, () => {
      const outcome = runDecision(context, decision.name, { signedOnBehalf: true })
      assert.equal(outcome.ok, false)
      if (outcome.ok) return
      assert.equal(outcome.error.code, 'INVALID_INPUT')
      assert.match(outcome.error.message, /signedOnBehalf/)
    })
})
