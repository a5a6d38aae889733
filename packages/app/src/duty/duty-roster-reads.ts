import type { Repositories } from '../unit-of-work.ts'

/**
 * Who is on duty at an instant (issue 16, contract C3): the port other modules use (incident
 * escalation, opinions, the duty board). The duty office is the unit the rules name
 * `dutyOffice` (总值班室); only published shifts count.
 */

/** The duty office's rulebook post (钟山 第五十七条 政务总值班, 木里 第八十八条 县政府总值班室). */
export const DUTY_OFFICE = 'dutyOffice'

export interface DutyLeaderOnCall {
  personId: string
  postId: string | null
  name: string
  shiftId: string
}

/** The 带班领导 of the jurisdiction's duty office shift covering `at`, or null. */
export async function dutyLeaderAt(
  r: Pick<Repositories, 'dutyRosters'>,
  jurisdictionId: string,
  at: string,
): Promise<DutyLeaderOnCall | null> {
  const onCall = await r.dutyRosters.onDutyAt(jurisdictionId, at, DUTY_OFFICE)
  const withLeader = onCall.find((shift) => shift.leader !== null)
  return withLeader?.leader ? { ...withLeader.leader, shiftId: withLeader.shiftId } : null
}

/** The staff (值班员) of the jurisdiction's duty office shift(s) covering `at`. */
export async function dutyStaffAt(
  r: Pick<Repositories, 'dutyRosters'>,
  jurisdictionId: string,
  at: string,
): Promise<{ personId: string; name: string; shiftId: string }[]> {
  const onCall = await r.dutyRosters.onDutyAt(jurisdictionId, at, DUTY_OFFICE)
  return onCall.flatMap((shift) =>
    shift.staff.map((person) => ({ ...person, shiftId: shift.shiftId })),
  )
}
