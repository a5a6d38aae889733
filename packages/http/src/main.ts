import { randomUUID } from 'node:crypto'
import { createScryptHasher, sealAuditChains, sm3Hasher } from '@zhengling/app'
import {
  auditKeyConfig,
  cacheDir,
  createAuditRepository,
  createCheckpointFile,
  databaseConfig,
  ensureAuditKeyFile,
  loadAuditSigner,
  DEMO_PASSWORD,
  demoAccounts,
  migrate,
  openDatabase,
  openMigratedEmbedded,
  seedDemo,
  startAuditSealer,
  startTimerWorker,
} from '@zhengling/db'
import { loadCachedLibrary } from '@zhengling/rulebooks'
import { join } from 'node:path'
import { buildServer } from './build-server.ts'
import { secondFactorKey } from './second-factor-key.ts'
import { loadActivatedNotices } from './calendar-layers.ts'
import { channelsFromEnv } from './notification-channels.ts'
import { createRulesPort } from './rules-port.ts'

/**
 * The server: migrates the database, optionally seeds the demo, serves the web app and /api.
 * Configuration (docs/operations.md): PORT (3000), HOST (127.0.0.1), LOG_LEVEL (info),
 * DATABASE_URL (unset: embedded PGlite in ZHENGLING_DATA_DIR, default .data/pglite),
 * DATABASE_READ_URL (a hot standby of DATABASE_URL for the read pages, ADR 0029),
 * ZHENGLING_SECURE_COOKIES (true; false only behind plain HTTP on a non-localhost address),
 * ZHENGLING_WEB_ROOT (packages/web/dist); notification channels: ZHENGLING_SMTP_URL (or
 * ZHENGLING_SMTP_HOST/ZHENGLING_SMTP_PORT) with ZHENGLING_SMTP_FROM, ZHENGLING_WEBHOOK_URL with
 * ZHENGLING_WEBHOOK_SECRET, ZHENGLING_PUBLIC_URL for links in messages. `--demo` seeds the demo jurisdictions (钟山区, 托克逊县,
 * 木里县, 延津县, 二连浩特市) and prints their accounts. Least privilege on PostgreSQL (ADR 0020):
 * DATABASE_URL names the application role; ZHENGLING_MIGRATION_DATABASE_URL, when set, the owner
 * that migrates first. The audit key: ZHENGLING_AUDIT_KEY (SM2, signs checkpoints every
 * ZHENGLING_AUDIT_CHECKPOINT_MINUTES into ZHENGLING_AUDIT_CHECKPOINTS, and audit exports).
 */
const env = process.env
const demo = process.argv.includes('--demo')
const port = Number(env.PORT ?? 3000)
const host = env.HOST ?? '127.0.0.1'
const config = databaseConfig(env)
if (env.ZHENGLING_MIGRATION_DATABASE_URL) {
  const owner = await openDatabase({ url: env.ZHENGLING_MIGRATION_DATABASE_URL })
  await migrate(owner.db)
  await owner.close()
}
// Embedded, a data dir that does not exist yet starts from the migrated template (ADR 0028).
const handle = config.url
  ? await openDatabase(config)
  : await openMigratedEmbedded({ dataDir: config.dataDir })
if (config.url) await migrate(handle.db)

// Parsed once and kept by content hash in the cache dir (ADR 0028).
const library = loadCachedLibrary({ cacheDir: cacheDir() })
// The demo's duty (units, roster) is laid out by the rules, so the seed is given them.
if (demo) await seedDemo(handle.db, { now: () => new Date(), rules: createRulesPort(library) })
// Seals the TOTP secrets (ADR 0022): from the environment or a key file beside the data.
const twoFactorKey = secondFactorKey(env)
// The demo makes an audit key of its own (.data/audit.key); a deployment sets ZHENGLING_AUDIT_KEY.
const auditEnv =
  demo && !env.ZHENGLING_AUDIT_KEY
    ? { ...env, ZHENGLING_AUDIT_KEY: ensureAuditKeyFile('.data/audit.key') }
    : env
const auditSigner = loadAuditSigner(auditEnv)
// E-mail and the messaging gateway, when configured (docs/operations.md); 站内 always.
const channels = channelsFromEnv(env)
const app = await buildServer({
  library,
  logger: { level: env.LOG_LEVEL ?? 'info' },
  webRoot: env.ZHENGLING_WEB_ROOT ?? join(import.meta.dirname, '..', '..', 'web', 'dist'),
  sessions: {
    db: handle.db,
    passwords: createScryptHasher(),
    hasher: sm3Hasher,
    now: () => new Date(),
    secureCookies: env.ZHENGLING_SECURE_COOKIES !== 'false',
    secondFactor: { key: twoFactorKey.key },
  },
  notifications: { availableChannels: channels.map((channel) => channel.name) },
  auditSigner,
})
await app.listen({ port, host })
// 催办 and other durable timers; every replica may run this worker (jobs are taken once).
const timers = startTimerWorker(handle.db, {
  hasher: sm3Hasher,
  now: () => new Date(),
  newId: randomUUID,
  rules: createRulesPort(library),
  channels,
  publicUrl: env.ZHENGLING_PUBLIC_URL,
  onError: (error) => app.log.error({ err: error }, '定时任务运行失败'),
})
// A holiday notice activated through another replica joins this one's calendar within a minute.
const calendarBeat = setInterval(() => {
  loadActivatedNotices(handle.db, library).catch((error: unknown) =>
    app.log.error({ err: error }, '载入节假日安排失败'),
  )
}, 60_000)
calendarBeat.unref()
// Acts append their audit records unsealed; this chains them just after each commit and every
// second (ADR 0026). Every replica may run it.
const auditSealer = startAuditSealer(handle.db, {
  onError: (error) => app.log.error({ err: error }, '审计记录封存失败'),
})
await auditSealer.sealNow()
// Signed checkpoints of every audit chain, outside the database (ADR 0020): now and periodically.
const auditKeys = auditKeyConfig(auditEnv)
const sealChains = () =>
  auditSigner
    ? sealAuditChains({
        audit: createAuditRepository(handle.db),
        signer: auditSigner,
        store: createCheckpointFile(auditKeys.checkpointFile),
        now: () => new Date(),
      })
        .then((reports) => {
          for (const report of reports.filter((r) => r.outcome === 'refused'))
            app.log.error(
              { chain: report.chain, problems: report.problems },
              '审计链校验失败，未签署检查点',
            )
        })
        .catch((error: unknown) => app.log.error({ err: error }, '签署审计检查点失败'))
    : Promise.resolve()
await sealChains()
const sealBeat = setInterval(sealChains, auditKeys.intervalMinutes * 60_000)
sealBeat.unref()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    clearInterval(calendarBeat)
    clearInterval(sealBeat)
    await timers.stop()
    await auditSealer.stop()
    await sealChains()
    await app.close()
    await handle.close()
    process.exit(0)
  })
}

const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`
const lines = [
  `政令 Zhengling 已启动：${url}`,
  `数据库：${config.url ? 'PostgreSQL 服务器（DATABASE_URL）' : `内嵌 PGlite（${config.dataDir}）`}${config.readUrl ? '；待办、检索、登记簿、看板和工作台读热备库（DATABASE_READ_URL）' : ''}`,
  `接口文档：${url}api/docs`,
  `两步验证密钥：${twoFactorKey.source}（三员首次登录时用验证器应用扫码设置两步验证）`,
  auditSigner
    ? `审计检查点：SM2 签署，每 ${auditKeys.intervalMinutes} 分钟写入 ${auditKeys.checkpointFile}`
    : '审计检查点：未配置 ZHENGLING_AUDIT_KEY，不签署（见 docs/decisions/0020）',
]
if (demo) {
  lines.push(`演示账户（密码均为 ${DEMO_PASSWORD}，仅供演示）：`)
  lines.push(...demoAccounts().map((account) => `  ${account}`))
}
console.log(lines.join('\n'))
