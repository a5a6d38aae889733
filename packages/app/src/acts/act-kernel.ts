import { shanghaiDateOf } from '@zhengling/rules'
import type { Hasher } from '../audit/hasher.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { InTransaction, Repositories } from '../unit-of-work.ts'
import { type ActingActor, actingIn, actorOfSession } from './actor.ts'

/**
 * The act kernel (issue 14; STYLE.md "One act, end to end"): one pattern every module's acts
 * follow. In one transaction: the actor (resolved once: at the edge when the session carries
 * today's facts, else here); the subject locked and loaded through the access filter with what
 * the act reads of it (open tasks, history) in one statement; the act itself, which only decides;
 * the outcome applied by the module in batches (one update, one multi-row task insert with its
 * timers, one close, one event, one audit append); and the answer built from the state in hand,
 * with no re-read.
 *
 * A module plugs in with a `SubjectStore`: how to lock and load its subject, what "not found"
 * says, and how to apply an outcome and answer the state after it.
 */

/** What every act needs besides its input: the transaction, the clock, ids, rules, digests. */
export interface ActDeps {
  inTransaction: InTransaction
  hasher: Hasher
  now: () => Date
  newId: () => string
  rules: RulesPort
}

/** The frame of one act: who acts, in which post, when. */
export interface ActFrame {
  r: Repositories
  actor: ActingActor
  /** The instant of the act (ISO), the same for every row it writes. */
  at: string
  /** The act's civil date in Asia/Shanghai. */
  today: string
}

/**
 * A module's subject as the kernel handles it. `Loaded` is the subject with what the act reads
 * of it (record, open tasks, history…); `Outcome` is what the act decides; `After` is the state
 * after it, answered to the caller.
 */
export interface SubjectStore<Loaded, Outcome, After> {
  /** Locks the subject for the transaction and loads it, if the actor may see it: one statement. */
  lock(frame: ActFrame, id: string): Promise<Loaded | undefined>
  /** The error for a subject that does not exist or may not be seen (the same answer). */
  notFound(): Error
  /** Writes the outcome (batched: no statement per row) and answers the state after it. */
  apply(frame: ActFrame, loaded: Loaded, outcome: Outcome): Promise<After>
}

/**
 * Runs one act on a subject: nothing is written when anything throws. Answers what the act
 * decided and the state after it (for the answer, so nothing is read again).
 */
export function runAct<Loaded, Outcome, After>(
  deps: Pick<ActDeps, 'inTransaction' | 'now'>,
  session: SessionRecord,
  id: string,
  store: SubjectStore<Loaded, Outcome, After>,
  act: (frame: ActFrame, loaded: Loaded) => Promise<Outcome>,
): Promise<{ outcome: Outcome; after: After }> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const actor = actingIn(await actorOfSession(r, session, now))
    const frame: ActFrame = {
      r,
      actor,
      at: now.toISOString(),
      today: shanghaiDateOf(now.getTime()),
    }
    const loaded = await store.lock(frame, id)
    if (!loaded) throw store.notFound()
    const outcome = await act(frame, loaded)
    const after = await store.apply(frame, loaded, outcome)
    return { outcome, after }
  })
}
