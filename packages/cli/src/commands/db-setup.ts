import {
  DEMO_JURISDICTIONS,
  DEMO_PASSWORD,
  demoRoster,
  migrate,
  openDatabase,
  seedDemo,
} from '@zhengling/db'
import { databaseConfig } from '@zhengling/db'
import type { Output } from '../output.ts'

/** `zhengling db migrate`: applies pending migrations to the configured database. */
export async function dbMigrate(
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const handle = await openDatabase(databaseConfig(env))
  try {
    const applied = await migrate(handle.db)
    output.out(applied.length ? `已执行迁移：${applied.join('、')}` : '数据库结构已是最新')
    return 0
  } finally {
    await handle.close()
  }
}

/** `zhengling demo seed`: migrates, then seeds the demo jurisdictions and prints their accounts. */
export async function demoSeed(
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const handle = await openDatabase(databaseConfig(env))
  try {
    await migrate(handle.db)
    const result = await seedDemo(handle.db, { now: () => new Date() })
    if (!result.created) {
      output.out('演示辖区已存在，未重复创建')
      return 0
    }
    const created = DEMO_JURISDICTIONS.map((id) => demoRoster(id).jurisdiction).map(
      (jurisdiction) => `${jurisdiction.name}（规则 ${jurisdiction.rulebookVersion} 版）`,
    )
    output.out(`已创建演示辖区：${created.join('、')}`)
    output.out(`演示账户（密码均为 ${DEMO_PASSWORD}，仅供演示）：`)
    for (const account of result.accounts) output.out(`  ${account}`)
    return 0
  } finally {
    await handle.close()
  }
}
