import type { Viewer } from '../access/can-see.ts'

/**
 * 因公出国(境) follow-ups (issue 15): what the rulebook asks after a trip abroad is closed by
 * 销假 (二连浩特 六十一: 回国后7日内上缴公务护照, 1个月内报送出访总结), each due from the return day
 * as the rulebook answers it, and recorded done by the traveller or the government office.
 */

/** An 出访 absence closed by 销假, with the follow-ups already recorded done. */
export interface ReturnedAbroad {
  absenceId: string
  jurisdictionId: string
  personId: string
  personName: string
  postTitle: string
  destination: string
  from: string
  to: string
  returnedOn: string
  done: { ruleId: string; doneOn: string; recordedBy: string | null }[]
}

/** The follow-ups store (packages/db/src/abroad-follow-up-repository.ts). */
export interface AbroadFollowUpRepository {
  /**
   * Returned 出访 absences the viewer may see, latest return first: one person's (personId) or
   * all of them (the office). `forUpdate` locks the one asked by `absenceId`.
   */
  returnedAbroad(
    viewer: Viewer,
    query: { personId?: string; absenceId?: string; limit: number; forUpdate?: boolean },
  ): Promise<ReturnedAbroad[]>
  recordDone(row: {
    absenceId: string
    ruleId: string
    jurisdictionId: string
    doneOn: string
    personId: string
    postId: string
    at: string
  }): Promise<void>
}
