import { PlusOutlined } from '@ant-design/icons'
import type { AgendaItem } from '../../api/meetings.ts'
import type { Department } from '../../api/types.ts'
import { ActModal } from './act-modal.tsx'
import { SubmitItemForm } from './submit-item-form.tsx'

/** 报送议题 from the agenda card; the dialog stays open on the verdict until 完成. */
export function SubmitItemButton({
  meetingId,
  agenda,
  departments,
  onChanged,
}: {
  meetingId: string
  agenda: AgendaItem[]
  departments: Department[] | undefined
  onChanged: () => void
}) {
  return (
    <ActModal
      label="报送议题"
      title="报送议题"
      buttonProps={{ type: 'primary', icon: <PlusOutlined aria-hidden /> }}
    >
      {(close) => (
        <SubmitItemForm
          meetingId={meetingId}
          agenda={agenda}
          departments={departments}
          onSubmitted={onChanged}
          onClose={close}
        />
      )}
    </ActModal>
  )
}
