import { Card, Divider } from 'antd'
import type { MeetingView } from '../../api/meetings.ts'
import type { Department, HeldPost } from '../../api/types.ts'
import { AgendaTable } from './agenda-table.tsx'
import { ApproveAgendaForm } from './approve-agenda-form.tsx'
import { SubmitItemButton } from './submit-item-button.tsx'

/**
 * 议题: the agenda with each item's verdict, 报送议题 for units while items are collected, and
 * 审定议题 for whoever may approve it — the rulebook's approvers (by the post's role), the
 * presider where it names none, and the office, which prepares the agenda and is shown the
 * server's refusal if it tries.
 */
export function AgendaCard({
  view,
  post,
  departments,
  onChanged,
}: {
  view: MeetingView
  post: HeldPost | undefined
  departments: Department[] | undefined
  onChanged: () => void
}) {
  const { meeting, agenda, may } = view
  const pending = agenda.filter((item) => item.state === 'submitted')
  const approvers = new Set(pending.flatMap((item) => item.gate.approvers))
  const mayApprove =
    meeting.state !== 'closed' &&
    pending.length > 0 &&
    (may.organise ||
      (post !== undefined &&
        (approvers.has(post.role) ||
          (approvers.size === 0 && post.postId === meeting.presiderPostId))))

  return (
    <Card
      title="议题"
      role="region"
      aria-label="议题"
      extra={
        may.submitItem && (
          <SubmitItemButton
            meetingId={meeting.id}
            checklist={view.checklist}
            departments={departments}
            departmentId={post?.departmentId ?? null}
            onChanged={onChanged}
          />
        )
      }
    >
      <AgendaTable view={view} departmentId={post?.departmentId ?? null} onChanged={onChanged} />
      {mayApprove && (
        <>
          <Divider />
          <ApproveAgendaForm meetingId={meeting.id} pending={pending} onDone={onChanged} />
        </>
      )}
    </Card>
  )
}
