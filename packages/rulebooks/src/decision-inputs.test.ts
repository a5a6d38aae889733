import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DECISIONS, runDecision } from '@zhengling/rules'
import { contextFor } from './context.ts'
import { loadLibrary } from './load-library.ts'

const library = loadLibrary()

/** For each decision, the input of a conformance case it answers: a valid question to spoil. */
function answeredInput(decision: string) {
  for (const file of library.caseFiles)
    for (const kase of file.data.cases) {
      if (kase.decision !== decision || kase.expect.error) continue
      const resolved = contextFor(library, file.data.jurisdiction, kase.asOf)
      if (!resolved.ok) continue
      const input = kase.input as Record<string, unknown>
      if (runDecision(resolved.context, decision, input).ok)
        return { context: resolved.context, input }
    }
  return undefined
}

function assertRefused(outcome: ReturnType<typeof runDecision>, field: string, what: string): void {
  assert.equal(outcome.ok, false, `${what}: ${field} was accepted`)
  if (outcome.ok) return
  assert.equal(outcome.error.code, 'INVALID_INPUT', what)
  assert.match(outcome.error.message, new RegExp(field), `${what}: the message names ${field}`)
}

describe('every decision refuses an input it does not know, by name', () => {
  for (const decision of DECISIONS) {
    it(`${decision.name}: an unknown field next to a valid question is INVALID_INPUT`, () => {
      const answered = answeredInput(decision.name)
      assert.ok(answered, `no conformance case answers ${decision.name}`)
      const { context, input } = answered
      assertRefused(
        runDecision(context, decision.name, { ...input, signedOnBehalf: true }),
        'signedOnBehalf',
        decision.name,
      )
      // A record of facts (findings) is refused key by key: an unknown fact is never "none found".
      for (const [field, value] of Object.entries(input)) {
        if (!value || typeof value !== 'object' || Array.isArray(value)) continue
        assertRefused(
          runDecision(context, decision.name, {
            ...input,
            [field]: { ...value, signedOnBehalf: true },
          }),
          `${field}\\.signedOnBehalf`,
          `${decision.name}.${field}`,
        )
      }
    })
  }

  it('seal-approval no longer answers "allowed" to a finding no rule on the seal names', () => {
    const resolved = contextFor(library, 'toksun')
    assert.ok(resolved.ok)
    assertRefused(
      runDecision(resolved.context, 'seal-approval', {
        seal: 'principalSeal',
        findings: { signedOnBehalf: true },
      }),
      'findings\\.signedOnBehalf',
      'seal-approval',
    )
  })
})
