import { Button, Flex, Result } from 'antd'
import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router-dom'
import { PageLoading } from '../components/page-loading.tsx'
import { useSession } from './session-context.ts'

/** Shows its children to a signed-in user; everyone else goes to /login. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { status, error, retry } = useSession()
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
  return children
}
