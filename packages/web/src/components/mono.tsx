import { Typography } from 'antd'
import type { ReactNode } from 'react'

const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace'

/** Identifiers (rule ids, hashes) read better, and copy more reliably, in a fixed-width face. */
export function Mono({ children, small = false }: { children: ReactNode; small?: boolean }) {
  return (
    <Typography.Text
      type={small ? 'secondary' : undefined}
      style={{ fontFamily: MONOSPACE, fontSize: small ? 12 : undefined }}
    >
      {children}
    </Typography.Text>
  )
}
