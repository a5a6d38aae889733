import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, it } from 'node:test'
import { DECISIONS, type WorkflowQuestion } from '@zhengling/rules'
import { WORKFLOW_QUESTIONS } from './workflow-questions.ts'

const ROOT = import.meta.dirname

/** The input field by which each decision picks its rule, where it picks by a code. */
const SELECTOR_FIELD: Record<string, string> = {
  'responsible-posts': 'matter',
  'procedure-check': 'matter',
  'collective-decision': 'matter',
  'prohibition-check': 'act',
  'advance-notice': 'act',
  'event-deadline': 'event',
  'supervision-due': 'source',
  'incident-report-deadline': 'category',
  'public-opinion-deadline': 'category',
  'leave-approval': 'category',
  'limit-check': 'subject',
  'seal-approval': 'seal',
}

/**
 * Computations of the rules core that walk a kind's rules themselves instead of through ask(), by
 * the decision they answer over many days: acting duty (actingDutyOver) is acting-presider for
 * every day and away post, run by every act that changes an absence or a designation.
 */
const COMPUTED: Record<string, WorkflowQuestion> = {
  actingDutyOver: { decision: 'acting-presider' },
}

/**
 * Where a call forwards its caller's question (responsibleFor asks for the matter it is given):
 * the callers are read instead.
 */
const FORWARDERS = new Set(['documents/document-rules.ts'])

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })
}

/** The text between the parenthesis at `open` and its match. */
function balanced(text: string, open: number): string {
  let depth = 0
  for (let i = open; i < text.length; i += 1) {
    const c = text[i]
    if (c === '(' || c === '{' || c === '[') depth += 1
    else if (c === ')' || c === '}' || c === ']') {
      depth -= 1
      if (depth === 0) return text.slice(open + 1, i)
    } else if (c === "'" || c === '`' || c === '"') {
      i = text.indexOf(c, i + 1)
    }
  }
  throw new Error('unbalanced call')
}

/** Top-level comma-separated arguments. */
function argumentsOf(call: string): string[] {
  const args: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < call.length; i += 1) {
    const c = call[i]
    if (c === '(' || c === '{' || c === '[' || c === '<') depth += 1
    else if (c === ')' || c === '}' || c === ']' || (c === '>' && call[i - 1] !== '=')) depth -= 1
    else if (c === "'" || c === '`' || c === '"') i = call.indexOf(c, i + 1)
    else if (c === ',' && depth === 0) {
      args.push(call.slice(start, i).trim())
      start = i + 1
    }
  }
  args.push(call.slice(start).trim())
  return args.filter(Boolean)
}

const literals = (expression: string) =>
  [...expression.matchAll(/'([a-zA-Z][a-zA-Z0-9-]*)'/g)].map((m) => m[1] as string)

/** The expression given for `field` in an object literal argument, if any. */
function fieldExpression(argument: string, field: string): string | undefined {
  const match = new RegExp(`(?:^|[{,\\s])${field}\\s*(:|,|\\s*})`).exec(argument)
  if (!match) return undefined
  if (match[1] !== ':') return field // shorthand: a variable
  const rest = argument.slice(match.index + match[0].length)
  return argumentsOf(`${rest.replace(/}\s*$/, '')}`)[0]
}

/** Every question the use cases ask, read from their source. */
function askedInSource(): WorkflowQuestion[] {
  const asked: WorkflowQuestion[] = []
  for (const file of sourceFiles(ROOT)) {
    const name = relative(ROOT, file)
    // Comments may mention ask() in prose: only code counts.
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
    for (const [call, question] of Object.entries(COMPUTED))
      if (new RegExp(`(?<!function )\\b${call}\\s*\\(`).test(text)) asked.push(question)
    for (const match of text.matchAll(/(?<!function )\b(ask|responsibleFor)\s*(<[^(]*>)?\s*\(/g)) {
      const args = argumentsOf(balanced(text, (match.index ?? 0) + match[0].length - 1))
      if (match[1] === 'responsibleFor') {
        for (const code of literals(args[2] ?? ''))
          asked.push({ decision: 'responsible-posts', code })
        continue
      }
      const [decision] = literals(args[2] ?? '')
      assert.ok(decision, `${name}: ask() with a decision that is not written out: ${args[2]}`)
      const field = SELECTOR_FIELD[decision]
      if (!field) {
        asked.push({ decision })
        continue
      }
      const expression = fieldExpression(args[3] ?? '', field)
      assert.ok(expression, `${name}: ${decision} asked without ${field}`)
      const codes = literals(expression)
      if (codes.length === 0) {
        if (FORWARDERS.has(name)) continue
        asked.push({ decision }) // asked for whatever the record holds: every rule of the kind
      } else for (const code of codes) asked.push({ decision, code })
    }
  }
  return asked
}

const key = (q: WorkflowQuestion) => `${q.decision}${q.code ? ` ${q.code}` : ''}`

describe('the questions running workflows ask', () => {
  it('are declared in one place, exactly as the use cases ask them', () => {
    const inSource = new Set(askedInSource().map(key))
    const declared = WORKFLOW_QUESTIONS.map(key)
    assert.equal(new Set(declared).size, declared.length, 'a question declared twice')
    const undeclared = [...inSource].filter((q) => !declared.includes(q))
    const unasked = declared.filter((q) => !inSource.has(q))
    assert.deepEqual(
      { undeclared, unasked },
      { undeclared: [], unasked: [] },
      'packages/app/src/workflow-questions.ts must list exactly what the use cases ask',
    )
  })

  it('go through ask(), where the declaration can see them', () => {
    for (const file of sourceFiles(ROOT)) {
      const name = relative(ROOT, file)
      if (FORWARDERS.has(name)) continue
      assert.doesNotMatch(
        readFileSync(file, 'utf8'),
        /\.decide\(/,
        `${name} asks rules.decide directly`,
      )
    }
  })

  it('name decisions the rules core answers', () => {
    const names = new Set(DECISIONS.map((decision) => decision.name))
    for (const question of WORKFLOW_QUESTIONS)
      assert.ok(names.has(question.decision), key(question))
  })
})
