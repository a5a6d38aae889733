import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DECISIONS, knownInputCodes, runDecision } from '@zhengling/rules'
import { contextFor } from './context.ts'
import { loadLibrary } from './load-library.ts'

const library = loadLibrary()

/** Every input of a conformance case the decision answers: valid questions to spoil. */
function answeredInputs(decision: string) {
  const answered = []
  for (const file of library.caseFiles)
    for (const kase of file.data.cases) {
      if (kase.decision !== decision || kase.expect.error) continue
      const resolved = contextFor(library, file.data.jurisdiction, kase.asOf)
      if (!resolved.ok) continue
      const input = kase.input as Record<string, unknown>
      if (runDecision(resolved.context, decision, input).ok)
        answered.push({ context: resolved.context, input })
    }
  return answered
}

/** The input fields that list strings (codes or posts), read off the decision's own schema. */
function codeListFields(schema: unknown): string[] {
  const defOf = (node: unknown) =>
    (node as { _zod: { def: { type: string; innerType?: unknown; element?: unknown } } })._zod.def
  const unwrap = (node: unknown): unknown => {
    const def = defOf(node)
    return def.innerType && ['optional', 'default', 'nullable'].includes(def.type)
      ? unwrap(def.innerType)
      : node
  }
  const shape = (schema as { shape?: Record<string, unknown> }).shape ?? {}
  return Object.entries(shape)
    .filter(([, field]) => {
      const def = defOf(unwrap(field))
      return def.type === 'array' && defOf(def.element).type === 'string'
    })
    .map(([name]) => name)
}

/**
 * The input fields that hold one code — `category`, or `post` inside a list of records
 * (`absences[].post`) — read off the decision's own schema. Free text and dates are not codes.
 */
function singleCodeFields(schema: unknown): string[] {
  const defOf = (node: unknown) =>
    (node as { _zod: { def: { type: string; innerType?: unknown; element?: unknown } } })._zod.def
  const unwrap = (node: unknown): unknown => {
    const def = defOf(node)
    return def.innerType && ['optional', 'default', 'nullable'].includes(def.type)
      ? unwrap(def.innerType)
      : node
  }
  const CODE_NAMES = ['category', 'post']
  const shape = (schema as { shape?: Record<string, unknown> }).shape ?? {}
  return Object.entries(shape).flatMap(([name, field]) => {
    const def = defOf(unwrap(field))
    if (def.type === 'string' && name === 'category') return [name]
    if (def.type !== 'array') return []
    const entry = (def.element as { shape?: Record<string, unknown> }).shape ?? {}
    return Object.entries(entry)
      .filter(([key, value]) => CODE_NAMES.includes(key) && defOf(unwrap(value)).type === 'string')
      .map(([key]) => `${name}[].${key}`)
  })
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function assertRefused(outcome: ReturnType<typeof runDecision>, field: string, what: string): void {
  assert.equal(outcome.ok, false, `${what}: ${field} was accepted`)
  if (outcome.ok) return
  assert.equal(outcome.error.code, 'INVALID_INPUT', what)
  assert.match(outcome.error.message, new RegExp(field), `${what}: the message names ${field}`)
}

describe('every decision refuses an input it does not know, by name', () => {
  for (const decision of DECISIONS) {
    it(`${decision.name}: an unknown field next to a valid question is INVALID_INPUT`, () => {
      const answered = answeredInputs(decision.name)
      const [first] = answered
      assert.ok(first, `no conformance case answers ${decision.name}`)
      assertRefused(
        runDecision(first.context, decision.name, { ...first.input, signedOnBehalf: true }),
        'signedOnBehalf',
        decision.name,
      )
      // A record of facts (findings, quantities) is refused key by key: an unknown fact is never
      // "none found". Each record field is spoiled in a case that gives it.
      const spoiled = new Set<string>()
      for (const { context, input } of answered)
        for (const [field, value] of Object.entries(input)) {
          if (!isRecord(value) || spoiled.has(field)) continue
          spoiled.add(field)
          // The unknown key carries a value of the right type (the record's own first value), so
          // only its name can be the reason for the refusal.
          const [sample = true] = Object.values(value)
          assertRefused(
            runDecision(context, decision.name, {
              ...input,
              [field]: { ...value, signedOnBehalf: sample },
            }),
            `${field}\\.signedOnBehalf`,
            `${decision.name}.${field}`,
          )
        }
    })
  }

  // Codes inside a list (characteristics, completed, circumstances, categories, posts) are checked
  // against what the rulebook defines for the question: a misspelt exclusion never admits an item.
  for (const decision of DECISIONS) {
    const fields = codeListFields(decision.input)
    if (fields.length === 0) continue
    it(`${decision.name}: an unknown code in ${fields.join(', ')} is refused by path and code`, () => {
      const spoiled = new Set<string>()
      for (const { context, input } of answeredInputs(decision.name)) {
        const known = knownInputCodes(context.rulebook, decision.name, input) ?? {}
        for (const field of fields) {
          if (spoiled.has(field) || !known[field]) continue
          spoiled.add(field)
          const given = Array.isArray(input[field]) ? (input[field] as string[]) : []
          const outcome = runDecision(context, decision.name, {
            ...input,
            [field]: [...given, 'signedOnBehalf'],
          })
          assertRefused(
            outcome,
            `${field}\\[${given.length}\\].*signedOnBehalf`,
            `${decision.name}.${field}`,
          )
          if (!outcome.ok)
            assert.deepEqual(
              outcome.error.issues?.map((issue) => issue.path),
              [`${field}[${given.length}]`],
              `${decision.name}.${field}: only the unknown code is named`,
            )
        }
      }
      assert.deepEqual(
        fields.filter((field) => !spoiled.has(field)),
        [],
        `${decision.name}: every list of codes is checked against the rulebook in a case that answers it`,
      )
    })
  }

  // A single code (category) and a code at one key of each entry of a list (absences[].post) are
  // checked the same way: the workflow's misspelt category never finds "no rule" or another rule.
  for (const decision of DECISIONS) {
    const fields = singleCodeFields(decision.input)
    if (fields.length === 0) continue
    it(`${decision.name}: an unknown code in ${fields.join(', ')} is refused by path and code`, () => {
      const spoiled = new Set<string>()
      for (const { context, input } of answeredInputs(decision.name)) {
        const known = knownInputCodes(context.rulebook, decision.name, input) ?? {}
        for (const field of fields) {
          if (spoiled.has(field) || !known[field]) continue
          const [list, key] = field.split('[].')
          let spoilt: Record<string, unknown>
          let path: string
          if (key !== undefined && list !== undefined) {
            const entries = input[list]
            if (!Array.isArray(entries) || entries.length === 0) continue
            spoilt = { ...input, [list]: [...entries, { ...entries[0], [key]: 'signedOnBehalf' }] }
            path = `${list}[${entries.length}].${key}`
          } else {
            spoilt = { ...input, [field]: 'signedOnBehalf' }
            path = field
          }
          spoiled.add(field)
          const outcome = runDecision(context, decision.name, spoilt)
          assertRefused(
            outcome,
            `${path.replace(/[[\].]/g, '\\$&')}.*signedOnBehalf`,
            `${decision.name}.${field}`,
          )
          if (!outcome.ok)
            assert.deepEqual(
              outcome.error.issues?.map((issue) => issue.path),
              [path],
              `${decision.name}.${field}: only the unknown code is named`,
            )
        }
      }
      assert.deepEqual(
        fields.filter((field) => !spoiled.has(field)),
        [],
        `${decision.name}: every single code is checked against the rulebook in a case that answers it`,
      )
    })
  }

  it('a question with no rules at all still answers RULE_NOT_FOUND, whatever its category', () => {
    const asked = new Set<string>()
    for (const jurisdiction of ['muli', 'zhongshan', 'toksun', 'yanjin', 'erlianhaote']) {
      const resolved = contextFor(library, jurisdiction)
      assert.ok(resolved.ok)
      // The kinds with a rule in force on the day asked (the national base's 2006 incident rule
      // ended in 2025 and does not answer a 2026 question).
      const kinds = new Set(
        resolved.context.rulebook.rules
          .filter((rule) => !rule.effectiveTo || rule.effectiveTo >= '2026-03-02')
          .map((rule) => rule.kind),
      )
      const questions = [
        [
          'incidentReport',
          'incident-report-deadline',
          { category: 'x', occurredAt: '2026-03-02T09:00' },
        ],
        [
          'publicOpinion',
          'public-opinion-deadline',
          { category: 'x', surfacedAt: '2026-03-02T09:00' },
        ],
        ['fundsApproval', 'funds-approval', { amount: 1, category: 'x' }],
        [
          'absenceConflict',
          'leave-conflict',
          { absences: [{ post: 'x', from: '2026-03-02', to: '2026-03-03' }] },
        ],
      ] as const
      for (const [kind, name, input] of questions) {
        if (kinds.has(kind)) continue
        asked.add(name)
        const outcome = runDecision(resolved.context, name, input)
        assert.equal(
          outcome.ok ? 'ok' : outcome.error.code,
          'RULE_NOT_FOUND',
          `${jurisdiction} ${name}`,
        )
      }
    }
    // Some county has no rule of each kind, so every question was put to an empty rulebook;
    // public opinion is answered everywhere by the national base (国办发〔2016〕61号, issue 16).
    assert.deepEqual([...asked].sort(), [
      'funds-approval',
      'incident-report-deadline',
      'leave-conflict',
    ])
  })

  it('agenda-admission no longer admits an item whose exclusion code is misspelt', () => {
    const resolved = contextFor(library, 'zhongshan')
    assert.ok(resolved.ok)
    const outcome = runDecision(resolved.context, 'agenda-admission', {
      meeting: 'specialTopic',
      characteristics: ['withinDepartmentAuthorty'],
    })
    assertRefused(outcome, 'characteristics\\[0\\].*withinDepartmentAuthorty', 'agenda-admission')
  })

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
