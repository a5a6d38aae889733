import type { Holding, holdingsDirectoryOn } from '../organisation/current-holders.ts'
import type { SupervisionItem } from './supervision-item.ts'

type Directory = Awaited<ReturnType<typeof holdingsDirectoryOn>>

/**
 * Who holds a ledger item now (当前办理): the lead unit (牵头单位) carrying it out until its due
 * date; the supervision office (督查部门) while an extension or the closing review waits on it;
 * nobody once closed.
 */
export function supervisionItemHolders(directory: Directory, item: SupervisionItem): Holding[] {
  if (item.state === 'closed') return []
  const office = (kind: string, since: string) =>
    directory
      .postsMatching('supervisionOffice')
      .map((post) => directory.holdingOf({ kind, postId: post.postId, since }))
  if (item.state === 'closeRequested') return office('reviewClosure', item.updatedAt)
  if (item.pendingExtension) return office('decideExtension', item.pendingExtension.requestedAt)
  return [
    directory.holdingOf({
      kind: 'carryOut',
      departmentId: item.leadDepartmentId,
      since: item.createdAt,
      dueDate: item.dueDate,
    }),
  ]
}
