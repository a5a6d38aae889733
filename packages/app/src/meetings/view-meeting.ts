import { shanghaiDateOf } from '@zhengling/rules'
import { actorOf } from '../documents/act-on-document.ts'
import { isOfficePost } from '../documents/document-office.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { MEETING_STATE_LABELS } from './act-on-meeting.ts'
import { agendaGateOf, stepConditions } from './agenda-gate.ts'
import type { AgendaItemRecord } from './meeting.ts'
import { holdingsNamed, loadMeetingRoster, recorderContextOf } from './agenda-recorders.ts'
import { leaveRuleFor } from './meeting-leave-rule.ts'
import { leaveApproversOf } from './meeting-plan.ts'
import { agendaItemReader } from './agenda-item-readers.ts'
import { agendaItemHolders } from './agenda-item-holders.ts'
import { withdrawItemRefusal } from './withdraw-agenda-item.ts'
import { holdingsDirectoryOn } from '../organisation/current-holders.ts'
import { meetingOffice } from './meeting-office.ts'
import { noticeTimingOf } from './send-meeting-notice.ts'
import { quorumOf } from './meeting-quorum.ts'
import { meetingDateOf, meetingTypeOf } from './meeting-types.ts'

/**
 * A meeting as its page shows it: the kind the rulebook defines, who takes part and whether they
 * come, each agenda item with its gate answer (and articles), dissent, the quorum as it stands,
 * the minutes' time limit and document, the history — and what the viewer's post may do now.
 */
export async function viewMeeting(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  meetingId: string,
) {
  const now = deps.now()
  const { viewer, post } = await actorOf(r, session, now)
  const meeting = await r.meetings.visible(viewer, meetingId)
  if (!meeting) throw new NotFoundError('MEETING_NOT_FOUND', '没有这次会议，或您无权查看')
  const today = shanghaiDateOf(now.getTime())
  const { type } = meetingTypeOf(
    deps.rules,
    meeting.jurisdictionId,
    meeting.meetingType,
    meetingDateOf(meeting),
  )
  const [items, participants, dissents, events, posts, materials] = await Promise.all([
    r.meetings.items(meeting.id),
    r.meetings.participants(meeting.id),
    r.meetings.dissents(meeting.id),
    r.meetings.events(meeting.id),
    r.organisation.postsOf(meeting.jurisdictionId, today),
    r.meetings.materials(meeting.id),
  ])
  const postById = new Map(posts.map((p) => [p.postId, p]))
  const titled = (postId: string | null) => {
    const p = postId ? postById.get(postId) : undefined
    return { title: p?.title ?? '', holders: p?.holders.map((h) => h.name) ?? [] }
  }
  const office = meetingOffice(deps.rules, meeting.jurisdictionId)
  const isOffice = isOfficePost(post, office)
  const me = participants.find((p) => p.postId === post.postId)
  const readsItem = agendaItemReader(deps.rules, meeting, participants, viewer, post)
  // Who records each step of an item, by the rulebook and today's roster (post, holders).
  const rulebook = deps.rules.rulebook(meeting.jurisdictionId, meetingDateOf(meeting))
  const roster = rulebook
    ? await loadMeetingRoster(r, { rulebook, jurisdictionId: meeting.jurisdictionId, on: today })
    : undefined
  const contextOf = (
    item: Pick<AgendaItemRecord, 'submittingDepartmentId' | 'portfolioDeputyPostId'>,
  ) =>
    roster &&
    recorderContextOf(roster, {
      submittingDepartmentId: item.submittingDepartmentId,
      presiderPostId: meeting.presiderPostId,
      portfolioDeputyPostId: item.portfolioDeputyPostId,
    })
  // 当前办理 of every item from one read of the organisation.
  const directory = await holdingsDirectoryOn(r, deps.rules, meeting.jurisdictionId, today)
  let ahead = 0
  const agenda = [...items]
    .sort((a, b) => a.position - b.position)
    .flatMap((item) => {
      const onAgenda = item.state === 'approved' || item.state === 'decided'
      const gate = agendaGateOf(
        deps.rules,
        meeting,
        item,
        onAgenda
          ? ahead
          : items.filter((i) => i.state === 'approved' || i.state === 'decided').length,
      )
      if (onAgenda) ahead += 1
      if (!readsItem(item)) return []
      const context = contextOf(item)
      return [
        {
          ...item,
          submittedBy: titled(item.submittedByPostId),
          gate,
          recorders: Object.fromEntries(
            stepConditions(gate).map((step) => [
              step.code,
              context ? holdingsNamed(context, step.recordedBy ?? ['submittingUnit']) : [],
            ]),
          ),
          holders: agendaItemHolders(directory, deps.rules, meeting, item, gate, context),
          mayWithdraw: withdrawItemRefusal(meeting, item, post) === null,
          materials: materials.filter((material) => material.agendaItemId === item.id),
          dissents: dissents
            .filter((dissent) => dissent.agendaItemId === item.id)
            .map((dissent) => ({ ...dissent, raisedBy: titled(dissent.raisedByPostId) })),
        },
      ]
    })
  const hidden = new Set(items.filter((item) => !readsItem(item)).map((item) => item.id))
  const present = new Set(
    participants.filter((p) => p.attendance === 'present').map((p) => p.postId),
  )
  // Before opening, the quorum is judged on who has not been excused: the most who can come.
  const expected =
    meeting.state === 'open' || meeting.state === 'closed'
      ? present
      : new Set(participants.filter((p) => p.attendance !== 'onLeave').map((p) => p.postId))
  const judged = quorumOf(deps.rules, meeting, participants, expected)
  // Before opening nobody is "present" yet: say how many can come, not who came.
  const quorum =
    meeting.state === 'open' || meeting.state === 'closed' || judged.minimum === null
      ? judged
      : {
          ...judged,
          summary: `组成人员 ${judged.members} 人，至少 ${judged.minimum} 人到会方可召开；未请假的组成人员 ${judged.present} 人`,
        }
  // The meeting's checklist for a new item: every condition the rulebook asks about, with none met.
  const checklist = agendaGateOf(
    deps.rules,
    meeting,
    { characteristics: [], completed: [], adHoc: false, submittedAt: now.toISOString() },
    0,
  ).conditions
  const noticeEvent = events.find((event) => event.action === 'sendNotice')
  const notice = {
    sentAt: noticeEvent?.occurredAt ?? null,
    ...noticeTimingOf(
      deps.rules,
      meeting,
      noticeEvent ? shanghaiDateOf(Date.parse(noticeEvent.occurredAt)) : undefined,
    ),
  }
  const followUps = await r.supervision.ledger(viewer, {
    meetingId: meeting.id,
    today,
    limit: 200,
    offset: 0,
  })
  const minutes = meeting.minutesDocumentId
    ? await r.documents.visible(viewer, meeting.minutesDocumentId)
    : undefined
  return {
    meeting: {
      ...meeting,
      stateLabel: MEETING_STATE_LABELS[meeting.state],
      typeName: type.name,
      frequency: type.frequency ?? null,
      article: type.article ?? null,
      presider: titled(meeting.presiderPostId),
    },
    participants: participants.map((p) => ({ ...p, ...titled(p.postId) })),
    agenda,
    quorum,
    checklist,
    notice,
    minutes: minutes
      ? {
          documentId: minutes.id,
          state: minutes.state,
          documentNumber: minutes.documentNumber,
          dueDate: minutes.dueDate,
        }
      : null,
    // An item one may not read does not show in the history either.
    events: events
      .filter((event) => !event.agendaItemId || !hidden.has(event.agendaItemId))
      .map((event) => ({ ...event, actor: titled(event.actorPostId) })),
    followUps: followUps.items.map((item) => ({
      id: item.id,
      title: item.title,
      agendaItemId: item.agendaItemId,
      dueDate: item.dueDate,
      state: item.state,
    })),
    may: {
      organise: isOffice,
      sendNotice: isOffice && meeting.state === 'agendaApproved' && !noticeEvent,
      submitItem:
        Boolean(post?.departmentId) &&
        (meeting.state === 'planned' || meeting.state === 'agendaApproved'),
      requestLeave:
        Boolean(me && me.attendance === 'invited') &&
        (meeting.state === 'planned' || meeting.state === 'agendaApproved'),
      // Whoever the leave rule names for a pending request (召集人, 县长, 办公室主任…).
      decideLeave:
        roster !== undefined &&
        participants.some((p) => {
          if (p.attendance !== 'leaveRequested') return false
          const requester = roster.posts.find((candidate) => candidate.postId === p.postId)
          const rule = leaveRuleFor(deps.rules, meeting, requester?.role ?? '')
          return leaveApproversOf(
            roster,
            meeting,
            requester ?? { departmentId: null },
            rule.approver,
          ).some((approver) => approver.postId === post?.postId)
        }),
    },
  }
}

/**
 * Meetings the viewer may see in a date range, for the calendar; `mine` keeps those a post the
 * person holds takes part in — the meeting notices of the workbench.
 */
export async function listMeetings(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  range: { from: string; before: string; mine?: boolean },
) {
  const { viewer } = await actorOf(r, session, deps.now())
  const meetings = await r.meetings.list(viewer, {
    from: range.from,
    before: range.before,
    participantPostIds: range.mine ? viewer.postIds : undefined,
  })
  return meetings.map((meeting) => ({
    ...meeting,
    stateLabel: MEETING_STATE_LABELS[meeting.state],
    typeName:
      deps.rules
        .rulebook(meeting.jurisdictionId, meetingDateOf(meeting))
        ?.meetings.get(meeting.meetingType)?.name ?? meeting.meetingType,
  }))
}

/** The meeting kinds of the viewer's rulebook, for the scheduling form. */
export async function listMeetingTypes(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
) {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  const rulebook = deps.rules.rulebook(viewer.jurisdictionId, shanghaiDateOf(now.getTime()))
  return [...(rulebook?.meetings.values() ?? [])].map((type) => ({
    id: type.id,
    name: type.name,
    frequency: type.frequency ?? null,
    article: type.article ?? null,
  }))
}
