import { addDays, shanghaiDateOf } from '@zhengling/rules'
import type { ActingRecord } from '../acting/acting-note.ts'
import { actorOf } from '../documents/act-on-document.ts'
import { citationsOf } from '../documents/document-rules.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { Actor } from '../acts/actor.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import {
  ABSENCE_ACTION_LABELS,
  ABSENCE_CATEGORY_LABELS,
  ABSENCE_STATUS_LABELS,
  type AbsenceRecord,
  type LoadedAbsence,
  returnOverdue,
} from './absence.ts'
import { ABSENCE_NOT_FOUND, isGovernmentOffice } from './act-on-absence.ts'
import type { AbsenceLine } from './absence-repository.ts'
import type { ActingSpan } from './acting-duty-hooks.ts'

export type AbsenceAct = 'approve' | 'refuse' | 'return' | 'withdraw'

const categoryLabel = (category: string) =>
  (ABSENCE_CATEGORY_LABELS as Record<string, string>)[category] ?? category

/** A line of a list of absences. */
export function absenceSummaryOf(line: AbsenceLine, today: string) {
  const { record } = line
  return {
    id: record.id,
    personName: line.personName,
    postId: record.postId,
    postTitle: line.postTitle,
    category: record.category,
    categoryLabel: categoryLabel(record.category),
    from: record.from,
    to: record.to,
    days: record.days,
    destination: record.destination,
    mode: record.mode,
    status: record.status,
    statusLabel: ABSENCE_STATUS_LABELS[record.status],
    late: record.late,
    returnOverdue: returnOverdue(record, today),
    returnedOn: record.returnedOn,
    approver: line.approverTitle,
  }
}

/** What the actor may do with the absence now. */
export function absenceActsFor(
  record: AbsenceRecord,
  actor: Pick<Actor, 'personId'> & { currentPost: HeldPost | undefined },
  today: string,
): AbsenceAct[] {
  const post = actor.currentPost
  const acts: AbsenceAct[] = []
  if (record.status === 'pending' && post && record.approverPostIds.includes(post.postId))
    acts.push('approve', 'refuse')
  const own = record.personId === actor.personId
  const inForce = record.status === 'approved' || record.status === 'filed'
  if (
    inForce &&
    (own || (post && isGovernmentOffice({ currentPost: post }))) &&
    record.from <= today
  )
    acts.push('return')
  if (own && (record.status === 'pending' || (inForce && today < record.from)))
    acts.push('withdraw')
  return acts
}

/** The absence as its page shows it: names, history with articles, what the viewer may do. */
export function absenceViewOf(
  rules: RulesPort,
  loaded: LoadedAbsence,
  actor: Pick<Actor, 'personId'> & { currentPost: HeldPost | undefined },
  today: string,
  actingSpans?: ActingSpan[],
) {
  const { record, postTitles } = loaded
  const title = (id: string | null) => (id ? (postTitles[id] ?? null) : null)
  const on = record.filedAt.slice(0, 10)
  const cite = (ruleIds: readonly string[]) =>
    citationsOf(rules, record.jurisdictionId, ruleIds, on)
  // Who acts meanwhile: as acting duty wrote it for the days the absence is in force, the rows of
  // consecutive days with the same stand-in and rule read as one span.
  const acting: ActingSpan[] = actingSpans ?? []
  if (!actingSpans) {
    let last: (NonNullable<LoadedAbsence['acting']>[number] & { span: ActingSpan }) | undefined
    for (const line of loaded.acting ?? []) {
      if (
        last &&
        addDays(last.span.to, 1) === line.from &&
        last.actingPostTitle === line.actingPostTitle &&
        last.note === line.note &&
        last.ruleId === line.ruleId
      ) {
        last.span.to = line.to
        continue
      }
      const span: ActingSpan = {
        from: line.from,
        to: line.to,
        postTitle: title(record.postId) ?? '',
        actingPostTitle: line.actingPostTitle,
        actingHolders: line.actingHolders,
        gap: false,
        note: line.note,
        citations: line.ruleId ? cite([line.ruleId]) : [],
      }
      acting.push(span)
      last = { ...line, span }
    }
  }
  return {
    ...absenceSummaryOf(
      {
        record,
        personName: loaded.personName,
        postTitle: title(record.postId) ?? '',
        approverTitle: title(record.approverPostId),
      },
      today,
    ),
    reason: record.reason,
    contact: record.contact,
    standIn: title(record.standInPostId),
    approvers: record.approverPostIds.map((id) => title(id) ?? id),
    via: record.viaPostIds.map((id) => title(id) ?? id),
    inform: record.informPostIds.map((id) => title(id) ?? id),
    fileWith: record.fileWithPostIds.map((id) => title(id) ?? id),
    reportBackTo: record.reportBackPostIds.map((id) => title(id) ?? id),
    filedAt: record.filedAt,
    latestFiling: record.latestFiling,
    conflict: record.conflict
      ? { ...record.conflict, conflict: true, citations: cite(record.conflict.ruleIds) }
      : null,
    opinion: record.opinion,
    returnReport: record.returnReport,
    history: loaded.history.map((entry) => {
      const acting = entry.details.acting as Partial<ActingRecord> | undefined
      return {
        at: entry.occurredAt,
        action: entry.action,
        actionLabel: ABSENCE_ACTION_LABELS[entry.action] ?? entry.action,
        personName: entry.actorName,
        postTitle: entry.actorPostTitle,
        actingNote: acting?.note
          ? `${acting.byTitle ? `${acting.byTitle}，` : ''}${acting.note}`
          : null,
        opinion: entry.text,
        citations: cite(entry.ruleIds),
      }
    }),
    acting,
    citations: cite(record.ruleIds),
    acts: absenceActsFor(record, actor, today),
  }
}

export type AbsenceView = ReturnType<typeof absenceViewOf>

/** One absence as its page shows it (one statement beyond the actor). */
export async function viewAbsence(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  absenceId: string,
): Promise<AbsenceView> {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  const loaded = await r.absences.load(viewer, absenceId)
  if (!loaded) throw ABSENCE_NOT_FOUND()
  return absenceViewOf(
    deps.rules,
    loaded,
    { personId: session.personId as string, currentPost: viewer.currentPost },
    shanghaiDateOf(now.getTime()),
  )
}
