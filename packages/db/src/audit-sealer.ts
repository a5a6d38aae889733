import type { Kysely } from 'kysely'
import { createAuditRepository } from './audit-repository.ts'
import type { Database } from './schema.ts'

type Listener = () => void

const listeners = new WeakMap<object, Set<Listener>>()

/**
 * Calls `listener` after each transaction of `db` that appended an audit record commits (as
 * run by createInTransaction). Returns the unsubscribe.
 */
export function onAuditCommitted(db: Kysely<Database>, listener: Listener): () => void {
  const set = listeners.get(db) ?? new Set<Listener>()
  set.add(listener)
  listeners.set(db, set)
  return () => set.delete(listener)
}

/** Tells the listeners of `db` that a transaction with audit records committed. */
export function auditCommitted(db: Kysely<Database>): void {
  for (const listener of listeners.get(db) ?? []) listener()
}

export interface AuditSealer {
  /** Seals soon (after `delayMs`, gathering the commits of that moment into one batch). */
  nudge(): void
  /** Seals now (or waits for the pass under way and runs one more). */
  sealNow(): Promise<void>
  /** Stops the timers and seals what is left. */
  stop(): Promise<void>
}

/**
 * The server's record sealer (docs/decisions/0026): chains committed audit records shortly after
 * each commit that appended one on this process (`delayMs`, 20 ms by default), and every
 * `intervalMs` (1 s) whatever committed them (another replica, a job); one pass at a time. Every
 * replica may run one: a chain another sealer holds is skipped and its records are left to it.
 */
export function startAuditSealer(
  db: Kysely<Database>,
  options: { intervalMs?: number; delayMs?: number; onError: (error: unknown) => void },
): AuditSealer {
  const audit = createAuditRepository(db)
  let running: Promise<void> | null = null
  let again = false
  let soon: ReturnType<typeof setTimeout> | null = null

  const sealNow = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await audit.seal()
      } while (again)
    })()
      .catch(options.onError)
      .finally(() => {
        running = null
      })
    return running
  }
  const nudge = () => {
    if (soon) return
    soon = setTimeout(() => {
      soon = null
      void sealNow()
    }, options.delayMs ?? 20)
    soon.unref()
  }
  const unsubscribe = onAuditCommitted(db, nudge)
  // The poll looks first (one statement on the partial index) and seals only when something waits.
  const poll = async () => {
    if (running || (await audit.unsealed()).length > 0) await sealNow()
  }
  const beat = setInterval(() => void poll().catch(options.onError), options.intervalMs ?? 1000)
  beat.unref()
  return {
    nudge,
    sealNow,
    async stop() {
      unsubscribe()
      clearInterval(beat)
      if (soon) clearTimeout(soon)
      soon = null
      await running
      await sealNow()
    },
  }
}
