import { shanghaiDateOf } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'
import { recipientOptionsOf } from './recipients.ts'

/**
 * What a drafter may address a document to (主送/抄送): the jurisdiction's recipient groups with
 * their units, and every unit with whether anyone holds a post of it today.
 */
export async function listRecipientOptions(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
) {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  return recipientOptionsOf(r, viewer.jurisdictionId, shanghaiDateOf(now.getTime()))
}
