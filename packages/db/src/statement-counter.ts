import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  Kysely,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely'

/**
 * Counting the SQL statements a database handle sends (issue 14: statements per act, so the
 * count cannot creep back). Every handle that `openDatabase` opens counts at the driver, so
 * `begin` and `commit` (which no Kysely plugin sees) count like any other round trip, and a
 * handle counts whatever reaches it: a use case, a route, a job. Counting costs one check of
 * an empty set per statement while nobody counts.
 *
 *   const counter = countStatements(handle.db)
 *   await someAct(...)
 *   counter.count            // e.g. 7
 *   counter.byKind           // { begin: 1, select: 2, insert: 2, update: 1, commit: 1 }
 *   counter.reset()
 *   counter.stop()
 */

/** The first keyword of a statement, in lower case: select, insert, update, delete, with, begin… */
export type StatementKind = string

export interface StatementCount {
  /** Statements sent since the counter started (or was reset). */
  readonly count: number
  /** The same statements by their first keyword (begin and commit included). */
  readonly byKind: Readonly<Record<StatementKind, number>>
  /** Their SQL text, in order (only with `{ keepSql: true }`; bounded to the last 1,000). */
  readonly statements: readonly string[]
  /** Starts again from zero. */
  reset(): void
  /** Stops counting (the figures stay readable). */
  stop(): void
}

const KEPT_STATEMENTS = 1000

interface Sink {
  record(sql: string): void
}

/** The counters listening to one handle's driver. */
export class StatementListeners {
  readonly sinks = new Set<Sink>()

  record(sql: string): void {
    if (this.sinks.size === 0) return
    for (const sink of this.sinks) sink.record(sql)
  }
}

const listenersOf = new WeakMap<object, StatementListeners>()

/**
 * Starts counting the statements `db` sends (all of them, from every caller, until `stop`).
 * `db` is a handle opened by `openDatabase` (or a Kysely built over `countingDialect`).
 */
export function countStatements(
  db: Kysely<never> | Kysely<unknown> | object,
  options: { keepSql?: boolean } = {},
): StatementCount {
  const listeners = listenersOf.get(db)
  if (!listeners) {
    throw new Error('这个数据库句柄不计语句：请用 openDatabase 打开，或以 countingDialect 建立')
  }
  let count = 0
  let byKind: Record<StatementKind, number> = {}
  let statements: string[] = []
  const sink: Sink = {
    record(sql) {
      count += 1
      const kind = statementKind(sql)
      byKind[kind] = (byKind[kind] ?? 0) + 1
      if (options.keepSql) {
        statements.push(sql)
        if (statements.length > KEPT_STATEMENTS) statements.shift()
      }
    },
  }
  listeners.sinks.add(sink)
  return {
    get count() {
      return count
    },
    get byKind() {
      return byKind
    },
    get statements() {
      return statements
    },
    reset() {
      count = 0
      byKind = {}
      statements = []
    },
    stop() {
      listeners.sinks.delete(sink)
    },
  }
}

/**
 * Counts the statements of `run` alone (the handle may serve others meanwhile: they count too,
 * so use it where nothing else runs on the handle, as in a test).
 */
export async function statementsOf<T>(
  db: object,
  run: () => Promise<T>,
  options: { keepSql?: boolean } = {},
): Promise<{ result: T; count: StatementCount }> {
  const count = countStatements(db, options)
  try {
    const result = await run()
    return { result, count }
  } finally {
    count.stop()
  }
}

/** The first keyword of a statement, skipping blanks, comments and an opening parenthesis. */
export function statementKind(sql: string): StatementKind {
  const match = /^(?:\s|\(|--[^\n]*\n|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(sql)
  const word = match?.[1]?.toLowerCase() ?? 'other'
  return word === 'start' ? 'begin' : word
}

/**
 * `dialect` with a counting driver. Register the Kysely built over it with `registerCounting`
 * (openDatabase does both), so `countStatements(db)` finds it.
 */
export function countingDialect(
  dialect: Dialect,
): Dialect & { readonly listeners: StatementListeners } {
  const listeners = new StatementListeners()
  return {
    listeners,
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => new CountingDriver(dialect.createDriver(), listeners),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
  }
}

/** Lets `countStatements(db)` find the counting dialect `db` was built over. */
export function registerCounting<D extends object>(
  db: D,
  dialect: { readonly listeners: StatementListeners },
): D {
  listenersOf.set(db, dialect.listeners)
  return db
}

class CountingConnection implements DatabaseConnection {
  readonly inner: DatabaseConnection
  private readonly listeners: StatementListeners

  constructor(inner: DatabaseConnection, listeners: StatementListeners) {
    this.inner = inner
    this.listeners = listeners
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    this.listeners.record(compiled.sql)
    return this.inner.executeQuery<R>(compiled)
  }

  streamQuery<R>(
    compiled: CompiledQuery,
    chunkSize?: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    this.listeners.record(compiled.sql)
    return this.inner.streamQuery<R>(compiled, chunkSize)
  }
}

const innerOf = (connection: DatabaseConnection): DatabaseConnection =>
  connection instanceof CountingConnection ? connection.inner : connection

class CountingDriver implements Driver {
  private readonly inner: Driver
  private readonly listeners: StatementListeners

  constructor(inner: Driver, listeners: StatementListeners) {
    this.inner = inner
    this.listeners = listeners
  }

  init(): Promise<void> {
    return this.inner.init()
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new CountingConnection(await this.inner.acquireConnection(), this.listeners)
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    this.listeners.record('begin')
    return this.inner.beginTransaction(innerOf(connection), settings)
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.listeners.record('commit')
    return this.inner.commitTransaction(innerOf(connection))
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.listeners.record('rollback')
    return this.inner.rollbackTransaction(innerOf(connection))
  }

  async savepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.inner.savepoint) throw new Error('此数据库驱动不支持保存点')
    this.listeners.record('savepoint')
    await this.inner.savepoint(innerOf(connection), name, compileQuery)
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.inner.rollbackToSavepoint) throw new Error('此数据库驱动不支持保存点')
    this.listeners.record('rollback')
    await this.inner.rollbackToSavepoint(innerOf(connection), name, compileQuery)
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    if (!this.inner.releaseSavepoint) throw new Error('此数据库驱动不支持保存点')
    this.listeners.record('release')
    await this.inner.releaseSavepoint(innerOf(connection), name, compileQuery)
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(innerOf(connection))
  }

  destroy(): Promise<void> {
    return this.inner.destroy()
  }
}
