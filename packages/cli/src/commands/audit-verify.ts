import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import {
  generateSm2KeyPair,
  keyFingerprint,
  sealAuditChains,
  verifyAuditExport,
  verifyAuditTrail,
} from '@zhengling/app'
import {
  auditKeyConfig,
  createAuditRepository,
  createCheckpointFile,
  databaseConfig,
  loadAuditPublicKey,
  loadAuditSigner,
  openDatabase,
} from '@zhengling/db'
import { type Output, UsageError } from '../output.ts'

/**
 * `zhengling audit verify`: recomputes every chain and reports each edit, deletion or
 * reordering; with the public key and checkpoint file configured (ZHENGLING_AUDIT_PUBLIC_KEY or
 * ZHENGLING_AUDIT_KEY, ZHENGLING_AUDIT_CHECKPOINTS; or --public-key, --checkpoints), also checks
 * the records against every signed checkpoint (docs/decisions/0020). `--file` verifies an export.
 * Records the server has not sealed yet are sealed first (docs/decisions/0026); `--no-seal`
 * only looks (a standby, or to see whether the server's sealer keeps up), and reports records
 * waiting longer than the bound.
 */
export async function auditVerify(
  output: Output,
  jurisdictionId?: string,
  env: NodeJS.ProcessEnv = process.env,
  options: { file?: string; checkpoints?: string; publicKey?: string; seal?: boolean } = {},
): Promise<number> {
  const publicKey = options.publicKey
    ? readFileSync(options.publicKey, 'utf8').trim()
    : loadAuditPublicKey(env)
  if (options.file) return verifyExportFile(output, options.file, publicKey)
  const checkpointFile = options.checkpoints ?? auditKeyConfig(env).checkpointFile
  const handle = await openDatabase(databaseConfig(env))
  try {
    const checkpoints =
      publicKey && existsSync(checkpointFile)
        ? { list: await createCheckpointFile(checkpointFile).all(), publicKey }
        : undefined
    const reports = await verifyAuditTrail({
      audit: createAuditRepository(handle.db),
      jurisdictionId,
      checkpoints,
      seal: options.seal,
    })
    let problems = 0
    for (const report of reports) {
      if (report.problems.length === 0) {
        const sealed =
          report.checkpointedSeq !== undefined
            ? `，与签名检查点相符（已签至第 ${report.checkpointedSeq} 条）`
            : ''
        const waiting = report.unsealed ? `（另有 ${report.unsealed} 条待封存）` : ''
        output.out(
          `✓ ${report.jurisdictionId}：${report.records} 条审计记录，链完整${sealed}${waiting}`,
        )
        continue
      }
      for (const problem of report.problems) {
        problems += 1
        output.err(`✗ ${report.jurisdictionId}：${problem.message}`)
      }
    }
    if (reports.length === 0) output.out('没有审计记录')
    if (!checkpoints)
      output.out(
        publicKey
          ? `注意：检查点文件 ${checkpointFile} 不存在，未与签名检查点核对`
          : '注意：未配置审计公钥（ZHENGLING_AUDIT_PUBLIC_KEY），未与签名检查点核对；末尾删除和重算哈希的伪造只有检查点能发现',
      )
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

function verifyExportFile(output: Output, file: string, publicKey: string | undefined): number {
  if (!existsSync(file)) throw new UsageError(`找不到导出文件：${file}`)
  const check = verifyAuditExport(readFileSync(file, 'utf8'), publicKey)
  if (!check.header) {
    output.err(`✗ ${check.problems.join('；')}`)
    return 1
  }
  const { header } = check
  for (const problem of check.problems) output.err(`✗ ${header.chain}：${problem}`)
  if (check.problems.length > 0) return 1
  output.out(
    `✓ ${header.chain}：${check.records} 条审计记录（${header.from} 至 ${header.to}），签名有效，链连续`,
  )
  if (!check.trustedKey)
    output.out(
      `注意：用的是文件自带的公钥（指纹 ${header.signature.key}），请与本部署的审计公钥核对，或以 --public-key 指定`,
    )
  return 0
}

/** `zhengling audit checkpoint`: signs each chain's head now into the checkpoint file. */
export async function auditCheckpoint(
  output: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const signer = loadAuditSigner(env)
  if (!signer)
    throw new UsageError(
      '未配置审计签名密钥：设置 ZHENGLING_AUDIT_KEY（用 zhengling audit keygen 生成）',
    )
  const { checkpointFile } = auditKeyConfig(env)
  const handle = await openDatabase(databaseConfig(env))
  try {
    const reports = await sealAuditChains({
      audit: createAuditRepository(handle.db),
      signer,
      store: createCheckpointFile(checkpointFile),
      now: () => new Date(),
    })
    let refused = 0
    for (const report of reports) {
      if (report.outcome === 'sealed')
        output.out(`✓ ${report.chain}：已签署检查点（第 ${report.seq} 条）`)
      else if (report.outcome === 'unchanged')
        output.out(`✓ ${report.chain}：自上次检查点以来没有新记录（第 ${report.seq} 条）`)
      else {
        refused += 1
        for (const problem of report.problems)
          output.err(`✗ ${report.chain}：未签署，${problem.message}`)
      }
    }
    output.out(`检查点文件：${checkpointFile}`)
    return refused === 0 ? 0 : 1
  } finally {
    await handle.close()
  }
}

/**
 * `zhengling audit keygen --out <文件>`: a new SM2 key pair; the private key in the file (mode
 * 0600), the public key beside it (`.pub`). Never overwrites a key.
 */
export function auditKeygen(output: Output, out: string | undefined): number {
  if (!out)
    throw new UsageError('请用 --out 指定私钥文件，如：audit keygen --out /etc/zhengling/audit.key')
  if (existsSync(out) || existsSync(`${out}.pub`))
    throw new UsageError(`${out} 已存在：不覆盖已有密钥`)
  const { privateKey, publicKey } = generateSm2KeyPair()
  writeFileSync(out, `${privateKey}\n`, { mode: 0o600, flag: 'wx' })
  writeFileSync(`${out}.pub`, `${publicKey}\n`, { mode: 0o644, flag: 'wx' })
  output.out(`已生成 SM2 审计签名密钥：私钥 ${out}（仅服务器可读），公钥 ${out}.pub`)
  output.out(`公钥指纹：${keyFingerprint(publicKey)}（请另行记录，用于核对导出文件和检查点）`)
  return 0
}
