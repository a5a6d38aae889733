import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { captureOutput } from '../test-support/capture-output.ts'
import { dbMigrate, demoSeed } from './db-setup.ts'

const capture = captureOutput

describe('zhengling db migrate / demo seed', () => {
  it('migrates an empty data folder, seeds the demo once, and prints the accounts', async () => {
    // A data folder whose parents do not exist yet, as on a fresh clone (.data/pglite).
    const env = {
      ZHENGLING_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'zhengling-demo-')), '.data', 'pglite'),
    }
    const migrated = capture()
    assert.equal(await dbMigrate(migrated.output, env), 0)
    assert.match(migrated.text(), /0001_organisation\.sql/)
    const seeded = capture()
    assert.equal(await demoSeed(seeded.output, env), 0)
    assert.match(seeded.text(), /auditAdmin（安全审计员）/)
    const again = capture()
    assert.equal(await demoSeed(again.output, env), 0)
    assert.match(again.text(), /已存在/)
  })
})
