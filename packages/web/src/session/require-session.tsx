import { Button, Flex, Result } from 'antd'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router-dom'
import { PageLoading } from '../components/page-loading.tsx'
import { ForcedPasswordChange } from '../pages/change-password/forced-password-change.tsx'
import { useSession } from './session-context.ts'

/**
 * Shows its children to a signed-in user; everyone else goes to /login. A user whose password
 * must be changed (ADR 0021) sees only the change form.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { status, error, retry, me } = useSession()
  const location = useLocation()

  if (status === 'loading') return <PageLoading />
  if (status === 'unavailable') {
    return (
      <Flex justify="center" style={{ paddingTop: 80 }}>
        <Result
          status="error"
          title="无法确认登录状态"
          subTitle={error?.message}
          extra={
            <Button type="primary" onClick={retry}>
              重试
            </Button>
          }
        />
      </Flex>
    )
  }
  if (status === 'signedOut') return <Navigate to="/login" replace state={{ from: location }} />
  if (me?.mustChangePassword) return <ForcedPasswordChange />
  return children
}
