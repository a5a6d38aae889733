import type { Actor } from '../acts/actor.ts'
import { NotPermittedError } from '../errors.ts'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'
import type { DutyUnitRecord } from './duty-roster.ts'

/**
 * Who keeps the rosters (contract C5): the government office, and the posts of a duty unit for
 * its own roster (总值班室 for the 总值班室's, 应急办 for its own).
 */
export function mayManageDuty(
  actor: Pick<Actor, 'posts' | 'currentPost'>,
  unit?: Pick<DutyUnitRecord, 'departmentId'>,
): boolean {
  const post = actor.currentPost
  if (!post) return false
  if (isGovernmentOfficePost(post)) return true
  return unit !== undefined && post.departmentId === unit.departmentId
}

export function assertMayManageDuty(
  actor: Pick<Actor, 'posts' | 'currentPost'>,
  unit?: Pick<DutyUnitRecord, 'departmentId'>,
): void {
  if (!mayManageDuty(actor, unit))
    throw new NotPermittedError(
      'DUTY_NOT_KEEPER',
      unit ? '只有政府办公室或本值班单位可以编排值班表' : '只有政府办公室可以设置值班单位',
    )
}
