import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  type AbsenceDeps,
  actOnAbsence,
  assertAbsenceStatus,
  messageToRequester,
} from './act-on-absence.ts'
import { assertAbsenceApprover } from './approve-absence-request.ts'
import { type AbsenceView, absenceViewOf } from './view-absence.ts'

/** 不予批准, with the reason: the requester hears of it; nothing else changes. */
export async function refuseAbsenceRequest(
  deps: AbsenceDeps,
  session: SessionRecord,
  input: { absenceId: string; reason: string },
): Promise<AbsenceView> {
  const reason = input.reason.trim()
  if (!reason)
    throw new InvalidInputError('REASON_REQUIRED', '请填写不予批准的理由', [
      { path: 'reason', message: '请填写不予批准的理由' },
    ])
  const { after, actor, today } = await actOnAbsence(
    deps,
    session,
    input.absenceId,
    async ({ actor, at }, { record, postTitles }) => {
      assertAbsenceStatus(record, ['pending'], '审批')
      assertAbsenceApprover(deps, record, postTitles, actor.currentPost, '审批')
      return {
        action: 'refuse',
        text: reason,
        ruleIds: record.ruleIds,
        changes: {
          status: 'refused',
          approverPostId: actor.currentPost.postId,
          decidedAt: at,
          decidedByPostId: actor.currentPost.postId,
          opinion: reason,
        },
        notify: (after) => [
          messageToRequester(after, at, {
            kind: 'approval',
            title: `请假（外出）申请未获批准（${after.from}至${after.to}）`,
            body: reason,
            key: 'refuse',
          }),
        ],
      }
    },
  )
  return absenceViewOf(deps.rules, after, actor, today)
}
