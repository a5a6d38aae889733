import { PlusOutlined } from '@ant-design/icons'
import type { GateCondition } from '../../api/meetings.ts'
import type { Department } from '../../api/types.ts'
import { ActModal } from './act-modal.tsx'
import { SubmitItemForm } from './submit-item-form.tsx'

/** 报送议题 from the agenda card; the dialog stays open on the verdict until 完成. */
export function SubmitItemButton({
  meetingId,
  checklist,
  departments,
  departmentId,
  onChanged,
}: {
  meetingId: string
  /** The meeting's conditions for an item, as the rulebook asks them. */
  checklist: GateCondition[]
  departments: Department[] | undefined
  /** The submitting post's unit: one no deputy oversees names its 分管领导. */
  departmentId: string | null
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
          checklist={checklist}
          departments={departments}
          departmentId={departmentId}
          onSubmitted={onChanged}
          onClose={close}
        />
      )}
    </ActModal>
  )
}
