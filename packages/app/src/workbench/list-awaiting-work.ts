import { addDays, type CalendarWarning, shanghaiDateOf } from '@zhengling/rules'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'
import { documentTaskLabel } from '../documents/task-kinds.ts'
import type { Viewer } from '../access/can-see.ts'
import { actorOf } from '../documents/act-on-document.ts'
import { isOfficePost } from '../documents/document-office.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { agendaGateOf } from '../meetings/agenda-gate.ts'
import { agendaItemHolders } from '../meetings/agenda-item-holders.ts'
import { agendaItemReader } from '../meetings/agenda-item-readers.ts'
import { loadMeetingRoster, recorderContextOf } from '../meetings/agenda-recorders.ts'
import type { MeetingRecord } from '../meetings/meeting.ts'
import { leaveRuleFor } from '../meetings/meeting-leave-rule.ts'
import { meetingOffice } from '../meetings/meeting-office.ts'
import { leaveApproversOf } from '../meetings/meeting-plan.ts'
import { meetingDateOf } from '../meetings/meeting-types.ts'
import { type Holding, holdingsDirectoryOn } from '../organisation/current-holders.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import { supervisionItemHolders } from '../supervision/supervision-item-holders.ts'
import type { Repositories } from '../unit-of-work.ts'
import { absenceWork } from '../absences/absence-work.ts'
import { abroadFollowUpWork } from '../abroad-follow-ups/abroad-follow-up-work.ts'

/** The menu section an item belongs to (待办, 会议, 督查), for the badges. */
export type WorkSection = 'documents' | 'meetings' | 'supervision' | 'events' | 'absences'

/** One piece of work waiting on the current post, as the workbench lists it. */
export interface AwaitingWork {
  /** What is to be done: a task kind (instruct, sign…) or a step (approveAgenda, carryOut…). */
  kind: string
  /** The same in Chinese (批示, 签发, 审定议题, 牵头落实…). */
  kindLabel: string
  section: WorkSection
  /** The record to open: a document, a meeting, a ledger item. */
  target: {
    type: 'document' | 'meeting' | 'supervision' | 'eventRequest' | 'absence' | 'abroadFollowUp'
    id: string
  }
  title: string
  /** From whom it comes: the sending unit, the submitting unit, the requesting post. */
  from: string | null
  /** The instant it reached the post. */
  since: string
  dueDate: string | null
  /** Working days to the due date on the official calendar; negative once overdue. */
  workingDaysLeft: number | null
  overdue: boolean
  /** The count crosses a year whose holiday notice is not loaded: provisional. */
  warnings: CalendarWarning[]
}

/** Meeting and supervision steps in Chinese. */
const STEP_LABELS: Record<string, string> = {
  completeSteps: '议题前置程序',
  approveAgenda: '审定议题',
  decideAtMeeting: '上会研究',
  decideLeave: '审批请假',
  attendMeeting: '参加会议',
  sendNotice: '发送会议通知',
  carryOut: '督办落实',
  decideExtension: '审核延期申请',
  reviewClosure: '审核办结申请',
  decideEventRequest: '审核会议活动申请',
  decideAbsence: '审批请假（外出）',
  reportReturn: '销假',
}

/** The most documents, ledger items and meetings read for one list: a desk's whole day. */
const LIMIT = 200
/** Meetings looked at: those from a month back (not yet closed) to a year ahead. */
const MEETINGS_BACK = 31
const MEETINGS_AHEAD = 366

/**
 * What awaits the current post (待我办理) across documents, meetings and supervision, most
 * urgent first: overdue, then the fewest working days left, then the oldest. Whom a piece of work
 * waits on is answered by the same functions the pages use (当前办理: the document's open tasks,
 * `agendaItemHolders`, `supervisionItemHolders`, the leave rule's approvers), so the workbench
 * and the record's page never disagree. A unit's work shows to the unit's posts, as in 待办.
 */
export async function listAwaitingWork(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
): Promise<{ today: string; items: AwaitingWork[] }> {
  const now = deps.now()
  // The directory and the meetings' roster read the same organisation: read it once.
  r = withOrganisationReadOnce(r)
  const { viewer, post } = await actorOf(r, session, now)
  const today = shanghaiDateOf(now.getTime())
  const directory = await holdingsDirectoryOn(r, deps.rules, viewer.jurisdictionId, today)
  const waitsOnPost = (holding: Pick<Holding, 'postId' | 'departmentId'>) =>
    holding.postId
      ? holding.postId === post.postId
      : holding.departmentId !== null && holding.departmentId === post.departmentId
  const [documents, meetings, supervision, events, absences, abroad] = await Promise.all([
    documentWork(r, viewer, post),
    meetingWork(r, deps.rules, viewer, post, today, directory, waitsOnPost),
    supervisionWork(r, viewer, post, today, directory, waitsOnPost),
    eventRequestWork(r, viewer, post),
    absenceWork(r, viewer, post, session.personId as string, today),
    abroadFollowUpWork(r, deps.rules, viewer, session.personId as string),
  ])
  const items = [...documents, ...meetings, ...supervision, ...events, ...absences, ...abroad].map(
    (work) => dated(deps.rules, viewer.jurisdictionId, today, work),
  )
  return { today, items: items.sort(mostUrgentFirst) }
}

/** How many pieces of work wait on the current post, per menu section. */
export async function countAwaitingWork(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
): Promise<Record<WorkSection, number> & { overdue: number }> {
  const { items } = await listAwaitingWork(r, deps, session)
  const count = (section: WorkSection) => items.filter((item) => item.section === section).length
  return {
    documents: count('documents'),
    meetings: count('meetings'),
    supervision: count('supervision'),
    events: count('events'),
    absences: count('absences'),
    overdue: items.filter((item) => item.overdue).length,
  }
}

/**
 * The repositories with the organisation's reads answered once per set of arguments for one
 * request: `holdingsDirectoryOn` and `loadMeetingRoster` each read the chart and the unit posts,
 * and on the embedded database every read is a round-trip that costs milliseconds.
 */
function withOrganisationReadOnce(r: Repositories): Repositories {
  const answers = new Map<string, unknown>()
  const organisation = new Proxy(r.organisation, {
    get(target, name, receiver) {
      const member: unknown = Reflect.get(target, name, receiver)
      if (typeof member !== 'function') return member
      return (...args: unknown[]) => {
        const key = `${String(name)}\u0000${JSON.stringify(args)}`
        if (!answers.has(key)) answers.set(key, member.apply(target, args))
        return answers.get(key)
      }
    },
  })
  return { ...r, organisation }
}

type Undated = Omit<AwaitingWork, 'workingDaysLeft' | 'overdue' | 'warnings'>

function dated(rules: RulesPort, jurisdictionId: string, today: string, work: Undated) {
  const due = work.dueDate
  return {
    ...work,
    workingDaysLeft: due ? rules.workingDaysLeft(jurisdictionId, today, due) : null,
    overdue: due !== null && due < today,
    warnings: due ? (rules.calendarWarnings?.(jurisdictionId, today, due) ?? []) : [],
  }
}

/** Overdue first, then the fewest working days left (no time limit last), then the oldest. */
export function mostUrgentFirst(
  a: Pick<AwaitingWork, 'overdue' | 'workingDaysLeft' | 'dueDate' | 'since'>,
  b: Pick<AwaitingWork, 'overdue' | 'workingDaysLeft' | 'dueDate' | 'since'>,
): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1
  const left = (work: typeof a) => work.workingDaysLeft ?? Number.POSITIVE_INFINITY
  if (left(a) !== left(b)) return left(a) < left(b) ? -1 : 1
  const due = (work: typeof a) => work.dueDate ?? '9999-12-31'
  if (due(a) !== due(b)) return due(a) < due(b) ? -1 : 1
  return a.since < b.since ? -1 : a.since > b.since ? 1 : 0
}

/** The open tasks of the post and of its unit (待办, 待阅), through the access rule. */
async function documentWork(r: Repositories, viewer: Viewer, post: HeldPost): Promise<Undated[]> {
  const entries = await r.documents.inbox(
    {
      ...viewer,
      postIds: [post.postId],
      departmentIds: post.departmentId ? [post.departmentId] : [],
    },
    { limit: LIMIT },
  )
  return entries.map(({ task, document }) => ({
    kind: task.kind,
    kindLabel: documentTaskLabel(task.kind),
    section: 'documents',
    target: { type: 'document', id: document.id },
    title: document.title,
    from: document.senderName,
    since: task.openedAt,
    dueDate: task.dueDate,
  }))
}

/**
 * Agenda items whose next act is the post's (a step it records, the approval, the decision at the
 * meeting), leave requests it decides, meetings it is invited to, notices its office is to send.
 */
async function meetingWork(
  r: Repositories,
  rules: RulesPort,
  viewer: Viewer,
  post: HeldPost,
  today: string,
  directory: Awaited<ReturnType<typeof holdingsDirectoryOn>>,
  waitsOnPost: (holding: Holding) => boolean,
): Promise<Undated[]> {
  const meetings = (
    await r.meetings.list(viewer, {
      from: addDays(today, -MEETINGS_BACK),
      before: addDays(today, MEETINGS_AHEAD),
    })
  ).filter((meeting) => meeting.state !== 'closed')
  if (meetings.length === 0) return []
  const rulebook = rules.rulebook(viewer.jurisdictionId, today)
  const roster = rulebook
    ? await loadMeetingRoster(r, { rulebook, jurisdictionId: viewer.jurisdictionId, on: today })
    : undefined
  const office = meetingOffice(rules, viewer.jurisdictionId)
  const perMeeting = await Promise.all(
    meetings.map(async (meeting) => {
      const [items, participants, events] = await Promise.all([
        r.meetings.items(meeting.id),
        r.meetings.participants(meeting.id),
        isOfficePost(post, office) ? r.meetings.events(meeting.id) : Promise.resolve([]),
      ])
      return { meeting, items, participants, events }
    }),
  )
  const work: Undated[] = []
  const onDay = (meeting: MeetingRecord) => meetingDateOf(meeting)
  for (const { meeting, items, participants, events } of perMeeting) {
    const readsItem = agendaItemReader(rules, meeting, participants, viewer, post)
    const onAgendaCount = items.filter((i) => i.state === 'approved' || i.state === 'decided')
    let ahead = 0
    for (const item of [...items].sort((a, b) => a.position - b.position)) {
      const onAgenda = item.state === 'approved' || item.state === 'decided'
      const position = onAgenda ? ahead : onAgendaCount.length
      if (onAgenda) ahead += 1
      // A withdrawn or decided item waits on nobody: no need to ask the rulebook about it.
      if (item.state === 'withdrawn' || item.state === 'decided' || !readsItem(item)) continue
      const gate = agendaGateOf(rules, meeting, item, position)
      const context =
        roster &&
        recorderContextOf(roster, {
          submittingDepartmentId: item.submittingDepartmentId,
          presiderPostId: meeting.presiderPostId,
          portfolioDeputyPostId: item.portfolioDeputyPostId,
        })
      const mine = agendaItemHolders(directory, rules, meeting, item, gate, context).find(
        waitsOnPost,
      )
      if (mine)
        work.push({
          kind: mine.kind,
          kindLabel: STEP_LABELS[mine.kind] ?? mine.kind,
          section: 'meetings',
          target: { type: 'meeting', id: meeting.id },
          title: `${item.title}（${meeting.title}）`,
          from: directory.unitName(item.submittingDepartmentId) || null,
          since: mine.since,
          dueDate: mine.dueDate,
        })
    }
    const open = meeting.state === 'planned' || meeting.state === 'agendaApproved'
    if (open && roster)
      for (const participant of participants) {
        if (participant.attendance !== 'leaveRequested') continue
        const requester = roster.posts.find((p) => p.postId === participant.postId)
        const rule = leaveRuleFor(rules, meeting, requester?.role ?? '')
        const approvers = leaveApproversOf(
          roster,
          meeting,
          requester ?? { departmentId: null },
          rule.approver,
        )
        if (approvers.some((approver) => approver.postId === post.postId))
          work.push({
            kind: 'decideLeave',
            kindLabel: STEP_LABELS.decideLeave as string,
            section: 'meetings',
            target: { type: 'meeting', id: meeting.id },
            title: `${meeting.title}：${requester?.title ?? ''}请假`,
            from: requester?.title ?? null,
            since: participant.leaveRequestedAt ?? meeting.createdAt,
            dueDate: onDay(meeting),
          })
      }
    const me = participants.find((p) => p.postId === post.postId)
    if (open && me?.attendance === 'invited' && onDay(meeting) >= today)
      work.push({
        kind: 'attendMeeting',
        kindLabel: STEP_LABELS.attendMeeting as string,
        section: 'meetings',
        target: { type: 'meeting', id: meeting.id },
        title: meeting.location ? `${meeting.title}（${meeting.location}）` : meeting.title,
        from: null,
        since: meeting.createdAt,
        dueDate: onDay(meeting),
      })
    if (
      meeting.state === 'agendaApproved' &&
      isOfficePost(post, office) &&
      !events.some((event) => event.action === 'sendNotice')
    )
      work.push({
        kind: 'sendNotice',
        kindLabel: STEP_LABELS.sendNotice as string,
        section: 'meetings',
        target: { type: 'meeting', id: meeting.id },
        title: meeting.title,
        from: null,
        since: meeting.agendaApprovedAt ?? meeting.createdAt,
        dueDate: onDay(meeting),
      })
  }
  return work
}

/**
 * Ledger items the post's unit leads (督办落实), and, for the supervision office, the extensions
 * and closing reviews it decides.
 */
async function supervisionWork(
  r: Repositories,
  viewer: Viewer,
  post: HeldPost,
  today: string,
  directory: Awaited<ReturnType<typeof holdingsDirectoryOn>>,
  waitsOnPost: (holding: Holding) => boolean,
): Promise<Undated[]> {
  const isOffice = directory
    .postsMatching('supervisionOffice')
    .some((office) => office.postId === post.postId)
  const page = { state: 'open' as const, today, limit: LIMIT, offset: 0 }
  const [unitItems, officeItems] = await Promise.all([
    post.departmentId
      ? r.supervision.ledger(viewer, { ...page, departmentId: post.departmentId })
      : Promise.resolve({ items: [] }),
    isOffice
      ? r.supervision.ledger(viewer, { ...page, awaitingOffice: true })
      : Promise.resolve({ items: [] }),
  ])
  const seen = new Set<string>()
  return [...unitItems.items, ...officeItems.items].flatMap((item) => {
    if (seen.has(item.id)) return []
    seen.add(item.id)
    const mine = supervisionItemHolders(directory, item).find(waitsOnPost)
    if (!mine) return []
    return [
      {
        kind: mine.kind,
        kindLabel: STEP_LABELS[mine.kind] ?? mine.kind,
        section: 'supervision' as const,
        target: { type: 'supervision' as const, id: item.id },
        title: item.title,
        from:
          mine.kind === 'carryOut'
            ? item.sourceLabel
            : directory.unitName(item.leadDepartmentId) || null,
        since: mine.since,
        // The office decides by the item's due date (an extension asked before it runs out).
        dueDate: mine.dueDate ?? item.dueDate,
      },
    ]
  })
}

/**
 * 会议活动申请 waiting on the government office: its pending requests, due by the day of the
 * meeting or event itself.
 */
async function eventRequestWork(
  r: Repositories,
  viewer: Viewer,
  post: HeldPost,
): Promise<Undated[]> {
  if (!isGovernmentOfficePost(post)) return []
  const pending = await r.eventRequests.list(viewer, { status: 'pending', limit: LIMIT })
  return pending.map((request) => ({
    kind: 'decideEventRequest',
    kindLabel: STEP_LABELS.decideEventRequest ?? '审核会议活动申请',
    section: 'events' as const,
    target: { type: 'eventRequest' as const, id: request.id },
    title: request.title,
    from: request.unitName,
    since: request.createdAt,
    dueDate: request.date,
  }))
}
