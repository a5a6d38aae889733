import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/**
 * A PostgreSQL primary with a streaming-replication hot standby, and PgBouncer in transaction
 * mode in front of the primary, started from Debian's binaries in a temporary folder on free
 * localhost ports (the replica test, ADR 0029). PostgreSQL refuses to run as root: as root, the
 * servers run as the `postgres` user, which owns the folder.
 */
export interface Cluster {
  /** The primary, directly (the owner migrates and seeds here). */
  primaryUrl: string
  /** The hot standby (read only). */
  standbyUrl: string
  /** PgBouncer (transaction pooling) in front of the primary; undefined without pgbouncer. */
  bouncerUrl?: string
  /** Runs SQL on the standby (e.g. to pause its replay) through psql. */
  psqlStandby(statement: string): Promise<string>
  stop(): Promise<void>
}

const run = promisify(execFile)
const DATABASE = 'zhengling'

/** Debian's newest PostgreSQL binaries, or undefined when there are none. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return undefined
  const version = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'pg_basebackup')))
    .sort((a, b) => Number(a) - Number(b))
    .at(-1)
  return version ? join(root, version, 'bin') : undefined
}

/** Where pgbouncer is, or undefined. */
export function pgbouncerBinary(): string | undefined {
  return ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'].find((path) => existsSync(path))
}

const asRoot = process.getuid?.() === 0

/** `command args` as the postgres user when we are root. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

function exec(command: string, args: string[]) {
  const [file, argv] = asPostgres(command, args)
  return run(file, argv, { maxBuffer: 16 * 1024 * 1024 })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function waitForPort(port: number, what: string, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createServer().listen(port, '127.0.0.1')
      socket.once('listening', () => socket.close(() => resolve(false)))
      socket.once('error', () => resolve(true))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${what} did not start on port ${port}`)
}

/** Starts the primary, its standby and (when installed) PgBouncer. */
export async function startCluster(): Promise<Cluster> {
  const bin = postgresBinaries()
  if (!bin) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql')
  const dir = mkdtempSync(join(tmpdir(), 'zl-replicas-'))
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres'])
    const uid = Number(stdout.trim())
    const { stdout: gid } = await run('id', ['-g', 'postgres'])
    chownSync(dir, uid, Number(gid.trim()))
  }
  const primary = join(dir, 'primary')
  const standby = join(dir, 'standby')
  const [primaryPort, standbyPort, bouncerPort] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ]
  let bouncer: ChildProcess | undefined
  const pgctl = (data: string, port: number, action: 'start' | 'stop') =>
    exec(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-w',
      '-l',
      join(dir, `${port}.log`),
      ...(action === 'start'
        ? [
            '-o',
            `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=32MB`,
            'start',
          ]
        : ['-m', 'immediate', 'stop']),
    ])
  const stop = async () => {
    bouncer?.kill('SIGTERM')
    for (const [data, port] of [
      [standby, standbyPort],
      [primary, primaryPort],
    ] as const)
      if (existsSync(join(data, 'postmaster.pid'))) await pgctl(data, port, 'stop').catch(() => {})
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    // Trust on localhost only, as initdb writes it (replication lines included).
    await exec(join(bin, 'initdb'), [
      '-D',
      primary,
      '-U',
      'postgres',
      '-A',
      'trust',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ])
    await pgctl(primary, primaryPort, 'start')
    await exec(join(bin, 'createdb'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      DATABASE,
    ])
    // The standby: a base backup that writes its own standby.signal and primary_conninfo (-R).
    await exec(join(bin, 'pg_basebackup'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      standby,
      '-R',
      '-X',
      'stream',
      '--checkpoint=fast',
      '--no-sync',
    ])
    await pgctl(standby, standbyPort, 'start')
    const pgbouncer = pgbouncerBinary()
    if (pgbouncer) {
      const ini = join(dir, 'pgbouncer.ini')
      writeFileSync(join(dir, 'users.txt'), '"postgres" ""\n')
      writeFileSync(
        ini,
        [
          '[databases]',
          `${DATABASE} = host=127.0.0.1 port=${primaryPort} dbname=${DATABASE}`,
          '[pgbouncer]',
          'listen_addr = 127.0.0.1',
          `listen_port = ${bouncerPort}`,
          `unix_socket_dir = ${dir}`,
          'auth_type = trust',
          `auth_file = ${join(dir, 'users.txt')}`,
          'pool_mode = transaction',
          'admin_users = postgres',
          'default_pool_size = 8',
          'max_client_conn = 200',
          `logfile = ${join(dir, 'pgbouncer.log')}`,
          '',
        ].join('\n'),
      )
      if (asRoot) {
        const { stdout } = await run('id', ['-u', 'postgres'])
        const { stdout: gid } = await run('id', ['-g', 'postgres'])
        for (const file of [ini, join(dir, 'users.txt')])
          chownSync(file, Number(stdout.trim()), Number(gid.trim()))
      }
      const [file, argv] = asPostgres(pgbouncer, [ini])
      bouncer = spawn(file, argv, { stdio: 'ignore' })
      await waitForPort(bouncerPort, 'pgbouncer')
    }
    const url = (port: number) => `postgres://postgres@127.0.0.1:${port}/${DATABASE}`
    return {
      primaryUrl: url(primaryPort),
      standbyUrl: url(standbyPort),
      bouncerUrl: pgbouncer ? url(bouncerPort) : undefined,
      async psqlStandby(statement) {
        const { stdout } = await exec(join(bin, 'psql'), [
          '-XAtq',
          '-h',
          '127.0.0.1',
          '-p',
          String(standbyPort),
          '-U',
          'postgres',
          '-d',
          DATABASE,
          '-c',
          statement,
        ])
        return stdout.trim()
      },
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
