import {
  addDays,
  type Citation,
  citationOf,
  formatShanghai,
  postsIncludedBy,
  type ResolvedRulebook,
  shanghaiDateOf,
} from '@zhengling/rules'
import { actorOfSession } from '../acts/actor.ts'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import {
  CALENDAR_ABSENCE_LABELS,
  CALENDAR_EVENT_LABELS,
  CALENDAR_CATEGORIES_WITH_PLACE,
  type LeaderCalendarEntry,
  type LeaderCalendarRepository,
  type LeaderCalendarView,
  type LeaderMeetingRow,
  type LeaderRow,
  weekDays,
  weekStartOf,
} from './leader-calendar.ts'

// Display order of the leadership, as a government lists it: the head, the executive deputy, the
// deputies, the head's assistants, then the office director; within a role, the roster's order
// (post_ranks). Display only; no rule depends on it.
const LEADER_ORDER = [
  'principal',
  'executiveDeputy',
  'deputy',
  'headAssistant',
  'partyGroupMember',
  'officeDirector',
]

/**
 * The roles of the government's leadership, asked of the rulebook: every post its
 * `governmentLeader` group includes (县长、副县长…; 二连浩特 also 秘书长 and 市长助理), and the
 * office director, who arranges the leaders' activities and is listed with them. A rulebook
 * without the group falls back to the head and the deputies.
 */
export function leaderRolesOf(rulebook: Pick<ResolvedRulebook, 'posts'> | undefined): string[] {
  const group =
    rulebook?.posts.has('governmentLeader') === true
      ? postsIncludedBy(rulebook, 'governmentLeader')
      : rulebook
        ? [...postsIncludedBy(rulebook, 'principal'), ...postsIncludedBy(rulebook, 'deputy')]
        : ['principal', 'executiveDeputy', 'deputy']
  const officeDirector = rulebook ? postsIncludedBy(rulebook, 'officeDirector') : []
  return [...new Set([...group, ...officeDirector])].filter(
    (role) => role !== 'governmentLeader' && rulebook?.posts.get(role)?.type !== 'relational',
  )
}

const UNRANKED = Number.MAX_SAFE_INTEGER

const rankOf = (role: string) => {
  const rank = LEADER_ORDER.indexOf(role)
  return rank === -1 ? LEADER_ORDER.length : rank
}

const dateRange = (from: string, to: string): string[] => {
  const days: string[] = []
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day)
  return days
}

/** The days of [from, to] that fall in the week. */
const daysInWeek = (from: string, to: string, week: { from: string; to: string }) =>
  dateRange(from < week.from ? week.from : from, to > week.to ? week.to : to)

function citationsOf(rulebook: ResolvedRulebook | undefined, ruleIds: readonly string[]) {
  const citations: Citation[] = []
  for (const ruleId of ruleIds) {
    const rule = rulebook?.rules.find((candidate) => candidate.id === ruleId)
    if (rule) citations.push(citationOf(rule))
  }
  return citations
}

/** What a day away adds: filed only (报备), closed by 销假, or past its end and not closed. */
function absenceNote(absence: LeaderRow['absences'][number], today: string): string | null {
  if (absence.status === 'returned') return `已销假（${absence.returnedOn}）`
  const overdue = absence.to < today ? '逾期未销假' : null
  if (absence.status === 'filed') return overdue ? `已报备，${overdue}` : '已报备'
  return overdue
}

function absenceEntries(
  row: LeaderRow,
  week: { from: string; to: string },
  rulebook: ResolvedRulebook | undefined,
  today: string,
): LeaderCalendarEntry[] {
  return row.absences.flatMap((absence) => {
    // Away until 销假: a return before the planned end ends the absence that day (C2).
    const until =
      absence.returnedOn && absence.returnedOn < absence.to ? absence.returnedOn : absence.to
    const label = CALENDAR_ABSENCE_LABELS[absence.category] ?? '外出'
    const place = CALENDAR_CATEGORIES_WITH_PLACE.has(absence.category) ? absence.destination : null
    const title = place ? `${label}（${place}）` : label
    const note = absenceNote(absence, today)
    const citations = citationsOf(rulebook, absence.ruleIds)
    return daysInWeek(absence.from, until, week).map((date) => ({
      date,
      kind: 'absence' as const,
      title,
      from: absence.from,
      to: until,
      time: null,
      place,
      target: `/absences/${absence.id}`,
      note,
      citations,
    }))
  })
}

function actingEntries(
  row: LeaderRow,
  week: { from: string; to: string },
  rulebook: ResolvedRulebook | undefined,
): LeaderCalendarEntry[] {
  return row.acting.flatMap((acting) => {
    const citations = citationsOf(rulebook, acting.ruleId ? [acting.ruleId] : [])
    const articles = [...new Set(citations.map((citation) => citation.article))].join('、')
    return daysInWeek(acting.from, acting.to, week).map((date) => ({
      date,
      kind: 'acting' as const,
      title: `代行${acting.postTitle}职责`,
      from: acting.from,
      to: acting.to,
      time: null,
      place: null,
      target: null,
      note: articles || null,
      citations,
    }))
  })
}

const ATTENDANCE_NOTES: Readonly<Record<string, string>> = {
  leaveRequested: '已请假待批',
  onLeave: '已请假',
  absent: '缺席',
}

function meetingEntries(postId: string, meetings: readonly LeaderMeetingRow[]) {
  return meetings.flatMap((meeting): LeaderCalendarEntry[] => {
    const presides = meeting.presiderPostId === postId
    const taking = meeting.participants.find((participant) => participant.postId === postId)
    if (!presides && !taking) return []
    const shanghai = formatShanghai(Date.parse(meeting.startsAt))
    const date = shanghai.slice(0, 10)
    const role = presides ? '主持' : taking?.role === 'attendee' ? '列席' : '出席'
    return [
      {
        date,
        kind: 'meeting',
        title: `${role}${meeting.title}`,
        from: date,
        to: date,
        time: shanghai.slice(11, 16),
        place: meeting.location || null,
        target: `/meetings/${meeting.id}`,
        note: (taking && !presides && ATTENDANCE_NOTES[taking.attendance]) || null,
        citations: [],
      },
    ]
  })
}

function eventEntries(row: LeaderRow) {
  return row.events.map((event): LeaderCalendarEntry => ({
    date: event.date,
    kind: 'event',
    title: event.title,
    from: event.date,
    to: event.date,
    time: event.time || null,
    place: event.place || null,
    target: `/event-requests/${event.id}`,
    note: CALENDAR_EVENT_LABELS[event.kind] ?? null,
    citations: [],
  }))
}

/**
 * A meeting on a day the leader is away, without a leave asked for it (会议请假), says 外出期间: the
 * office sees what to settle (a leave request, another presider) before the day.
 */
function flagAwayMeetings(entries: LeaderCalendarEntry[]): LeaderCalendarEntry[] {
  const away = new Set(entries.filter((e) => e.kind === 'absence').map((e) => e.date))
  return entries.map((entry) =>
    entry.kind === 'meeting' && away.has(entry.date) && entry.note === null
      ? { ...entry, note: '外出期间' }
      : entry,
  )
}

// Within a day: whole-day entries (away, acting) first, then by time.
const byDayThenTime = (a: LeaderCalendarEntry, b: LeaderCalendarEntry) =>
  a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '')

/**
 * One week of the leaders' activities (领导活动安排), for the whole leadership or one leader
 * (`postId`). The week is the one holding `week` (any day of it; today when absent). Reads two
 * statements besides the session's facts: the leaders with their absences, acting days and
 * approved event requests; the meetings a leader presides over or takes part in. Absences, events
 * and meetings are those the viewer may see (their distribution): the office sees every one.
 */
export async function viewLeaderCalendar(
  r: Pick<Repositories, 'organisation'>,
  deps: { now: () => Date; rules: RulesPort; calendar: LeaderCalendarRepository },
  session: SessionRecord,
  query: { week?: string; postId?: string },
): Promise<LeaderCalendarView> {
  const now = deps.now()
  const actor = await actorOfSession(r, session, now)
  const today = shanghaiDateOf(now.getTime())
  const weekStart = weekStartOf(query.week ?? today)
  const week = { from: weekStart, to: addDays(weekStart, 6) }
  const rulebook = deps.rules.rulebook(actor.jurisdictionId, weekStart)
  const roles = leaderRolesOf(rulebook)
  const [{ jurisdictionName, leaders }, meetings] = await Promise.all([
    deps.calendar.leaders(actor, roles, week),
    deps.calendar.meetings(actor, roles, {
      from: `${week.from}T00:00:00+08:00`,
      before: `${addDays(week.to, 1)}T00:00:00+08:00`,
    }),
  ])
  const shown = query.postId ? leaders.filter((row) => row.postId === query.postId) : leaders
  if (query.postId && shown.length === 0)
    throw new NotFoundError('LEADER_NOT_FOUND', '没有找到这位领导：该职务不在本级政府领导之列')
  return {
    jurisdictionName,
    weekStart: week.from,
    weekEnd: week.to,
    previousWeek: addDays(week.from, -7),
    nextWeek: addDays(week.from, 7),
    days: weekDays(week.from),
    scope: query.postId ? 'leader' : 'leadership',
    leaders: [...shown]
      .sort(
        (a, b) =>
          rankOf(a.role) - rankOf(b.role) ||
          (a.rosterRank ?? UNRANKED) - (b.rosterRank ?? UNRANKED) ||
          a.title.localeCompare(b.title, 'zh-CN'),
      )
      .map((row) => ({
        postId: row.postId,
        role: row.role,
        title: row.title,
        holders: [...new Set(row.holders.map((holder) => holder.name))],
        entries: flagAwayMeetings([
          ...absenceEntries(row, week, rulebook, today),
          ...actingEntries(row, week, rulebook),
          ...meetingEntries(row.postId, meetings),
          ...eventEntries(row),
        ])
          .filter((entry) => week.from <= entry.date && entry.date <= week.to)
          .sort(byDayThenTime),
      })),
    notes: ['值班安排尚无模块记录，本表暂不列出。'],
  }
}
