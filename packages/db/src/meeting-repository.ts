import type {
  AgendaDissent,
  AgendaMaterial,
  AgendaItemRecord,
  MeetingEvent,
  MeetingParticipant,
  MeetingRecord,
  MeetingRepository,
} from '@zhengling/app'
import { type Kysely, type Selectable, sql } from 'kysely'
import { historyColumns, historyEntryOf } from './history-columns.ts'
import { STORED_FILE_COLUMNS, storedFileColumns, storedFileOf } from './stored-file-columns.ts'
import type { Database } from './schema.ts'
import { visibleTo } from './visible-to.ts'

const iso = (value: Date | string) => new Date(value).toISOString()
const isoOrNull = (value: Date | string | null) => (value ? iso(value) : null)
const uuids = (ids: readonly string[]) => sql`${sql.val(ids)}::uuid[]`

function toMeeting(row: Selectable<Database['meetings']>): MeetingRecord {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    meetingType: row.meeting_type,
    title: row.title,
    startsAt: iso(row.starts_at),
    location: row.location,
    presiderPostId: row.presider_post_id,
    state: row.state,
    secrecy: row.secrecy,
    distributionPosts: row.distribution_posts,
    distributionDepartments: row.distribution_departments,
    agendaApprovedAt: isoOrNull(row.agenda_approved_at),
    agendaApprovedByPostId: row.agenda_approved_by_post_id,
    openedAt: isoOrNull(row.opened_at),
    closedAt: isoOrNull(row.closed_at),
    quorum: row.quorum,
    minutesDocumentId: row.minutes_document_id,
    minutesDue: row.minutes_due,
    createdByPersonId: row.created_by_person_id,
    createdByPostId: row.created_by_post_id,
    createdAt: iso(row.created_at),
  }
}

function toParticipant(row: Selectable<Database['meeting_participants']>): MeetingParticipant {
  return {
    meetingId: row.meeting_id,
    postId: row.post_id,
    role: row.role,
    attendance: row.attendance,
    leaveReason: row.leave_reason,
    substitute: row.substitute,
    leaveRequestedAt: isoOrNull(row.leave_requested_at),
    leaveDecidedByPostId: row.leave_decided_by_post_id,
    leaveDecidedAt: isoOrNull(row.leave_decided_at),
    leaveRuleIds: row.leave_rule_ids,
  }
}

function toItem(
  row: Selectable<Database['agenda_items']> & { portfolio_deputy_post_id: string | null },
): AgendaItemRecord {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    position: row.position,
    title: row.title,
    summary: row.summary,
    submittingDepartmentId: row.submitting_department_id,
    submittedByPersonId: row.submitted_by_person_id,
    submittedByPostId: row.submitted_by_post_id,
    submittedAt: iso(row.submitted_at),
    characteristics: row.characteristics,
    completed: row.completed as AgendaItemRecord['completed'],
    involvedDepartmentIds: row.involved_department_ids,
    portfolioDeputyPostId: row.portfolio_deputy_post_id,
    adHoc: row.ad_hoc,
    state: row.state,
    decision: row.decision,
    decisionText: row.decision_text,
    decidedAt: isoOrNull(row.decided_at),
  }
}

function toDissent(row: Selectable<Database['agenda_dissents']>): AgendaDissent {
  return {
    id: row.id,
    agendaItemId: row.agenda_item_id,
    raisedByPersonId: row.raised_by_person_id,
    raisedByPostId: row.raised_by_post_id,
    raisedAt: iso(row.raised_at),
    text: row.text,
    response: row.response,
    responseText: row.response_text,
    respondedAt: isoOrNull(row.responded_at),
  }
}

const MATERIAL_COLUMNS = [...STORED_FILE_COLUMNS, 'agenda_item_id'] as const

function toMaterial(
  row: Omit<Selectable<Database['agenda_item_materials']>, 'content'>,
): AgendaMaterial {
  return { ...storedFileOf(row), agendaItemId: row.agenda_item_id }
}

export function createMeetingRepository(db: Kysely<Database>): MeetingRepository {
  return {
    async insert(meeting) {
      await db
        .insertInto('meetings')
        .values({
          id: meeting.id,
          jurisdiction_id: meeting.jurisdictionId,
          meeting_type: meeting.meetingType,
          title: meeting.title,
          starts_at: meeting.startsAt,
          location: meeting.location,
          presider_post_id: meeting.presiderPostId,
          state: meeting.state,
          secrecy: meeting.secrecy,
          distribution_posts: meeting.distributionPosts,
          distribution_departments: meeting.distributionDepartments,
          agenda_approved_at: meeting.agendaApprovedAt,
          agenda_approved_by_post_id: meeting.agendaApprovedByPostId,
          opened_at: meeting.openedAt,
          closed_at: meeting.closedAt,
          quorum: meeting.quorum ? JSON.stringify(meeting.quorum) : null,
          minutes_document_id: meeting.minutesDocumentId,
          minutes_due: meeting.minutesDue,
          created_by_person_id: meeting.createdByPersonId,
          created_by_post_id: meeting.createdByPostId,
          created_at: meeting.createdAt,
        })
        .execute()
    },

    async visible(viewer, id, options = {}) {
      let query = db
        .selectFrom('meetings')
        .selectAll()
        .where('id', '=', id)
        .where(visibleTo(viewer))
      if (options.forUpdate) query = query.forUpdate()
      const row = await query.executeTakeFirst()
      return row ? toMeeting(row) : undefined
    },

    async list(viewer, range) {
      if (range.participantPostIds?.length === 0) return []
      let query = db
        .selectFrom('meetings')
        .selectAll()
        .where(visibleTo(viewer))
        .where('starts_at', '>=', new Date(range.from))
        .where('starts_at', '<', new Date(range.before))
      if (range.participantPostIds)
        query = query.where(
          'id',
          'in',
          db
            .selectFrom('meeting_participants')
            .select('meeting_id')
            .where('post_id', 'in', [...range.participantPostIds]),
        )
      const rows = await query.orderBy('starts_at').limit(500).execute()
      return rows.map(toMeeting)
    },

    async update(id, changes) {
      const { quorum, ...rest } = changes
      await db
        .updateTable('meetings')
        .set({
          ...(rest.state !== undefined ? { state: rest.state } : {}),
          ...(rest.agendaApprovedAt !== undefined
            ? { agenda_approved_at: rest.agendaApprovedAt }
            : {}),
          ...(rest.agendaApprovedByPostId !== undefined
            ? { agenda_approved_by_post_id: rest.agendaApprovedByPostId }
            : {}),
          ...(rest.openedAt !== undefined ? { opened_at: rest.openedAt } : {}),
          ...(rest.closedAt !== undefined ? { closed_at: rest.closedAt } : {}),
          ...(quorum !== undefined ? { quorum: quorum ? JSON.stringify(quorum) : null } : {}),
          ...(rest.minutesDocumentId !== undefined
            ? { minutes_document_id: rest.minutesDocumentId }
            : {}),
          ...(rest.minutesDue !== undefined ? { minutes_due: rest.minutesDue } : {}),
          ...(rest.presiderPostId !== undefined ? { presider_post_id: rest.presiderPostId } : {}),
          ...(rest.title !== undefined ? { title: rest.title } : {}),
          ...(rest.startsAt !== undefined ? { starts_at: rest.startsAt } : {}),
          ...(rest.location !== undefined ? { location: rest.location } : {}),
        })
        .where('id', '=', id)
        .execute()
    },

    async widenDistribution(id, add) {
      await db
        .updateTable('meetings')
        .set({
          distribution_posts: sql`array(select distinct unnest(distribution_posts || ${uuids(add.posts ?? [])}))`,
          distribution_departments: sql`array(select distinct unnest(distribution_departments || ${uuids(add.departments ?? [])}))`,
        })
        .where('id', '=', id)
        .execute()
    },

    async addParticipants(participants) {
      if (participants.length === 0) return
      await db
        .insertInto('meeting_participants')
        .values(
          participants.map((p) => ({
            meeting_id: p.meetingId,
            post_id: p.postId,
            role: p.role,
            attendance: p.attendance,
            leave_reason: p.leaveReason,
            substitute: p.substitute,
            leave_requested_at: p.leaveRequestedAt,
            leave_decided_by_post_id: p.leaveDecidedByPostId,
            leave_decided_at: p.leaveDecidedAt,
            leave_rule_ids: p.leaveRuleIds,
          })),
        )
        .onConflict((oc) => oc.columns(['meeting_id', 'post_id']).doNothing())
        .execute()
    },

    async participants(meetingId) {
      const rows = await db
        .selectFrom('meeting_participants')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('role', 'desc')
        .execute()
      return rows.map(toParticipant)
    },

    async recordAttendance(meetingId, { present, absent }) {
      if (present.length + absent.length === 0) return
      await db
        .updateTable('meeting_participants')
        .set({
          attendance: sql<'present' | 'absent'>`case when post_id = any(${present}::uuid[])
            then 'present' else 'absent' end`,
        })
        .where('meeting_id', '=', meetingId)
        .where('post_id', 'in', [...present, ...absent])
        .execute()
    },

    async updateParticipant(meetingId, postId, changes) {
      await db
        .updateTable('meeting_participants')
        .set({
          ...(changes.attendance !== undefined ? { attendance: changes.attendance } : {}),
          ...(changes.leaveReason !== undefined ? { leave_reason: changes.leaveReason } : {}),
          ...(changes.substitute !== undefined ? { substitute: changes.substitute } : {}),
          ...(changes.leaveRequestedAt !== undefined
            ? { leave_requested_at: changes.leaveRequestedAt }
            : {}),
          ...(changes.leaveDecidedByPostId !== undefined
            ? { leave_decided_by_post_id: changes.leaveDecidedByPostId }
            : {}),
          ...(changes.leaveDecidedAt !== undefined
            ? { leave_decided_at: changes.leaveDecidedAt }
            : {}),
          ...(changes.leaveRuleIds !== undefined ? { leave_rule_ids: changes.leaveRuleIds } : {}),
        })
        .where('meeting_id', '=', meetingId)
        .where('post_id', '=', postId)
        .execute()
    },

    async insertItem(item) {
      await db
        .insertInto('agenda_items')
        .values({
          id: item.id,
          meeting_id: item.meetingId,
          position: item.position,
          title: item.title,
          summary: item.summary,
          submitting_department_id: item.submittingDepartmentId,
          submitted_by_person_id: item.submittedByPersonId,
          submitted_by_post_id: item.submittedByPostId,
          submitted_at: item.submittedAt,
          characteristics: item.characteristics,
          completed: JSON.stringify(item.completed),
          involved_department_ids: item.involvedDepartmentIds,
          ad_hoc: item.adHoc,
          state: item.state,
          decision: item.decision,
          decision_text: item.decisionText,
          decided_at: item.decidedAt,
        })
        .execute()
    },

    async items(meetingId) {
      const rows = await db
        .selectFrom('agenda_items')
        .selectAll('agenda_items')
        // The 分管副职 a unit no deputy oversees named at submission is recorded on the
        // submission's own event (details.portfolioDeputyPostId), the record of what it said.
        .select((eb) =>
          eb
            .selectFrom('meeting_events')
            .select(sql<string | null>`details->>'portfolioDeputyPostId'`.as('named'))
            .whereRef('meeting_events.agenda_item_id', '=', 'agenda_items.id')
            .where('meeting_events.action', '=', 'submitItem')
            .orderBy('meeting_events.id')
            .limit(1)
            .as('portfolio_deputy_post_id'),
        )
        .where('agenda_items.meeting_id', '=', meetingId)
        .orderBy('agenda_items.position')
        .execute()
      return rows.map(toItem)
    },

    async updateItem(id, changes) {
      await db
        .updateTable('agenda_items')
        .set({
          ...(changes.state !== undefined ? { state: changes.state } : {}),
          ...(changes.completed !== undefined
            ? { completed: JSON.stringify(changes.completed) }
            : {}),
          ...(changes.characteristics !== undefined
            ? { characteristics: changes.characteristics }
            : {}),
          ...(changes.decision !== undefined ? { decision: changes.decision } : {}),
          ...(changes.decisionText !== undefined ? { decision_text: changes.decisionText } : {}),
          ...(changes.decidedAt !== undefined ? { decided_at: changes.decidedAt } : {}),
        })
        .where('id', '=', id)
        .execute()
    },

    async insertDissent(dissent) {
      await db
        .insertInto('agenda_dissents')
        .values({
          id: dissent.id,
          agenda_item_id: dissent.agendaItemId,
          raised_by_person_id: dissent.raisedByPersonId,
          raised_by_post_id: dissent.raisedByPostId,
          raised_at: dissent.raisedAt,
          text: dissent.text,
          response: dissent.response,
          response_text: dissent.responseText,
          responded_at: dissent.respondedAt,
        })
        .execute()
    },

    async dissents(meetingId) {
      const rows = await db
        .selectFrom('agenda_dissents')
        .selectAll()
        .where(
          'agenda_item_id',
          'in',
          db.selectFrom('agenda_items').select('id').where('meeting_id', '=', meetingId),
        )
        .orderBy('raised_at')
        .execute()
      return rows.map(toDissent)
    },

    async updateDissent(id, changes) {
      await db
        .updateTable('agenda_dissents')
        .set({
          response: changes.response,
          response_text: changes.responseText,
          responded_at: changes.respondedAt,
        })
        .where('id', '=', id)
        .execute()
    },

    async insertMaterial(material, content) {
      await db
        .insertInto('agenda_item_materials')
        .values({ ...storedFileColumns(material), agenda_item_id: material.agendaItemId, content })
        .execute()
    },

    async materials(meetingId) {
      const rows = await db
        .selectFrom('agenda_item_materials')
        .select(MATERIAL_COLUMNS)
        .where(
          'agenda_item_id',
          'in',
          db.selectFrom('agenda_items').select('id').where('meeting_id', '=', meetingId),
        )
        .orderBy('uploaded_at')
        .execute()
      return rows.map(toMaterial)
    },

    async materialContent(agendaItemId, materialId) {
      const row = await db
        .selectFrom('agenda_item_materials')
        .select([...MATERIAL_COLUMNS, 'content'])
        .where('agenda_item_id', '=', agendaItemId)
        .where('id', '=', materialId)
        .executeTakeFirst()
      return row ? { ...toMaterial(row), content: row.content } : undefined
    },

    async appendEvent(event: MeetingEvent) {
      await db
        .insertInto('meeting_events')
        .values({
          meeting_id: event.meetingId,
          agenda_item_id: event.agendaItemId,
          ...historyColumns(event),
        })
        .execute()
    },

    async events(meetingId) {
      const rows = await db
        .selectFrom('meeting_events')
        .selectAll()
        .where('meeting_id', '=', meetingId)
        .orderBy('id')
        .execute()
      return rows.map((row) => ({
        meetingId: row.meeting_id,
        agendaItemId: row.agenda_item_id,
        ...historyEntryOf(row),
      }))
    },
  }
}
