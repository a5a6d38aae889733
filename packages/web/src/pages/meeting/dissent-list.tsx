import { Space, Tag, Typography } from 'antd'
import type { AgendaDissent } from '../../api/meetings.ts'
import { AnswerDissentButton } from './answer-dissent-button.tsx'

const RESPONSES = {
  adopted: { color: 'green', label: '已采纳' },
  notAdopted: { color: 'orange', label: '未采纳，报会议召集人' },
} as const

/** Dissents on one item, each with the submitting unit's answer or a way to give it. */
export function DissentList({
  meetingId,
  dissents,
  mayAnswer,
  onDone,
}: {
  meetingId: string
  dissents: AgendaDissent[]
  /** The viewer's post is of the submitting unit, before the meeting. */
  mayAnswer: boolean
  onDone: () => void
}) {
  if (dissents.length === 0) return null
  return (
    <ul aria-label="不同意见" style={{ margin: 0, paddingInlineStart: 18 }}>
      {dissents.map((dissent) => (
        <li key={dissent.id} style={{ marginBottom: 6 }}>
          <Space orientation="vertical" size={0}>
            <span>
              <Typography.Text type="secondary">{dissent.raisedBy.title}：</Typography.Text>
              {dissent.text}
            </span>
            {dissent.response ? (
              <span>
                <Tag color={RESPONSES[dissent.response].color}>
                  {RESPONSES[dissent.response].label}
                </Tag>
                {dissent.responseText}
              </span>
            ) : (
              <Space size="small">
                <Tag>待答复</Tag>
                {mayAnswer && (
                  <AnswerDissentButton meetingId={meetingId} dissent={dissent} onDone={onDone} />
                )}
              </Space>
            )}
          </Space>
        </li>
      ))}
    </ul>
  )
}
