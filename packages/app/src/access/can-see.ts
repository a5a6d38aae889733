import { rankOf, type SecrecyLevel } from './secrecy.ts'

/** Who is asking: their jurisdiction, the posts they hold that day, those posts' departments, their clearance. */
export interface Viewer {
  jurisdictionId: string
  postIds: readonly string[]
  departmentIds: readonly string[]
  clearance: SecrecyLevel
}

/** The access facts every protected record carries. */
export interface Protected {
  jurisdictionId: string
  secrecy: SecrecyLevel
  /** 知悉范围: posts and departments that may know. Empty means everyone in the jurisdiction. */
  distributionPosts: readonly string[]
  distributionDepartments: readonly string[]
}

/**
 * The access rule, stated once: same jurisdiction, cleared for the level, and inside the
 * distribution unless the record is public. The data-access layer applies the same rule in SQL
 * (`visibleTo`); the access-control matrix test checks the two agree.
 */
export function canSee(viewer: Viewer, record: Protected): boolean {
  if (viewer.jurisdictionId !== record.jurisdictionId) return false
  if (rankOf(record.secrecy) > rankOf(viewer.clearance)) return false
  if (record.secrecy === 'public') return true
  if (record.distributionPosts.length === 0 && record.distributionDepartments.length === 0)
    return true
  return (
    record.distributionPosts.some((post) => viewer.postIds.includes(post)) ||
    record.distributionDepartments.some((department) => viewer.departmentIds.includes(department))
  )
}
