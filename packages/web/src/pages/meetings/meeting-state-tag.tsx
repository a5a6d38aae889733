import { Tag } from 'antd'
import type { MeetingState } from '../../api/meetings.ts'
import { MEETING_STATE_COLORS } from './meeting-labels.ts'

/** The state in the server's words (stateLabel), coloured by its code. */
export function MeetingStateTag({ state, label }: { state: MeetingState; label: string }) {
  return <Tag color={MEETING_STATE_COLORS[state] ?? 'blue'}>{label}</Tag>
}
