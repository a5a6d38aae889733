import { Typography } from 'antd'
import type { ReactNode } from 'react'

const MONOSPACE = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace'

/** Identifiers (rule ids, hashes) read better, and copy more reliably, in a fixed-width face. */
export function Mono({ children }: { children: ReactNode }) {
  return <Typography.Text style={{ fontFamily: MONOSPACE }}>{children}</Typography.Text>
}
