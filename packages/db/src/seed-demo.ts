import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  auditEntry,
  createScryptHasher,
  importRoster,
  parseRosterFile,
  type PasswordHasher,
  type RosterFile,
  sm3Hasher,
} from '@zhengling/app'
import { addDays, shanghaiDateOf } from '@zhengling/rules'
import type { Kysely } from 'kysely'
import { createRepositories } from './repositories.ts'
import type { Database } from './schema.ts'

/** Demo accounts and their password, printed when the demo starts. Never used outside the demo. */
export const DEMO_PASSWORD = 'Zhongshan-Demo-2026'

const ROSTER_FILE = join(import.meta.dirname, '..', 'demo', 'zhongshan-roster.yaml')

const ADMIN_TITLES = {
  systemAdmin: '系统管理员',
  securityAdmin: '安全保密管理员',
  auditAdmin: '安全审计员',
} as const

/** The 钟山区 demo roster (a file in the roster format any jurisdiction imports). */
export function demoRoster(): RosterFile {
  const { roster, errors } = parseRosterFile(readFileSync(ROSTER_FILE, 'utf8'), ROSTER_FILE)
  if (!roster)
    throw new Error(errors.map((e) => `${e.file}:${e.line} ${e.path} ${e.message}`).join('\n'))
  return roster
}

/** The demo's sign-in names with who each is, as printed when the demo server starts. */
export function demoAccounts(): string[] {
  const roster = demoRoster()
  const holders = roster.people.map((person) => {
    const titles = roster.posts
      .filter((post) => post.holders.some((holder) => holder.person === person.key))
      .map((post) => post.title)
    return `${person.key}（${person.name}，${titles.join('、')}）`
  })
  return [...holders, ...Object.entries(ADMIN_TITLES).map(([role, title]) => `${role}（${title}）`)]
}

/**
 * Seeds the demo jurisdiction 钟山区 (rulebook zhongshan 2022): imports its roster, makes the
 * executive deputy act for the head during the coming week (第六条), and opens one account per
 * person (sign-in name = roster key) plus the three administrators. Idempotent: does nothing
 * when the jurisdiction exists. One transaction, audited.
 */
export async function seedDemoJurisdiction(
  db: Kysely<Database>,
  options: { now: () => Date; passwords?: PasswordHasher } = { now: () => new Date() },
): Promise<{ created: boolean; accounts: string[] }> {
  const passwords = options.passwords ?? createScryptHasher()
  const existing = await db
    .selectFrom('jurisdictions')
    .select('id')
    .where('id', '=', 'zhongshan')
    .executeTakeFirst()
  if (existing) return { created: false, accounts: [] }
  const passwordHash = await passwords.hash(DEMO_PASSWORD)
  const today = shanghaiDateOf(options.now().getTime())
  const roster = demoRoster()
  roster.acting.push({
    post: '区长',
    actingPost: '常务副区长',
    from: today,
    to: addDays(today, 6),
    ruleId: 'zhongshan.acting.principal',
  })
  return db.transaction().execute(async (trx) => {
    const repositories = createRepositories(trx)
    await importRoster(
      {
        inTransaction: (work) => work(repositories),
        hasher: sm3Hasher,
        now: options.now,
        newId: randomUUID,
      },
      roster,
      { via: 'demo' },
    )
    const people = await trx
      .selectFrom('people')
      .select(['id', 'roster_key'])
      .where('jurisdiction_id', '=', 'zhongshan')
      .execute()
    for (const person of people) {
      if (!person.roster_key) continue
      await repositories.accountAdmin.createAccount({
        id: randomUUID(),
        username: person.roster_key,
        passwordHash,
        personId: person.id,
      })
    }
    for (const adminRole of Object.keys(ADMIN_TITLES) as (keyof typeof ADMIN_TITLES)[]) {
      await repositories.accountAdmin.createAccount({
        id: randomUUID(),
        username: adminRole,
        passwordHash,
        adminRole,
      })
    }
    await repositories.audit.append(
      auditEntry({
        jurisdictionId: 'zhongshan',
        occurredAt: options.now().toISOString(),
        action: 'demo.seed',
        subject: 'zhongshan',
        details: { accounts: people.length + 3, seededOn: today },
      }),
      sm3Hasher,
    )
    return { created: true, accounts: demoAccounts() }
  })
}
