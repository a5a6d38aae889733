import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { sql } from 'kysely'
import { openDatabase } from './open-database.ts'

describe('embedded database durability', () => {
  it('every transaction reported committed survives the process being killed (SIGKILL)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'zhengling-durability-'))
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, 'test-support', 'commit-until-killed.ts'), dataDir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    let acknowledged = 0
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject)
      child.stdout.on('data', (chunk: Buffer) => {
        const last = chunk.toString().trim().split('\n').at(-1)
        acknowledged = Math.max(acknowledged, Number(last))
        if (acknowledged >= 200 && !child.killed) {
          child.kill('SIGKILL')
          resolve()
        }
      })
    })
    await new Promise((resolve) => child.on('exit', resolve))
    const handle = await openDatabase({ dataDir })
    const rows = await sql<{ n: number }>`select count(*)::int as n from durability_probe`.execute(
      handle.db,
    )
    await handle.close()
    assert.ok(
      (rows.rows[0]?.n ?? 0) >= acknowledged,
      `acknowledged ${acknowledged}, found ${rows.rows[0]?.n}`,
    )
  })
})
