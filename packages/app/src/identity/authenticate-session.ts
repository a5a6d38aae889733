import { type IdentityRepository, type SessionRecord, sha256 } from './log-in.ts'

export class SessionError extends Error {
  readonly code = 'SESSION_INVALID'
}

/**
 * The session behind a cookie token, if it is open: not revoked, not past its absolute expiry,
 * and used within the idle timeout. Each use moves the idle clock on.
 */
export async function authenticateSession(
  deps: { identity: IdentityRepository; now: () => Date; idleMinutes?: number },
  token: string | undefined,
): Promise<SessionRecord> {
  if (!token) throw new SessionError('未登录')
  const session = await deps.identity.sessionById(sha256(token))
  const now = deps.now()
  const idleMs = (deps.idleMinutes ?? 30) * 60_000
  if (
    !session ||
    session.revokedAt !== null ||
    new Date(session.expiresAt).getTime() <= now.getTime() ||
    new Date(session.lastSeenAt).getTime() + idleMs <= now.getTime()
  ) {
    throw new SessionError('登录已失效，请重新登录')
  }
  await deps.identity.touchSession(session.id, now.toISOString())
  return session
}

/** A state-changing request must echo the session's CSRF token in a header. */
export function csrfMatches(session: SessionRecord, header: string | undefined): boolean {
  return header !== undefined && sha256(header) === session.csrfHash
}
