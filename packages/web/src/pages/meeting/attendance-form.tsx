import { Button, Checkbox, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { type MeetingView, openMeeting } from '../../api/meetings.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { ROLE_LABELS } from '../meetings/meeting-labels.ts'
import { useMeetingAct } from './use-meeting-act.ts'

/**
 * 签到 and 宣布开会, for the office. The figure follows the ticks: only members (组成人员) count,
 * against the minimum the server read from the rulebook; the server judges again on opening and
 * refuses, with the article, a meeting without its quorum. Those on approved leave cannot sign in.
 */
export function AttendanceForm({ view, onDone }: { view: MeetingView; onDone: () => void }) {
  const { submitting, error, act } = useMeetingAct(onDone)
  const present = view.participants.filter((p) => p.attendance !== 'onLeave')
  const [ticked, setTicked] = useState<string[]>([])
  const members = view.participants.filter((p) => p.role === 'member')
  const membersPresent = members.filter((p) => ticked.includes(p.postId)).length
  const { minimum } = view.quorum
  const quorate = minimum === null ? null : membersPresent >= minimum

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }} id="meeting-sign-in">
        签到
      </Typography.Title>
      <Checkbox.Group
        aria-labelledby="meeting-sign-in"
        value={ticked}
        onChange={setTicked}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        options={present.map((p) => ({
          value: p.postId,
          label: `${p.title}（${p.holders.join('、') || '空缺'}）${p.role === 'attendee' ? `，${ROLE_LABELS.attendee}` : ''}`,
        }))}
      />
      <div role="status" aria-label="到会人数">
        <Space wrap>
          <Typography.Text strong>
            组成人员 {members.length} 人，已到 {membersPresent} 人
            {minimum !== null && `，至少需 ${minimum} 人`}
          </Typography.Text>
          {quorate === true && <Tag color="green">已达法定人数</Tag>}
          {quorate === false && <Tag color="red">未达法定人数</Tag>}
        </Space>
        {minimum === null && (
          <div>
            <Typography.Text type="secondary">{view.quorum.summary}</Typography.Text>
          </div>
        )}
      </div>
      {error && <SubmitError error={error} />}
      <Button
        type="primary"
        loading={submitting}
        onClick={() => act(() => openMeeting(view.meeting.id, ticked), undefined, '已宣布开会')}
      >
        宣布开会
      </Button>
    </Space>
  )
}
