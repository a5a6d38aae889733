import { shanghaiDateOf } from '@zhengling/rules'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'
import type { ActDeps } from '../acts/act-kernel.ts'
import { type Actor, actingIn, actorOfSession } from '../acts/actor.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { ask, citationsOf } from '../documents/document-rules.ts'
import { InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { ReturnedAbroad } from './abroad-follow-up.ts'

/** The duties after the return, as the rulebook answers them from the return day. */
export function followUpsOf(rules: RulesPort, trip: ReturnedAbroad) {
  const answer = ask<{ deadlines: { ruleId: string; act: string | null; due: string }[] }>(
    rules,
    trip.jurisdictionId,
    'event-deadline',
    { event: 'returnFromAbroad', at: trip.returnedOn },
  )
  return (answer?.outcome.deadlines ?? []).map((deadline) => ({
    ...deadline,
    due: deadline.due.slice(0, 10),
    citations: citationsOf(rules, trip.jurisdictionId, [deadline.ruleId], trip.returnedOn),
  }))
}

/** The traveller, or the government office, may record a follow-up done. */
const mayRecord = (actor: Actor, trip: ReturnedAbroad) =>
  actor.personId === trip.personId ||
  (actor.currentPost !== undefined && isGovernmentOfficePost(actor.currentPost))

/**
 * 出访后续事项: for each trip abroad closed by 销假 (the viewer's own; the office sees all), the
 * duties the rulebook sets from the return with their due dates and articles, done or overdue.
 */
export async function listAbroadFollowUps(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
) {
  const now = deps.now()
  const today = shanghaiDateOf(now.getTime())
  const actor = await actorOfSession(r, session, now)
  const office = actor.currentPost !== undefined && isGovernmentOfficePost(actor.currentPost)
  const trips = await r.abroadFollowUps.returnedAbroad(actor, {
    ...(office ? {} : { personId: actor.personId }),
    limit: 200,
  })
  return {
    today,
    items: trips.flatMap((trip) =>
      followUpsOf(deps.rules, trip).map((followUp) => {
        const done = trip.done.find((entry) => entry.ruleId === followUp.ruleId)
        return {
          absenceId: trip.absenceId,
          personName: trip.personName,
          postTitle: trip.postTitle,
          destination: trip.destination,
          from: trip.from,
          to: trip.to,
          returnedOn: trip.returnedOn,
          ruleId: followUp.ruleId,
          act: followUp.act ?? '',
          due: followUp.due,
          doneOn: done?.doneOn ?? null,
          recordedBy: done?.recordedBy ?? null,
          overdue: !done && followUp.due < today,
          citations: followUp.citations,
          mayRecord: !done && mayRecord(actor, trip),
        }
      }),
    ),
  }
}

/**
 * Records one follow-up done (公务护照已上缴, 出访总结已报送) on the day given (today by default),
 * by the traveller or the office, with its audit record. Only a duty the rulebook sets for the
 * trip, once.
 */
export function recordAbroadFollowUp(
  deps: ActDeps,
  session: SessionRecord,
  input: { absenceId: string; ruleId: string; doneOn?: string },
): Promise<{ absenceId: string; ruleId: string; doneOn: string }> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const at = now.toISOString()
    const today = shanghaiDateOf(now.getTime())
    const actor = actingIn(await actorOfSession(r, session, now))
    const [trip] = await r.abroadFollowUps.returnedAbroad(actor, {
      absenceId: input.absenceId,
      limit: 1,
      forUpdate: true,
    })
    if (!trip) throw new NotFoundError('TRIP_NOT_FOUND', '没有这次已销假的出访，或您无权查看')
    if (!mayRecord(actor, trip))
      throw new NotPermittedError('NOT_TRAVELLER_OR_OFFICE', '只有出访本人或政府办公室可以登记')
    const followUp = followUpsOf(deps.rules, trip).find((f) => f.ruleId === input.ruleId)
    if (!followUp)
      throw new InvalidInputError('NOT_A_FOLLOW_UP', '工作规则对这次出访没有规定该项后续事项')
    if (trip.done.some((entry) => entry.ruleId === input.ruleId))
      throw new NotPermittedError('ALREADY_RECORDED', `${followUp.act ?? '该事项'}已登记办结`)
    const doneOn = input.doneOn ?? today
    if (doneOn > today || doneOn < trip.returnedOn)
      throw new InvalidInputError('DONE_ON_OUT_OF_RANGE', '办结日期应在回国之日与今天之间', [
        { path: 'doneOn', message: '应在回国之日与今天之间' },
      ])
    await r.abroadFollowUps.recordDone({
      absenceId: trip.absenceId,
      ruleId: input.ruleId,
      jurisdictionId: trip.jurisdictionId,
      doneOn,
      personId: actor.personId,
      postId: actor.currentPost.postId,
      at,
    })
    await r.audit.append(
      auditEntry({
        jurisdictionId: trip.jurisdictionId,
        occurredAt: at,
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'abroadFollowUp.record',
        subject: trip.absenceId,
        afterDigest: digestOf({ ruleId: input.ruleId, doneOn }, deps.hasher),
        ruleIds: [input.ruleId],
        details: { act: followUp.act, due: followUp.due, doneOn, late: doneOn > followUp.due },
      }),
      deps.hasher,
    )
    return { absenceId: trip.absenceId, ruleId: input.ruleId, doneOn }
  })
}
