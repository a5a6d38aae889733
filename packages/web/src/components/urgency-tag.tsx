import { Tag } from 'antd'
import type { Urgency } from '../api/types.ts'
import { URGENCY_LABELS } from '../labels.ts'

const COLORS: Record<Urgency, string | undefined> = {
  normal: undefined,
  urgent: 'orange',
  extraUrgent: 'red',
}

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  return <Tag color={COLORS[urgency]}>{URGENCY_LABELS[urgency] ?? urgency}</Tag>
}
