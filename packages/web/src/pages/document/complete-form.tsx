import { completeHandling } from '../../api/documents.ts'
import { TextActForm } from './text-act-form.tsx'

/** 办结 by a handling unit; when the last unit is done the result goes back to the sender. */
export function CompleteForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  return (
    <TextActForm
      name="complete"
      label="办理结果"
      maxLength={5000}
      submitLabel="办结"
      send={(result) => completeHandling(documentId, result)}
      onDone={onDone}
    />
  )
}
