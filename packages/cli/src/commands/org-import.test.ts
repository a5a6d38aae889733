import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { createAuditRepository, openDatabase } from '@zhengling/db'
import { verifyAuditTrail } from '@zhengling/app'
import { loadLibrary } from '@zhengling/rulebooks'
import { captureOutput } from '../test-support/capture-output.ts'
import { orgImport } from './org-import.ts'

const DEMO_ROSTER = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'db',
  'demo',
  'zhongshan-roster.yaml',
)
const library = loadLibrary()

const capture = captureOutput

describe('zhengling org import', () => {
  it('imports a roster, changes nothing on re-import, and applies later changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengling-roster-'))
    const env = { ZHENGLING_DATA_DIR: join(dir, 'db') }
    const first = capture()
    assert.equal(await orgImport(first.output, library, DEMO_ROSTER, env), 0)
    assert.match(first.text(), /新增：辖区 1，单位 9，人员 16，职务 17，任职 17，分管 7，代理 0/)

    const again = capture()
    assert.equal(await orgImport(again.output, library, DEMO_ROSTER, env), 0)
    assert.match(again.text(), /新增：辖区 0，单位 0，人员 0，职务 0，任职 0，分管 0，代理 0/)

    // The head leaves office; a successor takes over the next day; a new role the rulebook lacks.
    const changed = readFileSync(DEMO_ROSTER, 'utf8')
      .replace(
        'holders: [{ person: zs-principal, from: 2022-03-11 }]',
        'holders: [{ person: zs-principal, from: 2022-03-11, to: 2026-06-30 }, { person: zs-new, from: 2026-07-01 }]',
      )
      .replace('people:\n', 'people:\n  - { key: zs-new, name: 钱进 }\n')
      .replace('posts:\n', 'posts:\n  - { role: statistician, title: 区统计员 }\n')
    const changedFile = join(dir, 'changed.yaml')
    writeFileSync(changedFile, changed)
    const third = capture()
    assert.equal(await orgImport(third.output, library, changedFile, env), 0)
    assert.match(third.text(), /人员 1，职务 1，任职 1/)
    assert.match(third.text(), /规则库没有职务 statistician/)

    const handle = await openDatabase(
      env.ZHENGLING_DATA_DIR ? { dataDir: env.ZHENGLING_DATA_DIR } : {},
    )
    try {
      const holders = await handle.db
        .selectFrom('post_holdings')
        .innerJoin('posts', 'posts.id', 'post_holdings.post_id')
        .innerJoin('people', 'people.id', 'post_holdings.person_id')
        .select(['people.name', 'from_date', 'to_date'])
        .where('posts.title', '=', '区长')
        .orderBy('from_date')
        .execute()
      assert.deepEqual(holders, [
        { name: '王建国', from_date: '2022-03-11', to_date: '2026-06-30' },
        { name: '钱进', from_date: '2026-07-01', to_date: null },
      ])
      const [report] = await verifyAuditTrail({
        audit: createAuditRepository(handle.db),
        jurisdictionId: 'zhongshan',
      })
      assert.equal(report?.records, 3)
      assert.deepEqual(report?.problems, [])
    } finally {
      await handle.close()
    }
  })

  it('a broken roster changes nothing and names the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengling-roster-'))
    const file = join(dir, 'broken.yaml')
    writeFileSync(
      file,
      readFileSync(DEMO_ROSTER, 'utf8').replace(
        '{ department: 区教育局, from: 2022-03-11 }',
        '{ department: 区卫生健康局, from: 2022-03-11 }',
      ),
    )
    const env = { ZHENGLING_DATA_DIR: join(dir, 'db') }
    const result = capture()
    assert.equal(await orgImport(result.output, library, file, env), 1)
    assert.match(result.text(), /broken\.yaml:\d+.*名册中没有这个单位：区卫生健康局/)
    const unknown = capture()
    writeFileSync(file, readFileSync(DEMO_ROSTER, 'utf8').replace('id: zhongshan', 'id: atlantis'))
    assert.equal(await orgImport(unknown.output, library, file, env), 1)
    assert.match(unknown.text(), /规则库中没有这个辖区：atlantis/)
  })
})
