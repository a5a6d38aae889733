import { Button, Popconfirm, Space, Typography } from 'antd'
import { type AgendaItem, withdrawAgendaItem } from '../../api/meetings.ts'
import { holderText } from '../../components/current-holders.tsx'
import { DueDate } from '../../components/due-date.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { useMeetingAct } from './use-meeting-act.ts'

/** What the holder of an agenda item is doing (当前办理), by the server's code. */
const HOLDING_LABELS: Record<string, string> = {
  completeSteps: '完成前置程序',
  approveAgenda: '审定议题',
  decideAtMeeting: '提交会议研究',
}

/**
 * 当前办理 of an agenda item: who holds it, since when, by the meeting day; and, for the
 * submitting unit while it awaits approval, 撤回.
 */
export function AgendaHolders({
  meetingId,
  item,
  onDone,
}: {
  meetingId: string
  item: AgendaItem
  onDone: () => void
}) {
  const { submitting, error, act } = useMeetingAct(onDone)
  if (item.holders.length === 0 && !item.mayWithdraw)
    return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <Space orientation="vertical" size={2}>
      {item.holders.map((holding, index) => (
        <Typography.Text key={`${holding.postId ?? holding.departmentId}:${index}`}>
          {HOLDING_LABELS[holding.kind] ?? holding.kind}：{holderText(holding)}，自
          {formatShanghaiTime(holding.since).slice(0, 10)}起
          {holding.dueDate && (
            <>
              ，<DueDate date={holding.dueDate} workingDaysLeft={holding.workingDaysLeft} />前
            </>
          )}
        </Typography.Text>
      ))}
      {item.mayWithdraw && (
        <Popconfirm
          title="撤回此议题？"
          description="撤回后不再提请本次会议审定。"
          okText="撤回"
          cancelText="取消"
          onConfirm={() => act(() => withdrawAgendaItem(meetingId, item.id), undefined, '已撤回')}
        >
          <Button size="small" loading={submitting}>
            撤回议题
          </Button>
        </Popconfirm>
      )}
      {error && <SubmitError error={error} />}
    </Space>
  )
}
