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
  type RulesPort,
  sm3Hasher,
} from '@zhengling/app'
import { addDays, shanghaiDateOf } from '@zhengling/rules'
import type { Kysely, Transaction } from 'kysely'
import { DEMO_ABSENCES } from '../demo/demo-absences.ts'
import { seedDemoDuty } from '../demo/demo-duty.ts'
import { DEMO_ROSTER_ACTING } from '../demo/demo-roster-acting.ts'
import { createRepositories } from './repositories.ts'
import type { Database } from './schema.ts'

/** The demo's incidents and opinions by jurisdiction (texts; steps and times come from the rules). */
export {
  DEMO_INCIDENTS,
  DEMO_OPINIONS,
  type DemoIncident,
  type DemoOpinion,
} from '../demo/demo-duty.ts'

/**
 * The demo accounts' password, one for every demo jurisdiction, printed with the accounts when the
 * demo starts. Never used outside the demo.
 */
export const DEMO_PASSWORD = 'Zhongshan-Demo-2026'

const DEMO_DIR = join(import.meta.dirname, '..', 'demo')

/**
 * The demo jurisdictions, one roster each in packages/db/demo: 钟山区 (its rulebook names its
 * prefixes), 托克逊县, 木里藏族自治县, 延津县 and 二连浩特市 (their rosters name their own; 延津's
 * rulebook names 延政 beside them).
 */
export const DEMO_JURISDICTIONS = ['zhongshan', 'toksun', 'muli', 'yanjin', 'erlianhaote'] as const
export type DemoJurisdiction = (typeof DEMO_JURISDICTIONS)[number]

const ADMIN_TITLES = {
  systemAdmin: '系统管理员',
  securityAdmin: '安全保密管理员',
  auditAdmin: '安全审计员',
} as const

/** A demo roster (a file in the roster format any jurisdiction imports). */
export function demoRoster(jurisdiction: DemoJurisdiction = 'zhongshan'): RosterFile {
  const file = join(DEMO_DIR, `${jurisdiction}-roster.yaml`)
  const { roster, errors } = parseRosterFile(readFileSync(file, 'utf8'), file)
  if (!roster)
    throw new Error(errors.map((e) => `${e.file}:${e.line} ${e.path} ${e.message}`).join('\n'))
  return roster
}

/** The demo's sign-in names with who each is, as printed when the demo server starts. */
export function demoAccounts(): string[] {
  const holders = DEMO_JURISDICTIONS.flatMap((jurisdiction) => {
    const roster = demoRoster(jurisdiction)
    return roster.people.map((person) => {
      const titles = roster.posts
        .filter((post) => post.holders.some((holder) => holder.person === person.key))
        .map((post) => post.title)
      return `${person.key}（${person.name}，${roster.jurisdiction.name} ${titles.join('、')}）`
    })
  })
  return [...holders, ...Object.entries(ADMIN_TITLES).map(([role, title]) => `${role}（${title}）`)]
}

/**
 * `rules`: the rulebooks as the use cases ask them. Given, each jurisdiction also gets its demo
 * duty (demo/demo-duty.ts: duty units and a published roster around the seed day), whose units,
 * days and steps come from the rules; the demo server and the e2e server give it.
 */
type SeedOptions = { now: () => Date; passwords?: PasswordHasher; rules?: RulesPort }

/** Seeds every demo jurisdiction (see seedDemoJurisdiction); answers all accounts created. */
export async function seedDemo(
  db: Kysely<Database>,
  options: SeedOptions = { now: () => new Date() },
): Promise<{ created: boolean; accounts: string[] }> {
  let created = false
  // Every demo account has the one demo password: hashed once (when a jurisdiction is new), not
  // once per jurisdiction — each hash is a deliberate ~0.1 s.
  const hasher = options.passwords ?? createScryptHasher()
  let hashed: Promise<string> | undefined
  const passwords: PasswordHasher = {
    ...hasher,
    hash: (password) => (hashed ??= hasher.hash(password)),
  }
  for (const jurisdiction of DEMO_JURISDICTIONS)
    created =
      (await seedDemoJurisdiction(db, { ...options, passwords, jurisdiction })).created || created
  return { created, accounts: created ? demoAccounts() : [] }
}

/**
 * Seeds one demo jurisdiction: imports its roster and opens one account per person (sign-in
 * name = roster key). The first demo jurisdiction (钟山区) also gets the three administrators; the
 * acting typed into a roster by hand comes from demo/demo-roster-acting.ts. Idempotent: does nothing when the jurisdiction
 * exists. One transaction, audited.
 */
export async function seedDemoJurisdiction(
  db: Kysely<Database>,
  options: SeedOptions & { jurisdiction?: DemoJurisdiction } = { now: () => new Date() },
): Promise<{ created: boolean; accounts: string[] }> {
  const jurisdiction = options.jurisdiction ?? 'zhongshan'
  const passwords = options.passwords ?? createScryptHasher()
  const existing = await db
    .selectFrom('jurisdictions')
    .select('id')
    .where('id', '=', jurisdiction)
    .executeTakeFirst()
  if (existing) return { created: false, accounts: [] }
  const passwordHash = await passwords.hash(DEMO_PASSWORD)
  const today = shanghaiDateOf(options.now().getTime())
  const roster = demoRoster(jurisdiction)
  const withAdministrators = jurisdiction === DEMO_JURISDICTIONS[0]
  for (const acting of DEMO_ROSTER_ACTING[jurisdiction] ?? [])
    roster.acting.push({
      post: acting.post,
      actingPost: acting.actingPost,
      from: addDays(today, acting.from),
      to: addDays(today, acting.to),
      ruleId: acting.ruleId,
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
      .where('jurisdiction_id', '=', jurisdiction)
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
    if (withAdministrators)
      for (const adminRole of Object.keys(ADMIN_TITLES) as (keyof typeof ADMIN_TITLES)[]) {
        await repositories.accountAdmin.createAccount({
          id: randomUUID(),
          username: adminRole,
          passwordHash,
          adminRole,
        })
      }
    const absences = await seedDemoAbsences(trx, jurisdiction, options.now())
    const duty = options.rules
      ? await seedDemoDuty({
          trx,
          repositories,
          jurisdiction,
          now: options.now(),
          rules: options.rules,
        })
      : null
    await repositories.audit.append(
      auditEntry({
        jurisdictionId: jurisdiction,
        occurredAt: options.now().toISOString(),
        action: 'demo.seed',
        subject: jurisdiction,
        details: {
          accounts: people.length + (withAdministrators ? 3 : 0),
          absences,
          ...(duty ? { duty } : {}),
          seededOn: today,
        },
      }),
      sm3Hasher,
    )
    const usernames = people.flatMap((person) => (person.roster_key ? [person.roster_key] : []))
    return {
      created: true,
      accounts: withAdministrators ? [...usernames, ...Object.keys(ADMIN_TITLES)] : usernames,
    }
  })
}

/**
 * The jurisdiction's demo absences (demo/demo-absences.ts) on dates counted from the seed day: a
 * leader away now, a request waiting for its approver, a trip over without 销假. Each with its
 * history (申请, and 批准 by the approver when approved), visible as the file act makes it (the
 * requester, the approver, the stand-in, the government office), and who acts for the post while
 * away where the demo data says (the row the act's recompute would write). Answers how many.
 */
async function seedDemoAbsences(
  trx: Transaction<Database>,
  jurisdiction: DemoJurisdiction,
  now: Date,
): Promise<number> {
  const demo = DEMO_ABSENCES[jurisdiction] ?? []
  if (demo.length === 0) return 0
  const today = shanghaiDateOf(now.getTime())
  const [posts, people, offices] = await Promise.all([
    trx
      .selectFrom('posts')
      .leftJoin('post_holdings', (join) =>
        join
          .onRef('post_holdings.post_id', '=', 'posts.id')
          .on('post_holdings.to_date', 'is', null),
      )
      .select(['posts.id', 'posts.title', 'posts.department_id', 'post_holdings.person_id'])
      .where('posts.jurisdiction_id', '=', jurisdiction)
      .execute(),
    trx
      .selectFrom('people')
      .select(['id', 'roster_key'])
      .where('jurisdiction_id', '=', jurisdiction)
      .execute(),
    trx
      .selectFrom('departments')
      .select('id')
      .where('jurisdiction_id', '=', jurisdiction)
      .where('rulebook_post', '=', 'governmentOffice')
      .execute(),
  ])
  const postOf = (title: string) => {
    const post = posts.find((p) => p.title === title)
    if (!post) throw new Error(`demo absences of ${jurisdiction}: no post ${title}`)
    return post
  }
  const personOf = (key: string) => {
    const person = people.find((p) => p.roster_key === key)
    if (!person) throw new Error(`demo absences of ${jurisdiction}: no person ${key}`)
    return person.id
  }
  const instant = (day: number, time: string) => {
    const at = new Date(`${addDays(today, day)}T${time}:00+08:00`)
    return (at < now ? at : now).toISOString()
  }
  const rows = demo.map((absence) => {
    const post = postOf(absence.post)
    const approver = absence.approver ? postOf(absence.approver) : undefined
    const standIn = absence.standIn ? postOf(absence.standIn) : undefined
    const from = addDays(today, absence.from)
    const to = addDays(today, absence.to)
    const decided = absence.status === 'approved'
    const filedAt =
      absence.status === 'pending' ? now.toISOString() : instant(absence.from - 3, '09:00')
    const decidedAt = decided ? instant(absence.from - 2, '10:00') : null
    return {
      absence: {
        id: randomUUID(),
        jurisdiction_id: jurisdiction,
        person_id: personOf(absence.person),
        post_id: post.id,
        unit_id: post.department_id,
        category: absence.category,
        from_date: from,
        to_date: to,
        days: absence.to - absence.from + 1,
        destination: absence.destination,
        reason: absence.reason,
        contact: absence.contact,
        mode: absence.mode,
        status: absence.status,
        approver_post_id: approver?.id ?? null,
        approver_post_ids: approver ? [approver.id] : [],
        filed_at: filedAt,
        decided_at: decidedAt,
        decided_by_post_id: decided ? (approver?.id ?? null) : null,
        rule_ids: absence.ruleIds,
        stand_in_post_id: standIn?.id ?? null,
        latest_filing: null,
        conflict: null,
        opinion: null,
        returned_on: null,
        return_report: null,
        distribution_posts: [
          ...new Set([
            post.id,
            ...(approver ? [approver.id] : []),
            ...(standIn ? [standIn.id] : []),
          ]),
        ],
        distribution_departments: offices.map((office) => office.id),
        created_at: filedAt,
        updated_at: decidedAt ?? filedAt,
      },
      approver,
      decidedAt,
      acting: absence.acting && {
        id: randomUUID(),
        post_id: post.id,
        acting_post_id: postOf(absence.acting.post).id,
        from_date: from,
        to_date: to,
        rule_id: absence.acting.ruleId,
        source: absence.acting.source,
        note: absence.acting.note,
      },
    }
  })
  await trx
    .insertInto('absences')
    .values(rows.map((row) => row.absence))
    .execute()
  const acting = rows.flatMap((row) =>
    row.acting ? [{ ...row.acting, absence_id: row.absence.id }] : [],
  )
  if (acting.length > 0) await trx.insertInto('acting_assignments').values(acting).execute()
  await trx
    .insertInto('absence_events')
    .values(
      rows.flatMap(({ absence, approver, decidedAt }) => {
        const event = {
          absence_id: absence.id,
          rule_ids: absence.rule_ids,
          details: JSON.stringify({ days: absence.days, demo: true }),
        }
        return [
          {
            ...event,
            occurred_at: absence.filed_at,
            actor_person_id: absence.person_id,
            actor_post_id: absence.post_id,
            action: absence.mode === 'filing' ? 'file' : 'request',
            text: absence.reason,
          },
          ...(decidedAt
            ? [
                {
                  ...event,
                  occurred_at: decidedAt,
                  actor_person_id: approver?.person_id ?? null,
                  actor_post_id: approver?.id ?? null,
                  action: 'approve',
                  text: '同意',
                },
              ]
            : []),
        ]
      }),
    )
    .execute()
  return rows.length
}
