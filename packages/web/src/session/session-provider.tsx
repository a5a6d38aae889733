import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import { type ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts'
import * as sessionApi from '../api/session.ts'
import { isPendingLogin } from '../api/second-factor.ts'
import type { Me } from '../api/types.ts'
import { asApiError } from '../api/use-load.ts'
import { SessionContext, type SessionStatus, type SessionValue } from './session-context.ts'

interface State {
  status: SessionStatus
  me: Me | null
  error: ApiError | null
}

const signedOut: State = { status: 'signedOut', me: null, error: null }
const signedIn = (me: Me): State => ({ status: 'signedIn', me, error: null })

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading', me: null, error: null })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    setCsrfToken(state.me?.csrfToken ?? null)
  }, [state.me])

  useEffect(() => {
    setUnauthorizedHandler(() => setState(signedOut))
    return () => setUnauthorizedHandler(null)
  }, [])

  useEffect(() => {
    let cancelled = false
    sessionApi.fetchMe().then(
      (me) => {
        if (!cancelled) setState(signedIn(me))
      },
      (error: unknown) => {
        if (cancelled) return
        const apiError = asApiError(error)
        setState(
          apiError.status === 401
            ? signedOut
            : { status: 'unavailable', me: null, error: apiError },
        )
      },
    )
    return () => {
      cancelled = true
    }
  }, [attempt])

  const signedInAs = useCallback((me: Me) => {
    // The next request may be sent before the effect above runs.
    setCsrfToken(me.csrfToken)
    setState(signedIn(me))
  }, [])

  const logIn = useCallback(
    async (username: string, password: string) => {
      const answer = await sessionApi.logIn(username, password)
      // A second factor to give (or to set up) first: no session yet.
      if (!isPendingLogin(answer)) signedInAs(answer)
      return answer
    },
    [signedInAs],
  )

  const logOut = useCallback(async () => {
    try {
      await sessionApi.logOut()
    } finally {
      setState(signedOut)
    }
  }, [])

  const logOutEverywhere = useCallback(async () => {
    const { revoked } = await sessionApi.logOutEverywhere()
    setState(signedOut)
    return revoked
  }, [])

  const switchPost = useCallback(async (postId: string) => {
    const me = await sessionApi.switchPost(postId)
    setCsrfToken(me.csrfToken)
    setState(signedIn(me))
    return me
  }, [])

  const retry = useCallback(() => {
    setState({ status: 'loading', me: null, error: null })
    setAttempt((count) => count + 1)
  }, [])

  const value = useMemo<SessionValue>(
    () => ({ ...state, logIn, signedInAs, logOut, logOutEverywhere, switchPost, retry }),
    [state, logIn, signedInAs, logOut, logOutEverywhere, switchPost, retry],
  )
  return <SessionContext value={value}>{children}</SessionContext>
}
