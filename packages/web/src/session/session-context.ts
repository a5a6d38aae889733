import { createContext, useContext } from 'react'
import type { ApiError } from '../api/client.ts'
import type { PendingLogin } from '../api/second-factor.ts'
import type { Me } from '../api/types.ts'

export type SessionStatus = 'loading' | 'signedIn' | 'signedOut' | 'unavailable'

export interface SessionValue {
  status: SessionStatus
  me: Me | null
  /** Why the session could not be checked when status is 'unavailable'. */
  error: ApiError | null
  /** Signs in, or answers the second step a correct password still needs (ADR 0022). */
  logIn(username: string, password: string): Promise<Me | PendingLogin>
  /** A session opened by the second step. */
  signedInAs(me: Me): void
  logOut(): Promise<void>
  logOutEverywhere(): Promise<number>
  switchPost(postId: string): Promise<Me>
  retry(): void
}

export const SessionContext = createContext<SessionValue | null>(null)

export function useSession(): SessionValue {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession must be used inside <SessionProvider>')
  return session
}

/** For pages behind the sign-in guard, where a signed-in user is certain. */
export function useMe(): Me {
  const { me } = useSession()
  if (!me) throw new Error('useMe must be used on a page that requires sign-in')
  return me
}
