import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  type AbsenceDeps,
  actOnAbsence,
  assertAbsenceStatus,
  messagesTo,
} from './act-on-absence.ts'
import { type AbsenceView, absenceViewOf } from './view-absence.ts'

/**
 * 撤回: the requester withdraws a pending request, or one in force before it starts. Those who
 * were to decide or were informed hear of it; acting duty over the span follows.
 */
export async function withdrawAbsenceRequest(
  deps: AbsenceDeps,
  session: SessionRecord,
  input: { absenceId: string },
): Promise<AbsenceView> {
  const { after, actor, today } = await actOnAbsence(
    deps,
    session,
    input.absenceId,
    async ({ actor, at, today }, { record }) => {
      assertAbsenceStatus(record, ['pending', 'approved', 'filed'], '撤回')
      if (record.personId !== actor.personId)
        throw new NotPermittedError('NOT_YOUR_ABSENCE', '只有本人可以撤回')
      if (record.status !== 'pending' && record.from <= today)
        throw new NotPermittedError('ABSENCE_STARTED', '外出已开始，请在返回后销假')
      const told =
        record.status === 'pending'
          ? [...record.approverPostIds, ...record.viaPostIds]
          : [...record.informPostIds, ...record.fileWithPostIds]
      return {
        action: 'withdraw',
        text: null,
        ruleIds: record.ruleIds,
        changes: { status: 'withdrawn' },
        notify: (after) =>
          messagesTo(told, after, at, {
            kind: 'approval',
            title: `已撤回：${after.from}至${after.to}的请假（外出）`,
            key: 'withdraw',
          }),
      }
    },
  )
  return absenceViewOf(deps.rules, after, actor, today)
}
