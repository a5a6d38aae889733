import {
  actingRuleFor,
  type Citation,
  citationOf,
  datesFromTo,
  designationAllowed,
  rulesOfKind,
  shanghaiDateOf,
} from '@zhengling/rules'
import { viewerOfSession } from '../access/viewer-of-session.ts'
import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actingDaysOf, holdersOn } from './recompute-acting-duty.ts'

/** The longest span the acting table shows at once (a quarter). */
export const ACTING_VIEW_MAX_DAYS = 93

export interface ActingDutyView {
  from: string
  to: string
  days: {
    date: string
    assignments: {
      postId: string
      postTitle: string
      holders: string[]
      actingPostId: string
      actingPostTitle: string
      actingHolders: string[]
      source: 'rule' | 'designation' | 'standIn'
      note: string
      citations: Citation[]
    }[]
    gaps: { postId: string; postTitle: string; summary: string; citations: Citation[] }[]
  }[]
  designations: {
    id: string
    postId: string
    postTitle: string
    actingPostId: string
    actingPostTitle: string
    from: string
    to: string
    reason: string
  }[]
  /** The posts the office may designate an acting leader for, with the article allowing it. */
  designable: { postId: string; postTitle: string; citations: Citation[] }[]
  /** Whether the signed-in post may designate (the office director, or the rule's decidedBy). */
  canDesignate: boolean
}

/**
 * Who acts for whom on each day of a span in the actor's jurisdiction (代行职责 table), the days
 * nobody can (gaps), and the office's designations. Computed from absences and the acting rules,
 * as the acts follow it. Read in one statement.
 */
export async function viewActingDuty(
  deps: {
    repositories: Pick<Repositories, 'organisation' | 'acting'>
    rules: RulesPort
    now: Date
  },
  session: SessionRecord,
  query: { from?: string; to?: string },
): Promise<ActingDutyView> {
  const viewer = await viewerOfSession(deps.repositories.organisation, session, deps.now)
  const today = shanghaiDateOf(deps.now.getTime())
  const from = query.from ?? today
  const to =
    query.to ??
    new Date(Date.parse(`${from}T00:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10)
  const span = datesFromTo(from, to).length
  if (span === 0 || span > ACTING_VIEW_MAX_DAYS)
    throw new InvalidInputError(
      'ACTING_SPAN',
      `查询区间须为1至${ACTING_VIEW_MAX_DAYS}天，且结束日期不早于开始日期`,
    )
  const jurisdictionId = viewer.jurisdictionId
  const inputs = await deps.repositories.acting.inputs(jurisdictionId, from, to)
  const titleOf = new Map(inputs.posts.map((post) => [post.postId, post.title]))
  const days = actingDaysOf(deps.rules, jurisdictionId, inputs, from, to)
  const rulebook = deps.rules.rulebook(jurisdictionId, today)
  return {
    from,
    to,
    days: days.map((day) => ({
      date: day.date,
      assignments: day.assignments.map((a) => ({
        postId: a.postId,
        postTitle: titleOf.get(a.postId) ?? '',
        holders: holdersOn(inputs, a.postId, day.date),
        actingPostId: a.actingPostId,
        actingPostTitle: titleOf.get(a.actingPostId) ?? '',
        actingHolders: holdersOn(inputs, a.actingPostId, day.date),
        source: a.source,
        note: a.note,
        citations: a.citations,
      })),
      gaps: day.gaps.map((gap) => ({
        postId: gap.postId,
        postTitle: titleOf.get(gap.postId) ?? '',
        summary: gap.summary,
        citations: gap.citations,
      })),
    })),
    designations: inputs.designations.map((d) => ({
      id: d.id,
      postId: d.postId,
      postTitle: titleOf.get(d.postId) ?? '',
      actingPostId: d.actingPostId,
      actingPostTitle: titleOf.get(d.actingPostId) ?? '',
      from: d.from,
      to: d.to,
      reason: d.reason,
    })),
    designable: rulebook
      ? inputs.posts.flatMap((post) => {
          const rule = actingRuleFor(rulebook, post, today)
          return rule && designationAllowed(rule)
            ? [
                {
                  postId: post.postId,
                  postTitle: post.title,
                  citations: [citationOf(rule)],
                },
              ]
            : []
        })
      : [],
    // The office director, or a post an acting rule leaves the choice to (受区长委托: the 区长).
    canDesignate:
      viewer.currentPost?.role === 'officeDirector' ||
      (rulebook !== undefined &&
        rulesOfKind(rulebook, 'acting', today).some((rule) =>
          (rule.params.decidedBy ?? []).includes(viewer.currentPost?.role ?? ''),
        )),
  }
}
