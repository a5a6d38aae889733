import type { Viewer } from '../access/can-see.ts'
import type {
  AgendaDissent,
  AgendaMaterial,
  AgendaItemRecord,
  MeetingEvent,
  MeetingParticipant,
  MeetingRecord,
} from './meeting.ts'

export type MeetingChanges = Partial<
  Pick<
    MeetingRecord,
    | 'state'
    | 'agendaApprovedAt'
    | 'agendaApprovedByPostId'
    | 'openedAt'
    | 'closedAt'
    | 'quorum'
    | 'minutesDocumentId'
    | 'minutesDue'
    | 'presiderPostId'
    | 'title'
    | 'startsAt'
    | 'location'
  >
>

export type AgendaItemChanges = Partial<
  Pick<
    AgendaItemRecord,
    'state' | 'completed' | 'decision' | 'decisionText' | 'decidedAt' | 'characteristics'
  >
>

export type ParticipantChanges = Partial<Omit<MeetingParticipant, 'meetingId' | 'postId' | 'role'>>

/**
 * Meetings in storage. Reads take the viewer: the access rule (jurisdiction, secrecy,
 * distribution) filters them in the query, so a meeting one may not see does not exist.
 */
export interface MeetingRepository {
  insert(meeting: MeetingRecord): Promise<void>
  visible(
    viewer: Viewer,
    id: string,
    options?: { forUpdate?: boolean },
  ): Promise<MeetingRecord | undefined>
  /** Meetings starting in [from, before), earliest first; with `participantPostIds`, only those they take part in. */
  list(
    viewer: Viewer,
    range: { from: string; before: string; participantPostIds?: readonly string[] },
  ): Promise<MeetingRecord[]>
  update(id: string, changes: MeetingChanges): Promise<void>
  widenDistribution(id: string, widen: { posts?: string[]; departments?: string[] }): Promise<void>

  addParticipants(participants: MeetingParticipant[]): Promise<void>
  participants(meetingId: string): Promise<MeetingParticipant[]>
  updateParticipant(meetingId: string, postId: string, changes: ParticipantChanges): Promise<void>
  /** 签到: the listed participants present, the others listed absent, in one statement. */
  recordAttendance(
    meetingId: string,
    attendance: { present: string[]; absent: string[] },
  ): Promise<void>

  insertItem(item: AgendaItemRecord): Promise<void>
  items(meetingId: string): Promise<AgendaItemRecord[]>
  updateItem(id: string, changes: AgendaItemChanges): Promise<void>

  insertDissent(dissent: AgendaDissent): Promise<void>
  dissents(meetingId: string): Promise<AgendaDissent[]>
  updateDissent(
    id: string,
    changes: Pick<AgendaDissent, 'response' | 'responseText' | 'respondedAt'>,
  ): Promise<void>

  /** Materials are stored once and never change (a database trigger refuses it). */
  insertMaterial(material: AgendaMaterial, content: Uint8Array): Promise<void>
  materials(meetingId: string): Promise<AgendaMaterial[]>
  materialContent(
    agendaItemId: string,
    materialId: string,
  ): Promise<(AgendaMaterial & { content: Uint8Array }) | undefined>

  appendEvent(event: MeetingEvent): Promise<void>
  events(meetingId: string): Promise<MeetingEvent[]>
}
