import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  actOnEventRequest,
  assertGovernmentOffice,
  assertRequestStatus,
  type EventRequestDeps,
  eventRequestLink,
} from './act-on-event-request.ts'
import type { EventRequest } from './event-request.ts'

/**
 * 审核会议活动申请: the government office agrees to a pending request (the department and the
 * leaders invited are told) or refuses it with its reasons (the department is told).
 */
export function decideEventRequest(
  deps: EventRequestDeps,
  session: SessionRecord,
  input: { requestId: string; approve: boolean; opinion?: string },
): Promise<EventRequest> {
  return actOnEventRequest(deps, session, input.requestId, async ({ actor, at }, request) => {
    assertGovernmentOffice(actor.currentPost, '审核会议活动申请')
    assertRequestStatus(request, ['pending'], input.approve ? '同意' : '不同意')
    const opinion = input.opinion?.trim() || null
    if (!input.approve && !opinion)
      throw new InvalidInputError('REASON_REQUIRED', '不同意须说明理由')
    return {
      action: input.approve ? 'approve' : 'refuse',
      text: opinion,
      ruleIds: [],
      changes: {
        status: input.approve ? 'approved' : 'refused',
        decidedAt: at,
        decidedByPostId: actor.currentPost.postId,
        opinion,
      },
      notify: (after) => [
        {
          jurisdictionId: after.jurisdictionId,
          recipient: { departmentId: after.unitId },
          kind: 'approval',
          title: `会议活动申请${input.approve ? '已同意' : '未同意'}：${after.title}`,
          body: opinion ?? undefined,
          link: eventRequestLink(after.id),
          secrecy: after.secrecy,
          at,
        },
        ...(input.approve ? after.invitedPostIds : []).map((postId) => ({
          jurisdictionId: after.jurisdictionId,
          recipient: { postId },
          kind: 'meeting' as const,
          title: `活动安排：${after.date} ${after.title}`,
          body: after.place || undefined,
          link: eventRequestLink(after.id),
          secrecy: after.secrecy,
          at,
        })),
      ],
    }
  })
}
