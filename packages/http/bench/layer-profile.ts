/**
 * CPU per act split by layer (ADR 0031), measured with one request in flight at a time, so the
 * process's CPU (process.cpuUsage) between two marks belongs to one layer:
 * - HTTP: Fastify's hooks, body parsing, routing's remainder, serialisation and sending;
 * - validation: the route's zod contract (between preValidation and the first preHandler);
 * - session/actor: the preHandlers (cookie → session, CSRF; the actor where resolved there);
 * - use case: the route handler, less the SQL it waits on;
 * - SQL client: from a Kysely query's start to its result (compile, driver, wire; on the
 *   embedded database PGlite runs here too, in process);
 * - the rest: the bench's own HTTP client and Node's HTTP parser before the first hook.
 * The PostgreSQL backends' CPU comes from /proc/<pid>/stat of the database's connections (same
 * machine only).
 */
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { type KyselyPlugin, type Kysely, sql } from 'kysely'

export const LAYERS = ['http', 'validation', 'session', 'useCase', 'sql', 'rest'] as const
export type Layer = (typeof LAYERS)[number]
export const LAYER_LABELS: Record<Layer, string> = {
  http: 'HTTP (hooks, parsing, serialisation)',
  validation: 'validation (contracts)',
  session: 'session / actor (preHandlers)',
  useCase: 'use case (handler less SQL)',
  sql: 'SQL client (Kysely + driver)',
  rest: 'bench client + Node HTTP parser',
}

const micros = () => {
  const usage = process.cpuUsage()
  return usage.user + usage.system
}

/** Charges the process's CPU to the layer running, switched at the request's marks. */
export class LayerClock {
  readonly spent: Record<Layer, number> = {
    http: 0,
    validation: 0,
    session: 0,
    useCase: 0,
    sql: 0,
    rest: 0,
  }
  private layer: Layer = 'rest'
  private since = micros()
  private sqlDepth = 0
  private beforeSql: Layer = 'rest'

  switchTo(layer: Layer): void {
    const now = micros()
    this.spent[this.layer] += now - this.since
    this.since = now
    this.layer = layer
  }

  reset(): void {
    for (const layer of LAYERS) this.spent[layer] = 0
    this.since = micros()
    this.layer = 'rest'
  }

  /** The server's marks: onRequest, preValidation, preHandler, the handler, onResponse. */
  instrument = (app: FastifyInstance): void => {
    // A query that throws passes no transformResult: each request starts the count afresh.
    app.addHook('onRequest', async () => {
      this.sqlDepth = 0
      this.switchTo('http')
    })
    app.addHook('preValidation', async () => this.switchTo('validation'))
    app.addHook('preHandler', async () => this.switchTo('session'))
    app.addHook('onResponse', async () => this.switchTo('rest'))
    app.addHook('onRoute', (route) => {
      const handler = route.handler
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      const clock = this
      route.handler = async function (this: unknown, request, reply) {
        clock.switchTo('useCase')
        try {
          return await handler.call(this as FastifyInstance, request, reply)
        } finally {
          clock.switchTo('http')
        }
      }
    })
  }

  /** A plugin marking each query's span (begin and commit pass no plugin: they stay in use case). */
  plugin: KyselyPlugin = {
    transformQuery: (args) => {
      if (this.sqlDepth === 0) {
        this.beforeSql = this.layer === 'sql' ? 'useCase' : this.layer
        this.switchTo('sql')
      }
      this.sqlDepth += 1
      return args.node
    },
    transformResult: async (args) => {
      this.sqlDepth = Math.max(0, this.sqlDepth - 1)
      if (this.sqlDepth === 0) this.switchTo(this.beforeSql)
      return args.result
    },
  }
}

/** CPU seconds (utime + stime) of the database's client backends, by pid (same machine). */
export async function backendCpu(db: Kysely<never>): Promise<Map<number, number> | undefined> {
  const rows = await sql<{ pid: number }>`
    select pid from pg_stat_activity
    where datname = current_database() and backend_type = 'client backend'`.execute(db)
  const ticks = 100 // USER_HZ on Linux
  const cpu = new Map<number, number>()
  try {
    for (const { pid } of rows.rows) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks)
    }
  } catch {
    return undefined
  }
  return cpu
}

/** CPU seconds the backends spent between two readings (new backends from zero). */
export function backendDelta(
  before: Map<number, number> | undefined,
  after: Map<number, number> | undefined,
): number | undefined {
  if (!before || !after) return undefined
  let total = 0
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0)
  return total
}
