import type { PGlite } from '@electric-sql/pglite'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely'

/**
 * Kysely over embedded PGlite. PGlite is one connection, so the driver hands it to one user at a
 * time: a transaction holds it until commit or rollback, and other queries wait their turn.
 */
/** `date` columns (oid 1082) stay 'YYYY-MM-DD': a civil date must not pass through a time zone. */
const CIVIL_DATES = { 1082: (value: string) => value }

class PGliteConnection implements DatabaseConnection {
  private readonly pglite: PGlite

  constructor(pglite: PGlite) {
    this.pglite = pglite
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Migrations are several statements without parameters: PGlite runs those with `exec`.
    const result =
      compiled.parameters.length === 0
        ? ((await this.pglite.exec(compiled.sql, { parsers: CIVIL_DATES })).at(-1) ?? {
            rows: [],
            affectedRows: 0,
          })
        : await this.pglite.query<R>(compiled.sql, [...compiled.parameters], {
            parsers: CIVIL_DATES,
          })
    return {
      rows: result.rows as R[],
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    }
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite 连接不支持流式查询')
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection
  private queue: Promise<void> = Promise.resolve()
  private release: (() => void) | undefined

  private readonly pglite: PGlite

  constructor(pglite: PGlite) {
    this.pglite = pglite
    this.connection = new PGliteConnection(pglite)
  }

  async init(): Promise<void> {
    await this.pglite.waitReady
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue
    let release!: () => void
    this.queue = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    this.release = release
    return this.connection
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async releaseConnection(): Promise<void> {
    const release = this.release
    this.release = undefined
    release?.()
  }

  async destroy(): Promise<void> {
    await this.pglite.close()
  }
}

export class PGliteDialect implements Dialect {
  private readonly pglite: PGlite

  constructor(pglite: PGlite) {
    this.pglite = pglite
  }
  createAdapter = () => new PostgresAdapter()
  createDriver = () => new PGliteDriver(this.pglite)
  createQueryCompiler = () => new PostgresQueryCompiler()
  createIntrospector = (db: Kysely<unknown>) => new PostgresIntrospector(db)
}
