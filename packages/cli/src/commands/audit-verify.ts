import { verifyAuditTrail } from '@zhengling/app'
import { createAuditRepository, openDatabase } from '@zhengling/db'
import { databaseConfig } from '@zhengling/db'
import type { Output } from '../output.ts'

/** `zhengling audit verify`: recomputes every chain and reports each edit, deletion or reordering. */
export async function auditVerify(
  output: Output,
  jurisdictionId?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const handle = await openDatabase(databaseConfig(env))
  try {
    const reports = await verifyAuditTrail({
      audit: createAuditRepository(handle.db),
      jurisdictionId,
    })
    let problems = 0
    for (const report of reports) {
      if (report.problems.length === 0) {
        output.out(`✓ ${report.jurisdictionId}：${report.records} 条审计记录，链完整`)
        continue
      }
      for (const problem of report.problems) {
        problems += 1
        output.err(`✗ ${report.jurisdictionId}：${problem.message}`)
      }
    }
    if (reports.length === 0) output.out('没有审计记录')
    return problems === 0 ? 0 : 1
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') {
      output.err('✗ 数据库尚未初始化（没有审计表）')
      return 1
    }
    throw error
  } finally {
    await handle.close()
  }
}
