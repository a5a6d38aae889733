import { Button, Space, Tag, Typography } from 'antd'
import { type MeetingView, sendMeetingNotice } from '../../api/meetings.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { useMeetingAct } from './use-meeting-act.ts'

/**
 * 会议通知: sent by the office once the agenda is approved, with the rulebook's last day for the
 * items' materials where it sets one (二连浩特 四十一) and whether the notice made it.
 */
export function MeetingNotice({ view, onDone }: { view: MeetingView; onDone: () => void }) {
  const { notice, may, meeting } = view
  const { submitting, error, act } = useMeetingAct(onDone)
  return (
    <section aria-label="会议通知">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>会议通知：</Typography.Text>
          {notice.sentAt ? (
            <>
              <span>已于 {formatShanghaiTime(notice.sentAt)} 发出</span>
              {notice.onTime === true && <Tag color="green">按时</Tag>}
              {notice.onTime === false && <Tag color="red">晚于规定时限</Tag>}
            </>
          ) : (
            <Typography.Text type="secondary">尚未发出</Typography.Text>
          )}
          {may.sendNotice && (
            <Button
              size="small"
              type="primary"
              loading={submitting}
              onClick={() => act(() => sendMeetingNotice(meeting.id), undefined, '已发出会议通知')}
            >
              发出会议通知
            </Button>
          )}
        </Space>
        {notice.summary && <Typography.Text type="secondary">{notice.summary}</Typography.Text>}
        {notice.citations.length > 0 && <CitationList citations={notice.citations} />}
        {error && <SubmitError error={error} />}
      </Space>
    </section>
  )
}
