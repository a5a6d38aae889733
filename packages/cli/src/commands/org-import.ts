import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { importRoster, parseRosterFile, sm3Hasher } from '@zhengling/app'
import { createInTransaction } from '@zhengling/db'
import { contextFor, type RulebookLibrary } from '@zhengling/rulebooks'
import { formatSourceError, type Output } from '../output.ts'
import { withDatabase } from '../with-database.ts'

const LABELS = {
  jurisdiction: '辖区',
  departments: '单位',
  people: '人员',
  posts: '职务',
  holdings: '任职',
  portfolios: '分管',
  acting: '代理',
  documentPrefixes: '发文字号前缀',
  recipientGroups: '分发组',
} as const

/**
 * `zhengling org import <roster.yaml>`: creates or updates a jurisdiction's organisation from
 * its roster file. A broken file changes nothing and every problem is printed with its line.
 */
export async function orgImport(
  output: Output,
  library: RulebookLibrary,
  file: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  if (!file) {
    output.err('用法：zhengling org import <人员名册.yaml>')
    return 2
  }
  const { roster, errors } = parseRosterFile(readFileSync(file, 'utf8'), file)
  if (!roster) {
    for (const error of errors) output.err(formatSourceError(error))
    return 1
  }
  const context = contextFor(library, roster.jurisdiction.id)
  if (!context.ok) {
    output.err(`✗ 规则库中没有这个辖区：${roster.jurisdiction.id}（${context.message}）`)
    return 1
  }
  return withDatabase(output, env, async (handle) => {
    const report = await importRoster(
      {
        inTransaction: createInTransaction(handle.db),
        hasher: sm3Hasher,
        now: () => new Date(),
        newId: randomUUID,
      },
      roster,
      { via: 'cli', knownRoles: new Set(context.context.rulebook.posts.keys()) },
    )
    const created = Object.entries(report.created)
      .map(([key, count]) => `${LABELS[key as keyof typeof LABELS]} ${count}`)
      .join('，')
    output.out(`✓ ${roster.jurisdiction.name}：已导入人员名册（新增：${created}）`)
    for (const role of report.unknownRoles)
      output.err(`! 规则库没有职务 ${role}：按规则办理的事项不会找到这些职务`)
    return 0
  })
}
