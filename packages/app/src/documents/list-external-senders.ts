import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'

/**
 * The 来文单位 the office has written on documents it registered and the reader may see, most
 * used first: suggestions for the next registration (the field stays free text).
 */
export async function listExternalSenders(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
): Promise<string[]> {
  const { viewer } = await actorOf(r, session, deps.now())
  return r.documents.externalSenders(viewer, { limit: 50 })
}
