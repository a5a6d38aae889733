import { checkAttachment, MAX_ATTACHMENT_BYTES } from '../documents/attachment-content.ts'
import { sha256Of } from '../documents/record-body-version.ts'
import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  actOnSupervisionItem,
  assertItemState,
  type SupervisionDeps,
} from './act-on-supervision-item.ts'
import { isOfItemUnit } from './supervision-desk.ts'
import type { SupervisionEvidence } from './supervision-item.ts'

/**
 * 上传佐证材料: the lead unit or a co-unit backs its progress or its report of completion with a
 * file (书面报告、照片、验收文件…), checked like a document's attachment and stored once, until the
 * item is closed.
 */
export async function attachSupervisionEvidence(
  deps: SupervisionDeps,
  session: SessionRecord,
  input: {
    itemId: string
    fileName: string
    declaredType: string
    bytes: Uint8Array
    maxBytes?: number
  },
): Promise<SupervisionEvidence> {
  let stored: SupervisionEvidence | undefined
  await actOnSupervisionItem(deps, session, input.itemId, async ({ r, post, item, at }) => {
    assertItemState(item, ['open', 'closeRequested'], '上传佐证材料')
    if (!isOfItemUnit(post, item, true))
      throw new NotPermittedError('NOT_ITEM_UNIT', `${post.title}不是该事项的牵头或配合单位`)
    const checked = checkAttachment(input, input.maxBytes ?? MAX_ATTACHMENT_BYTES)
    stored = {
      id: deps.newId(),
      itemId: item.id,
      name: checked.name,
      mediaType: checked.mediaType,
      sizeBytes: checked.sizeBytes,
      sha256: sha256Of(input.bytes),
      uploadedAt: at,
      uploadedByPersonId: session.personId,
      uploadedByPostId: post.postId,
    }
    await r.supervision.insertEvidence(stored, input.bytes)
    return {
      action: 'attachEvidence',
      text: stored.name,
      ruleIds: [],
      details: { evidenceId: stored.id, sha256: stored.sha256, sizeBytes: stored.sizeBytes },
    }
  })
  return stored as SupervisionEvidence
}
