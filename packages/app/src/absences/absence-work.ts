import type { Viewer } from '../access/can-see.ts'
import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { AwaitingWork } from '../workbench/list-awaiting-work.ts'
import { ABSENCE_CATEGORY_LABELS, returnOverdue } from './absence.ts'

const LIMIT = 200
const categoryLabel = (category: string) =>
  (ABSENCE_CATEGORY_LABELS as Record<string, string>)[category] ?? category

/**
 * 请销假 in the workbench (issue 15, C3): requests waiting on the current post's decision (due by
 * the day of departure: the articles ask 事先), and the signed-in traveller's 销假 not yet filed
 * (due the last day away). Two statements.
 */
export async function absenceWork(
  r: Repositories,
  viewer: Viewer,
  post: HeldPost,
  personId: string,
  today: string,
): Promise<Omit<AwaitingWork, 'workingDaysLeft' | 'overdue' | 'warnings'>[]> {
  const [toDecide, mine] = await Promise.all([
    r.absences.list(viewer, { scope: 'toDecide', personId, postIds: [post.postId], limit: LIMIT }),
    r.absences.list(viewer, { scope: 'mine', personId, postIds: [], to: today, limit: LIMIT }),
  ])
  return [
    ...toDecide.map(({ record, personName, postTitle }) => ({
      kind: 'decideAbsence',
      kindLabel: '审批请假（外出）',
      section: 'absences' as const,
      target: { type: 'absence' as const, id: record.id },
      title: `${postTitle}${personName}${categoryLabel(record.category)}（${record.from}至${record.to}，${record.destination}）`,
      from: postTitle,
      since: record.updatedAt,
      dueDate: record.from,
    })),
    ...mine
      .filter(({ record }) => returnOverdue(record, today))
      .map(({ record }) => ({
        kind: 'reportReturn',
        kindLabel: '销假',
        section: 'absences' as const,
        target: { type: 'absence' as const, id: record.id },
        title: `${categoryLabel(record.category)}（${record.from}至${record.to}，${record.destination}）未销假`,
        from: null,
        since: record.decidedAt ?? record.filedAt,
        dueDate: record.to,
      })),
  ]
}
