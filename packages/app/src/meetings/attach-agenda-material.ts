import { checkAttachment, MAX_ATTACHMENT_BYTES } from '../documents/attachment-content.ts'
import { sha256Of } from '../documents/record-body-version.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnMeeting, assertMeetingState, type MeetingDeps } from './act-on-meeting.ts'
import type { AgendaMaterial } from './meeting.ts'

/**
 * 上传会议材料: the unit that put an item forward adds its materials (木里 第十七条 有关部门负责准备
 * 会议材料), until the meeting opens. The file is checked like a document's attachment (type,
 * extension and content agree; under the cap) and stored once.
 */
export function attachAgendaMaterial(
  deps: MeetingDeps,
  session: SessionRecord,
  input: {
    meetingId: string
    itemId: string
    fileName: string
    declaredType: string
    bytes: Uint8Array
    maxBytes?: number
  },
): Promise<AgendaMaterial> {
  return actOnMeeting(deps, session, input.meetingId, async ({ r, post, meeting, at }) => {
    assertMeetingState(meeting, ['planned', 'agendaApproved'], '上传会议材料（须在开会前）')
    const item = (await r.meetings.items(meeting.id)).find(
      (candidate) => candidate.id === input.itemId,
    )
    if (!item) throw new NotFoundError('AGENDA_ITEM_NOT_FOUND', '本次会议没有这个议题')
    if (post.departmentId !== item.submittingDepartmentId)
      throw new NotPermittedError('NOT_SUBMITTING_UNIT', '会议材料由议题申报单位上传')
    const checked = checkAttachment(input, input.maxBytes ?? MAX_ATTACHMENT_BYTES)
    const material: AgendaMaterial = {
      id: deps.newId(),
      agendaItemId: item.id,
      name: checked.name,
      mediaType: checked.mediaType,
      sizeBytes: checked.sizeBytes,
      sha256: sha256Of(input.bytes),
      uploadedAt: at,
      uploadedByPersonId: session.personId,
      uploadedByPostId: post.postId,
    }
    await r.meetings.insertMaterial(material, input.bytes)
    return {
      action: 'attachMaterial',
      agendaItemId: item.id,
      text: material.name,
      ruleIds: [],
      details: { materialId: material.id, sha256: material.sha256, sizeBytes: material.sizeBytes },
      result: material,
    }
  })
}
