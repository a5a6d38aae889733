import { shanghaiDateOf } from '@zhengling/rules'
import { csrfTokenOf, type IdentityRepository, type SessionRecord, sha256 } from './log-in.ts'

const TOUCH_INTERVAL_MS = 60_000

export class SessionError extends Error {
  readonly code = 'SESSION_INVALID'
}

/**
 * The session behind a cookie token, if it is open: not revoked, not past its absolute expiry,
 * and used within the idle timeout. Use moves the idle clock on (at most once a minute). The
 * person's access facts for today come in the same read (`actorFacts`), so the request resolves
 * its actor once.
 */
export async function authenticateSession(
  deps: { identity: IdentityRepository; now: () => Date; idleMinutes?: number },
  token: string | undefined,
): Promise<SessionRecord> {
  if (!token) throw new SessionError('未登录')
  const now = deps.now()
  const session = await deps.identity.sessionById(sha256(token), shanghaiDateOf(now.getTime()))
  const idleMs = (deps.idleMinutes ?? 30) * 60_000
  if (
    !session ||
    session.revokedAt !== null ||
    new Date(session.expiresAt).getTime() <= now.getTime() ||
    new Date(session.lastSeenAt).getTime() + idleMs <= now.getTime()
  ) {
    throw new SessionError('登录已失效，请重新登录')
  }
  // The idle clock needs minute precision, not a write on every request.
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= TOUCH_INTERVAL_MS)
    await deps.identity.touchSession(session.id, now.toISOString())
  return { ...session, csrfToken: csrfTokenOf(token) }
}

/** A state-changing request must echo the session's CSRF token in a header. */
export function csrfMatches(session: SessionRecord, header: string | undefined): boolean {
  return header !== undefined && sha256(header) === session.csrfHash
}
