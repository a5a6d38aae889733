import { actorOf } from '../documents/act-on-document.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { agendaItemReader } from './agenda-item-readers.ts'

/** One material with its bytes, for whoever reads its agenda item; otherwise "not found". */
export async function downloadAgendaMaterial(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  input: { meetingId: string; itemId: string; materialId: string },
) {
  const { viewer, post } = await actorOf(r, session, deps.now())
  const meeting = await r.meetings.visible(viewer, input.meetingId)
  if (!meeting) throw new NotFoundError('MEETING_NOT_FOUND', '没有这次会议，或您无权查看')
  const [items, participants] = await Promise.all([
    r.meetings.items(meeting.id),
    r.meetings.participants(meeting.id),
  ])
  const item = items.find((candidate) => candidate.id === input.itemId)
  const reads = agendaItemReader(deps.rules, meeting, participants, viewer, post)
  const material =
    item && reads(item) ? await r.meetings.materialContent(item.id, input.materialId) : undefined
  if (!material) throw new NotFoundError('MATERIAL_NOT_FOUND', '没有这份会议材料，或您无权查看')
  return material
}
