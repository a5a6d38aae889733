// Child process for the durability test: commits rows one by one and reports each commit on
// stdout, until the parent kills it with SIGKILL.
import { sql } from 'kysely'
import { migrate } from '../migrate.ts'
import { openDatabase } from '../open-database.ts'

const dataDir = process.argv[2] as string
const handle = await openDatabase({ dataDir })
await migrate(handle.db)
await sql`create table if not exists durability_probe (n int primary key)`.execute(handle.db)
for (let n = 1; ; n += 1) {
  await handle.db.transaction().execute(async (trx) => {
    await sql`insert into durability_probe (n) values (${n})`.execute(trx)
  })
  process.stdout.write(`${n}\n`)
}
