import { reviewDocument } from '../../api/documents.ts'
import { TextActForm } from './text-act-form.tsx'

/** 核稿: the post at this step of the plan signs off the draft; the server opens the next step. */
export function ReviewForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  return (
    <TextActForm
      name="review"
      label="核稿意见"
      maxLength={2000}
      placeholder="如：同意"
      submitLabel="核稿签字"
      send={(opinion) => reviewDocument(documentId, opinion)}
      onDone={onDone}
      phrases
    />
  )
}
