import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, type ActContext, type DocumentDeps } from './act-on-document.ts'
import { checkAttachment, MAX_ATTACHMENT_BYTES } from './attachment-content.ts'
import type { AttachmentRecord } from './attachment-repository.ts'
import type { DocumentRecord } from './document.ts'
import { sha256Of } from './record-body-version.ts'

/**
 * States in which a document takes no more attachments. A closed or archived document is a
 * finished record. An outgoing document's 附件 are part of the text its signer approved, so
 * from 签发 on they are fixed like the body (revise-document-body.ts).
 */
const FIXED_STATES: Record<DocumentRecord['direction'], readonly string[]> = {
  incoming: ['closed', 'archived'],
  outgoing: ['signed', 'numbered', 'issued', 'archived'],
}

/**
 * Who may attach: the post that drafted or submitted the document (its unit supplies the
 * material), or a post or unit with an open task on it (the desk registering a paper original,
 * a reviewer adding a reference, a handling unit its result). Reading a document is not enough
 * to add to it.
 */
async function assertMayAttach({ r, post, document }: ActContext) {
  const fixed = FIXED_STATES[document.direction]
  if (fixed.includes(document.state))
    throw new NotPermittedError(
      'WRONG_STATE',
      document.direction === 'outgoing' && document.state !== 'archived'
        ? '公文已签发，附件随正文定稿，不能再上传'
        : '公文已办结或归档，不能再上传附件',
    )
  if (document.createdByPostId === post.postId) return
  const tasks = await r.documents.openTasks(document.id)
  const hasTask = tasks.some(
    (task) =>
      task.assigneePostId === post.postId ||
      (post.departmentId !== null && task.assigneeDepartmentId === post.departmentId),
  )
  if (!hasTask)
    throw new NotPermittedError(
      'NOT_PERMITTED_TO_ATTACH',
      `${post.title}不是此件的拟稿或报送职务，也没有此件的待办，不能上传附件`,
    )
}

/**
 * 上传附件: one file, checked (type declared, extension and content agree; not empty; under the
 * cap), stored with its digest in one transaction with an 'attach' flow event and its audit
 * record. A refused file leaves nothing behind.
 */
export function attachFileToDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: {
    documentId: string
    fileName: string
    declaredType: string
    bytes: Uint8Array
    maxBytes?: number
  },
): Promise<AttachmentRecord> {
  return actOnDocument(deps, session, input.documentId, async (context) => {
    await assertMayAttach(context)
    const checked = checkAttachment(input, input.maxBytes ?? MAX_ATTACHMENT_BYTES)
    const attachment: AttachmentRecord = {
      id: deps.newId(),
      documentId: context.document.id,
      name: checked.name,
      mediaType: checked.mediaType,
      sizeBytes: checked.sizeBytes,
      sha256: sha256Of(input.bytes),
      uploadedAt: context.at,
      uploadedByPersonId: session.personId,
      uploadedByPostId: context.post.postId,
    }
    await context.r.attachments.insert(attachment, input.bytes)
    return {
      action: 'attach',
      ruleIds: [],
      details: {
        attachmentId: attachment.id,
        name: attachment.name,
        mediaType: attachment.mediaType,
        sizeBytes: attachment.sizeBytes,
        sha256: attachment.sha256,
      },
      result: attachment,
    }
  })
}
