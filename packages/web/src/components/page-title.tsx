import { Typography } from 'antd'
import type { ReactNode } from 'react'

/** The page's one heading (h2); tests and screen readers find each page by it. */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ marginTop: 0 }}>
      {children}
    </Typography.Title>
  )
}
