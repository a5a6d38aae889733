import { NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  actOnEventRequest,
  assertRequestStatus,
  type EventRequestDeps,
} from './act-on-event-request.ts'
import type { EventRequest } from './event-request.ts'

/** 撤回: the department that asked withdraws a request the office has not yet decided. */
export function withdrawEventRequest(
  deps: EventRequestDeps,
  session: SessionRecord,
  input: { requestId: string },
): Promise<EventRequest> {
  return actOnEventRequest(deps, session, input.requestId, async ({ actor }, request) => {
    if (actor.currentPost.departmentId !== request.unitId)
      throw new NotPermittedError('NOT_OWN_DEPARTMENT', '只有提出申请的部门可以撤回')
    assertRequestStatus(request, ['pending'], '撤回')
    return {
      action: 'withdraw',
      text: null,
      ruleIds: [],
      changes: { status: 'withdrawn' },
      notify: () => [],
    }
  })
}
