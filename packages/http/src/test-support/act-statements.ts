import assert from 'node:assert/strict'
import { countStatements } from '@zhengling/db'

/**
 * The statements of one act's own transaction (begin … commit) while `send` runs, and how many
 * the whole request sent (the session lookup and the answer's reads around it). Used by the
 * statement-budget tests of every module (issue 14: ≤ 10 per act).
 */
export async function actStatements(
  db: object,
  send: () => Promise<{ statusCode: number; body: string }>,
): Promise<{ inAct: string[]; inRequest: number }> {
  const counter = countStatements(db, { keepSql: true })
  const response = await send()
  counter.stop()
  assert.equal(response.statusCode < 300, true, response.body)
  const all = counter.statements.map((text) => text.trim().toLowerCase())
  const begin = all.findIndex((text) => text.startsWith('begin'))
  const commit = all.findIndex((text, index) => index > begin && text.startsWith('commit'))
  assert.ok(begin >= 0 && commit > begin, `no transaction:\n${all.join('\n')}`)
  return { inAct: all.slice(begin, commit + 1), inRequest: all.length }
}

/** A failure message that lists an act's statements, one line each. */
export function statementList(name: string, inAct: string[], budget: number): string {
  return `${name}: ${inAct.length} statements (budget ${budget}):\n${inAct
    .map((statement) => `  ${statement.replace(/\s+/g, ' ').slice(0, 140)}`)
    .join('\n')}`
}
