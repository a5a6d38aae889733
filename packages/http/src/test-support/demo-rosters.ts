import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { importRoster, parseRosterFile, type RosterFile, sm3Hasher } from '@zhengling/app'
import { createRepositories, type Database } from '@zhengling/db'
import type { TestSeed } from '@zhengling/db/test-support'
import type { Kysely } from 'kysely'

const DEMO = join(import.meta.dirname, '..', '..', '..', 'db', 'demo')

/**
 * Every roster file in packages/db/demo, by file name: the exhaustive plan tests cover whatever
 * jurisdictions have a roster, not a list that could lag behind the files.
 */
export const DEMO_ROSTERS: RosterFile[] = readdirSync(DEMO)
  .filter((file) => file.endsWith('-roster.yaml'))
  .sort()
  .map((file) => {
    const path = join(DEMO, file)
    const { roster, errors } = parseRosterFile(readFileSync(path, 'utf8'), path)
    if (!roster) throw new Error(errors.map((e) => `${e.file}:${e.line} ${e.message}`).join('\n'))
    return roster
  })

/** Imports every demo roster into a test database as it stands on `on`. */
export async function importDemoRosters(db: Kysely<Database>, on: string): Promise<void> {
  const r = createRepositories(db)
  for (const roster of DEMO_ROSTERS)
    await importRoster(
      {
        inTransaction: (work) => work(r),
        hasher: sm3Hasher,
        now: () => new Date(`${on}T01:00:00Z`),
        newId: randomUUID,
      },
      roster,
      { via: 'test' },
    )
}

/** importDemoRosters as a test database's seed, kept as a template per day (ADR 0028). */
export function rostersSeed(on: string): TestSeed {
  return { key: `demo rosters on ${on}`, run: (db) => importDemoRosters(db, on) }
}
