import { parseArgs } from 'node:util'
import { loadLibrary } from '@zhengling/rulebooks'
import { adminInstall, adminResetPassword } from './commands/admin-install.ts'
import { auditCheckpoint, auditKeygen, auditVerify } from './commands/audit-verify.ts'
import { dbMigrate, demoSeed } from './commands/db-setup.ts'
import { orgImport } from './commands/org-import.ts'
import { rulesCatalogue } from './commands/rules-catalogue.ts'
import { rulesCoverage } from './commands/rules-coverage.ts'
import { rulesDecisions } from './commands/rules-decisions.ts'
import { rulesDiff } from './commands/rules-diff.ts'
import { rulesExplain } from './commands/rules-explain.ts'
import { rulesLint } from './commands/rules-lint.ts'
import { rulesList } from './commands/rules-list.ts'
import { rulesShow } from './commands/rules-show.ts'
import { rulesTest } from './commands/rules-test.ts'
import { consoleOutput, formatSourceError, type Output, UsageError } from './output.ts'

const USAGE = `用法：zhengling rules <命令> [参数] | zhengling audit verify [--jurisdiction 辖区] [--file 导出文件]
  list                                   列出已编入的辖区与版本
  show <辖区> [--as-of 日期]             显示职务、会议、发文字号与全部规则
  explain <辖区> <判定> <输入.json|-> [--as-of 日期] [--json]
                                         回答一个问题，并给出依据条文
  decisions                              列出可用的判定及其输入字段
  diff <辖区> <辖区> [...] [--kind 类型]  并列比较各辖区的规则
  coverage [辖区] [--json]               条文覆盖情况：分类、编码、用例
  test [目录或文件] [--verbose]          运行一致性用例
  lint <文件>                            检查规则库、用例、条文清单或日历数据文件
  catalogue [--out 文件] [--check]       生成规则目录（Markdown）；--check 检查是否过期
  audit verify [--jurisdiction 辖区]     校验审计链：发现任何改动、删除或顺序调整，并与签名检查点核对
               [--checkpoints 文件] [--public-key 文件] [--file 导出文件]（校验导出文件的签名与连续性）
               先封存待封存的记录；--no-seal 只核查不封存，报告等待超过 60 秒的记录
  audit checkpoint                       用 SM2 密钥签署各审计链的链头，追加到检查点文件
  audit keygen --out <私钥文件>          生成 SM2 审计签名密钥（公钥写入 <私钥文件>.pub）
  db migrate                             执行数据库迁移
  demo seed                              创建演示辖区（钟山、托克逊、木里、延津、二连浩特）及演示账户
  org import <人员名册.yaml>              导入或更新一个辖区的单位、职务、任职、分管与代理
  admin install <角色> <用户名>          安装时创建三员账户（systemAdmin、securityAdmin、auditAdmin），
                                         密码取自环境变量 ZHENGLING_ADMIN_PASSWORD
  admin reset-password <用户名>          在服务器控制台重置密码（含管理员账户），并解除锁定
                                         （DATABASE_URL 指定 PostgreSQL；否则使用 ZHENGLING_DATA_DIR，默认 .data/pglite）`

/** Runs the CLI; returns the exit code. Data errors print as file:line, never as a stack trace. */
export function main(
  argv: string[],
  output: Output = consoleOutput,
  root?: string,
): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      json: { type: 'boolean' },
      kind: { type: 'string' },
      out: { type: 'string' },
      verbose: { type: 'boolean' },
      check: { type: 'boolean' },
      jurisdiction: { type: 'string' },
      file: { type: 'string' },
      checkpoints: { type: 'string' },
      'public-key': { type: 'string' },
      'no-seal': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [group, command, ...rest] = positionals
  if (group === 'audit' && command === 'verify')
    return auditVerify(output, values.jurisdiction, process.env, {
      file: values.file,
      checkpoints: values.checkpoints,
      publicKey: values['public-key'],
      seal: !values['no-seal'],
    })
  if (group === 'audit' && command === 'checkpoint') return auditCheckpoint(output)
  if (group === 'audit' && command === 'keygen') return auditKeygen(output, values.out)
  if (group === 'admin' && command === 'install') return adminInstall(output, rest[0], rest[1])
  if (group === 'admin' && command === 'reset-password') return adminResetPassword(output, rest[0])
  if (group === 'org' && command === 'import') return orgImport(output, loadLibrary(root), rest[0])
  if (group === 'db' && command === 'migrate') return dbMigrate(output)
  if (group === 'demo' && command === 'seed') return demoSeed(output)
  if (values.help || group !== 'rules' || !command) {
    output.out(USAGE)
    return values.help ? 0 : 2
  }
  const library = loadLibrary(root)
  // lint and test report broken files themselves; other commands refuse to answer from a broken
  // rulebook, but only from one they use: the national one, or the jurisdictions named.
  const named =
    ['show', 'explain', 'coverage'].includes(command) && rest[0]
      ? [rest[0]]
      : command === 'diff'
        ? rest
        : undefined
  const blocking = library.errors.filter(
    (error) =>
      !named ||
      !error.file.includes('/jurisdictions/') ||
      named.some((code) => error.file.includes(`/jurisdictions/${code}/`)),
  )
  if (blocking.length && !['lint', 'test', 'decisions'].includes(command)) {
    for (const error of blocking) output.err(`✗ ${formatSourceError(error)}`)
    output.err(`规则库有 ${blocking.length} 处错误，请先修正（zhengling rules lint <文件>）`)
    return 1
  }
  const asOf = values['as-of']
  switch (command) {
    case 'list':
      return rulesList(library, output)
    case 'show':
      if (!rest[0]) throw new UsageError('请指定辖区，如：rules show zhongshan')
      return rulesShow(library, output, rest[0], asOf)
    case 'explain': {
      const [jurisdiction, decision, inputPath] = rest
      if (!jurisdiction || !decision || !inputPath)
        throw new UsageError('用法：rules explain <辖区> <判定> <输入.json|->')
      return rulesExplain(library, output, {
        jurisdiction,
        decision,
        inputPath,
        asOf,
        json: values.json,
      })
    }
    case 'decisions':
      return rulesDecisions(output)
    case 'diff':
      return rulesDiff(library, output, rest, values.kind)
    case 'coverage':
      return rulesCoverage(library, output, rest[0], values.json)
    case 'test':
      return rulesTest(library, output, rest[0], values.verbose)
    case 'lint':
      if (!rest[0]) throw new UsageError('请指定要检查的文件')
      return rulesLint(library, output, rest[0])
    case 'catalogue':
      return rulesCatalogue(library, output, values.out, values.check)
    default:
      throw new UsageError(`未知命令：${command}\n${USAGE}`)
  }
}

/** `main` with every failure turned into a message and an exit code: never a stack trace unless asked. */
function failureCode(error: unknown, output: Output): number {
  const code = (error as { code?: string }).code
  if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
    output.err(`✗ ${(error as Error).message}`)
    return 2
  }
  output.err(`✗ 内部错误：${(error as Error).message}（设置 ZHENGLING_DEBUG=1 查看详情）`)
  if (process.env.ZHENGLING_DEBUG) output.err((error as Error).stack)
  return 70
}

/**
 * `main` with every failure turned into a message and an exit code: never a stack trace unless
 * asked. Commands on the rulebooks answer at once; database commands return a promise.
 */
export function runCli(
  argv: string[],
  output: Output = consoleOutput,
  root?: string,
): number | Promise<number> {
  try {
    const result = main(argv, output, root)
    return typeof result === 'number' ? result : result.catch((error) => failureCode(error, output))
  } catch (error) {
    return failureCode(error, output)
  }
}

/** `zhengling … | head` closes the pipe early: that is the reader's choice, not an error to report. */
export function quietOnClosedPipe(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

if (import.meta.main) {
  quietOnClosedPipe()
  process.exitCode = await runCli(process.argv.slice(2))
}
