import { AsyncLocalStorage } from 'node:async_hooks'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  sql,
  type TransactionSettings,
} from 'kysely'

/**
 * Reads on a streaming-replication hot standby (issue 14, ADR 0029). A handle opened with a
 * standby (`openDatabase({ url, readUrl })`) sends everything to the primary except what runs
 * inside `readsFromStandby(minLsn, …)`: there, a plain read outside a transaction goes to the
 * standby when it has replayed the primary's WAL at least up to `minLsn` (the reader's own last
 * write: read-your-writes), and to the primary otherwise. Writes, `for update`/`for share`,
 * anything in a transaction, and every read once the request has written stay on the primary;
 * a statement the standby refuses as read-only is sent again to the primary.
 */

/** A WAL position as PostgreSQL prints it (`16/B374D848`), or as a number to compare. */
export type Lsn = string

/** `'16/B374D848'` → 0x16B374D848n; undefined for anything else. */
export function parseLsn(text: string | undefined | null): bigint | undefined {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text ?? '')
  if (!match) return undefined
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`)
}

/**
 * Whether a statement only reads and may run on a standby: a `select` (or `with … select`) with
 * no row locks and none of the functions that write or take locks. Anything else: the primary.
 */
export function isPlainRead(text: string): boolean {
  const head = /^(?:\s|\(|--[^\n]*\n|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase()
  if (head !== 'select' && head !== 'with') return false
  if (/\bfor\s+(?:update|share|no\s+key\s+update|key\s+share)\b/i.test(text)) return false
  if (/\b(?:insert|update|delete|merge)\b\s+(?:into\b|[a-z_"])/i.test(text) && head === 'with')
    return false
  return !/\b(?:nextval|setval|pg_advisory\w*|pg_try_advisory\w*|set_config|pg_current_wal\w*|txid_current|pg_current_xact_id|pg_notify)\s*\(/i.test(
    text,
  )
}

/** What `readsFromStandby` lets a request do, for the driver to read. */
interface ReadContext {
  /** The reader's last write on the primary; the standby serves it once replayed this far. */
  minLsn: bigint
  /** Set once the request writes (or reads under a lock): every later statement, the primary. */
  wrote: boolean
}

const readContext = new AsyncLocalStorage<ReadContext | undefined>()

/**
 * Runs `run` letting its plain reads go to the standby (on a handle that has one) once the
 * standby has replayed `minLsn` (the reader's last write; `undefined`: none known, any standby
 * position serves). Elsewhere it only runs `run`.
 */
export function readsFromStandby<T>(minLsn: Lsn | undefined, run: () => T): T {
  return readContext.run({ minLsn: parseLsn(minLsn) ?? 0n, wrote: false }, run)
}

/** Runs `run` with every statement on the primary, even inside `readsFromStandby`. */
export function onPrimary<T>(run: () => T): T {
  return readContext.run(undefined, run)
}

/** How a routed handle's statements went (for tests and the bench). */
export interface ReadRoutingStats {
  /** Statements the standby answered. */
  standby: number
  /** Reads that could have gone to the standby but went to the primary (standby behind or down). */
  primaryBecauseBehind: number
  /** Reads sent again to the primary after the standby refused them. */
  retriedOnPrimary: number
}

export interface ReadRouting {
  readonly stats: ReadRoutingStats
  /** The primary's WAL insert position now: a writer's "my writes are in by here". */
  primaryLsn(): Promise<Lsn>
}

const routingOf = new WeakMap<object, ReadRouting>()

/** The standby routing of a handle opened with a standby; undefined for any other handle. */
export function readRoutingOf(db: object): ReadRouting | undefined {
  return routingOf.get(db)
}

/** Lets `readRoutingOf(db)` find the routing dialect `db` was built over. */
export function registerReadRouting<D extends Kysely<never> | Kysely<object> | object>(
  db: D,
  dialect: ReturnType<typeof readRoutingDialect>,
): D {
  routingOf.set(db, {
    stats: dialect.stats,
    async primaryLsn() {
      const { rows } = await onPrimary(() =>
        sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(
          db as Kysely<object>,
        ),
      )
      return rows[0]?.lsn ?? '0/0'
    },
  })
  return db
}

/** A standby that failed to answer is left alone this long before it is asked again. */
const STANDBY_REST_MS = 5_000

/**
 * `primary` for writes and `standby` for the reads `readsFromStandby` allows. Build the Kysely
 * over it and register it with `registerReadRouting` (openDatabase does both).
 */
export function readRoutingDialect(
  primary: Dialect,
  standby: Dialect,
  options: { maxLagMs?: number; clock?: () => number } = {},
): Dialect & { readonly stats: ReadRoutingStats } {
  const stats: ReadRoutingStats = { standby: 0, primaryBecauseBehind: 0, retriedOnPrimary: 0 }
  const clock = options.clock ?? Date.now
  return {
    stats,
    createAdapter: () => primary.createAdapter(),
    createDriver: () => {
      const primaryDriver = primary.createDriver()
      return new RoutingDriver(
        primaryDriver,
        new StandbyPosition(standby.createDriver(), clock),
        new PrimaryFloor(primaryDriver, options.maxLagMs ?? STANDBY_MAX_LAG_MS, clock),
        stats,
      )
    },
    createQueryCompiler: () => primary.createQueryCompiler(),
    createIntrospector: (db) => primary.createIntrospector(db),
  }
}

/** How stale the standby may be for anyone (also a reader who has written nothing). */
export const STANDBY_MAX_LAG_MS = 1_000

/**
 * The primary's WAL position, sampled at most every half `maxLagMs` while reads come: the
 * standby serves only once it has replayed the latest sample, so however long it stalls (a
 * broken link, a long replay conflict) no reader sees it more than about `maxLagMs` behind.
 */
class PrimaryFloor {
  private readonly primary: Driver
  private readonly maxLagMs: number
  private readonly clock: () => number
  private lsn = 0n
  private sampledAt = Number.NEGATIVE_INFINITY
  private sampling: Promise<void> | undefined

  constructor(primary: Driver, maxLagMs: number, clock: () => number) {
    this.primary = primary
    this.maxLagMs = maxLagMs
    this.clock = clock
  }

  /** The latest sample; a fresh one is taken meanwhile when it is getting old. */
  async floor(): Promise<bigint> {
    const age = this.clock() - this.sampledAt
    if (age > this.maxLagMs / 2) this.sampling ??= this.sample()
    // Never sampled, or older than the bound: wait for the new one.
    if (age > this.maxLagMs && this.sampling) await this.sampling
    return this.lsn
  }

  private async sample(): Promise<void> {
    const at = this.clock()
    try {
      const connection = await this.primary.acquireConnection()
      try {
        const { rows } = await connection.executeQuery<{ lsn: string }>(
          CompiledQuery.raw('select pg_current_wal_insert_lsn()::text as lsn'),
        )
        const lsn = parseLsn(rows[0]?.lsn)
        if (lsn !== undefined && lsn > this.lsn) this.lsn = lsn
        this.sampledAt = at
      } finally {
        await this.primary.releaseConnection(connection)
      }
    } catch {
      // The primary will answer the read itself, or fail it: nothing to decide here.
    } finally {
      this.sampling = undefined
    }
  }
}

/** The standby and how far it has replayed, asked again only when a reader needs more. */
class StandbyPosition {
  readonly driver: Driver
  private readonly clock: () => number
  private replayed = -1n
  private asking: Promise<bigint> | undefined
  private restUntil = 0

  constructor(driver: Driver, clock: () => number) {
    this.driver = driver
    this.clock = clock
  }

  /** Whether the standby has replayed `minLsn` (asking it if what we last heard is older). */
  async serves(minLsn: bigint): Promise<boolean> {
    if (this.replayed >= minLsn) return true
    if (this.clock() < this.restUntil) return false
    this.asking ??= this.ask().finally(() => (this.asking = undefined))
    return (await this.asking) >= minLsn
  }

  /** After a failure: the primary serves until the rest is over. */
  rest(): void {
    this.restUntil = this.clock() + STANDBY_REST_MS
  }

  async run<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const connection = await this.driver.acquireConnection()
    try {
      return await connection.executeQuery<R>(compiled)
    } finally {
      await this.driver.releaseConnection(connection)
    }
  }

  private async ask(): Promise<bigint> {
    try {
      const { rows } = await this.run<{ lsn: string | null }>(
        CompiledQuery.raw('select pg_last_wal_replay_lsn()::text as lsn'),
      )
      const lsn = parseLsn(rows[0]?.lsn)
      // Not a standby at all (promoted, or misconfigured): nothing can be promised about it.
      if (lsn === undefined) {
        this.rest()
        return -1n
      }
      if (lsn > this.replayed) this.replayed = lsn
      return this.replayed
    } catch {
      this.rest()
      return -1n
    }
  }
}

/** PostgreSQL: a read-only transaction (the standby refused a write). */
const READ_ONLY_SQL_TRANSACTION = '25006'

/** An error the server answered with (it has a severity), not a failure to reach it. */
const fromServer = (error: unknown) =>
  typeof (error as { severity?: unknown }).severity === 'string'

class RoutingConnection implements DatabaseConnection {
  private readonly primaryDriver: Driver
  private readonly standby: StandbyPosition
  private readonly floor: PrimaryFloor
  private readonly stats: ReadRoutingStats
  private primaryConnection: Promise<DatabaseConnection> | undefined
  inTransaction = false

  constructor(
    primaryDriver: Driver,
    standby: StandbyPosition,
    floor: PrimaryFloor,
    stats: ReadRoutingStats,
  ) {
    this.primaryDriver = primaryDriver
    this.standby = standby
    this.floor = floor
    this.stats = stats
  }

  /** The primary connection, taken from the pool the first time it is needed. */
  primary(): Promise<DatabaseConnection> {
    this.primaryConnection ??= this.primaryDriver.acquireConnection()
    return this.primaryConnection
  }

  get holdsPrimary(): Promise<DatabaseConnection> | undefined {
    return this.primaryConnection
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const context = readContext.getStore()
    if (context && !context.wrote && !this.inTransaction) {
      if (isPlainRead(compiled.sql)) {
        const floor = await this.floor.floor()
        if (await this.standby.serves(context.minLsn > floor ? context.minLsn : floor)) {
          try {
            const result = await this.standby.run<R>(compiled)
            this.stats.standby += 1
            return result
          } catch (error) {
            // Whatever the standby could not answer (a write it refused, a query cancelled by
            // replay, the standby down) the primary answers; unreachable, it rests a while.
            this.stats.retriedOnPrimary += 1
            if ((error as { code?: string }).code === READ_ONLY_SQL_TRANSACTION)
              context.wrote = true
            if (!fromServer(error)) this.standby.rest()
          }
        } else this.stats.primaryBecauseBehind += 1
      } else context.wrote = true
    }
    return (await this.primary()).executeQuery<R>(compiled)
  }

  async *streamQuery<R>(
    compiled: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    const context = readContext.getStore()
    if (context) context.wrote = true
    yield* (await this.primary()).streamQuery<R>(compiled, chunkSize)
  }
}

class RoutingDriver implements Driver {
  private readonly primary: Driver
  private readonly standby: StandbyPosition
  private readonly floor: PrimaryFloor
  private readonly stats: ReadRoutingStats

  constructor(
    primary: Driver,
    standby: StandbyPosition,
    floor: PrimaryFloor,
    stats: ReadRoutingStats,
  ) {
    this.primary = primary
    this.standby = standby
    this.floor = floor
    this.stats = stats
  }

  async init(): Promise<void> {
    await this.primary.init()
    await this.standby.driver.init()
  }

  acquireConnection(): Promise<DatabaseConnection> {
    return Promise.resolve(
      new RoutingConnection(this.primary, this.standby, this.floor, this.stats),
    )
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    const routed = connection as RoutingConnection
    routed.inTransaction = true
    // A request that opened a transaction reads the primary from then on (it may have written).
    const context = readContext.getStore()
    if (context) context.wrote = true
    await this.primary.beginTransaction(await routed.primary(), settings)
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutingConnection
    await this.primary.commitTransaction(await routed.primary())
    routed.inTransaction = false
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutingConnection
    await this.primary.rollbackTransaction(await routed.primary())
    routed.inTransaction = false
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    if (!this.primary.savepoint) throw new Error('此数据库驱动不支持保存点')
    await this.primary.savepoint(
      await (connection as RoutingConnection).primary(),
      name,
      compileQuery,
    )
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    if (!this.primary.rollbackToSavepoint) throw new Error('此数据库驱动不支持保存点')
    const held = await (connection as RoutingConnection).primary()
    await this.primary.rollbackToSavepoint(held, name, compileQuery)
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: Parameters<NonNullable<Driver['savepoint']>>[2],
  ): Promise<void> {
    if (!this.primary.releaseSavepoint) throw new Error('此数据库驱动不支持保存点')
    const held = await (connection as RoutingConnection).primary()
    await this.primary.releaseSavepoint(held, name, compileQuery)
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const held = (connection as RoutingConnection).holdsPrimary
    if (held) await this.primary.releaseConnection(await held)
  }

  async destroy(): Promise<void> {
    await this.primary.destroy()
    await this.standby.driver.destroy()
  }
}
