import { articleOfRule, withActing } from '../acting/acting-note.ts'
import { type ActDeps, type ActFrame, runAct, type SubjectStore } from '../acts/act-kernel.ts'
import type { ActingActor } from '../acts/actor.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { NewNotification } from '../notifications/notification.ts'
import type { Repositories } from '../unit-of-work.ts'
import { recomputeActingAfterAbsence } from './acting-duty-hooks.ts'
import { absenceRemindersOf } from './absence-reminders.ts'
import {
  ABSENCE_STATUS_LABELS,
  type AbsenceRecord,
  type AbsenceStatus,
  type LoadedAbsence,
} from './absence.ts'
import type { AbsenceChanges } from './absence-repository.ts'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'

/** 请销假 acts take what every act takes (acts/act-kernel.ts). */
export type AbsenceDeps = ActDeps

/** What one act on an absence decides; the kernel's store writes it. */
export interface AbsenceActOutcome {
  action: string
  text: string | null
  ruleIds: string[]
  details?: Record<string, unknown>
  changes: AbsenceChanges
  /** Messages the act sends (approver, requester, posts informed, 销假 to). */
  notify: (record: AbsenceRecord, at: string) => NewNotification[]
}

/** The state after an act: the absence as the answer shows it. */
export type AbsenceAfter = LoadedAbsence

export const ABSENCE_NOT_FOUND = () =>
  new NotFoundError('ABSENCE_NOT_FOUND', '没有这个请假（外出）记录，或您无权查看')

/**
 * One act on an absence, on the act kernel: the absence locked and loaded through the access
 * rule with its names and history in one statement, the act (which only decides), then its
 * change with its history entry (one statement), its messages (one), its audit record (one)
 * and, when it changes who is away, acting duty over its span. Answers the absence as it now
 * stands, from the state in hand.
 */
export async function actOnAbsence(
  deps: AbsenceDeps,
  session: SessionRecord,
  absenceId: string,
  act: (frame: ActFrame, loaded: LoadedAbsence) => Promise<AbsenceActOutcome>,
): Promise<{ after: AbsenceAfter; actor: ActingActor; today: string }> {
  let frameOf: ActFrame | undefined
  const { after } = await runAct(deps, session, absenceId, absenceStore(deps), (frame, loaded) => {
    frameOf = frame
    return act(frame, loaded)
  })
  const frame = frameOf as ActFrame
  return { after, actor: frame.actor, today: frame.today }
}

function absenceStore(
  deps: AbsenceDeps,
): SubjectStore<LoadedAbsence & { actorName: string | null }, AbsenceActOutcome, AbsenceAfter> {
  return {
    lock: ({ r, actor }, id) =>
      r.absences.load(actor, id, { forUpdate: true, actorPersonId: actor.personId }),
    notFound: ABSENCE_NOT_FOUND,
    async apply({ r, actor, at, today }, loaded, outcome) {
      const before = loaded.record
      const record: AbsenceRecord = {
        ...before,
        ...outcome.changes,
        version: before.version + 1,
        updatedAt: at,
      }
      // Done in an acting post: the history and the audit say so, with the article (代行…).
      const { ruleIds, details } = withActing(
        actor.currentPost,
        outcome,
        articleOfRule(deps.rules, before.jurisdictionId, today),
      )
      await r.absences.update(
        before.id,
        outcome.changes,
        at,
        {
          absenceId: before.id,
          occurredAt: at,
          actorPersonId: actor.personId,
          actorPostId: actor.currentPost.postId,
          action: outcome.action,
          text: outcome.text,
          ruleIds,
          details,
        },
        timersOf(record, at),
      )
      await sendAll(r, outcome.notify(record, at))
      await auditAbsence(r, deps, { record, before, at, actor, ...outcome, ruleIds, details })
      if (changesWhoIsAway(before.status, record.status))
        await recomputeActingAfterAbsence(
          r,
          deps.rules,
          record.jurisdictionId,
          record.from,
          record.to,
        )
      return {
        record,
        personName: loaded.personName,
        postRole: loaded.postRole,
        overlapping: loaded.overlapping,
        postTitles: {
          ...loaded.postTitles,
          [actor.currentPost.postId]: actor.currentPost.title,
        },
        history: [
          ...loaded.history,
          {
            occurredAt: at,
            actorPersonId: actor.personId,
            actorPostId: actor.currentPost.postId,
            actorName: loaded.actorName,
            actorPostTitle: actor.currentPost.title,
            action: outcome.action,
            text: outcome.text,
            ruleIds,
            details,
          },
        ],
      }
    },
  }
}

/** The durable timers the absence needs after an act (absence-reminders.ts): written with it. */
export function timersOf(record: AbsenceRecord, at: string) {
  return absenceRemindersOf({
    id: record.id,
    jurisdictionId: record.jurisdictionId,
    status: record.status,
    mode: record.mode,
    fromDate: record.from,
    toDate: record.to,
    at,
  })
}

/** Whether a change of status changes who is away (and so who acts). */
function changesWhoIsAway(before: AbsenceStatus, after: AbsenceStatus): boolean {
  const away = (status: AbsenceStatus) =>
    status === 'approved' || status === 'filed' || status === 'returned'
  return away(before) !== away(after) || (away(after) && before !== after)
}

/** The messages of one act, in one statement (none: no statement). */
export async function sendAll(r: Repositories, messages: readonly NewNotification[]) {
  if (messages.length) await r.notifications.notifyAll(messages)
}

/** The audit record of one act on an absence. */
export async function auditAbsence(
  r: Repositories,
  deps: Pick<AbsenceDeps, 'hasher'>,
  act: {
    record: AbsenceRecord
    before: AbsenceRecord | null
    at: string
    actor: ActingActor
    action: string
    text: string | null
    ruleIds: string[]
    details?: Record<string, unknown>
  },
) {
  const state = (record: AbsenceRecord) => ({
    status: record.status,
    from: record.from,
    to: record.to,
    category: record.category,
    approverPostId: record.approverPostId,
    returnedOn: record.returnedOn,
    late: record.late,
  })
  await r.audit.append(
    auditEntry({
      jurisdictionId: act.record.jurisdictionId,
      occurredAt: act.at,
      actorPersonId: act.actor.personId,
      actorPostId: act.actor.currentPost.postId,
      action: `absence.${act.action}`,
      subject: act.record.id,
      beforeDigest: act.before ? digestOf(state(act.before), deps.hasher) : null,
      afterDigest: digestOf({ ...state(act.record), text: act.text }, deps.hasher),
      ruleIds: act.ruleIds,
      details: { postId: act.record.postId, ...act.details },
    }),
    deps.hasher,
  )
}

/** Refuses an act in a status that does not allow it, naming the status. */
export function assertAbsenceStatus(
  record: AbsenceRecord,
  allowed: readonly AbsenceStatus[],
  act: string,
): void {
  if (!allowed.includes(record.status))
    throw new NotPermittedError(
      'WRONG_STATE',
      `该申请当前状态为"${ABSENCE_STATUS_LABELS[record.status]}"，不能${act}`,
    )
}

/** Whether the actor works in the government office (which keeps the leaders' whereabouts). */
export const isGovernmentOffice = (actor: Pick<ActingActor, 'currentPost'>) =>
  isGovernmentOfficePost(actor.currentPost)

/** Messages to posts about an absence (its page in the web app). */
export function messagesTo(
  postIds: Iterable<string>,
  record: AbsenceRecord,
  at: string,
  message: { kind: NewNotification['kind']; title: string; body?: string; key: string },
): NewNotification[] {
  return [...new Set(postIds)].map((postId) => ({
    jurisdictionId: record.jurisdictionId,
    recipient: { postId },
    kind: message.kind,
    title: message.title,
    body: message.body,
    link: `/absences/${record.id}`,
    secrecy: record.secrecy,
    at,
    dedupeKey: `absence:${record.id}:${message.key}:${postId}`,
  }))
}

/** A message to the person who asked (wherever they serve now). */
export function messageToRequester(
  record: AbsenceRecord,
  at: string,
  message: { kind: NewNotification['kind']; title: string; body?: string; key: string },
): NewNotification {
  return {
    jurisdictionId: record.jurisdictionId,
    recipient: { personId: record.personId },
    kind: message.kind,
    title: message.title,
    body: message.body,
    link: `/absences/${record.id}`,
    secrecy: record.secrecy,
    at,
    dedupeKey: `absence:${record.id}:${message.key}`,
  }
}
