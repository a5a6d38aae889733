import { actorOf } from '../documents/act-on-document.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { Repositories } from '../unit-of-work.ts'

/** 通报 issued in the viewer's jurisdiction, latest first. */
export async function listSupervisionCirculars(
  r: Repositories,
  deps: { now: () => Date },
  session: SessionRecord,
) {
  const { viewer } = await actorOf(r, session, deps.now())
  return r.supervision.circulars(viewer.jurisdictionId, 50)
}
