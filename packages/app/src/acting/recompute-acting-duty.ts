import {
  type ActingDay,
  type ActingPost,
  actingDutyOver,
  actingSpansOf,
  type AwaySpan,
  type Citation,
} from '@zhengling/rules'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { ActingInputs } from './acting-repository.ts'

/** The posts as they are on a day: held or not. */
function postsOn(inputs: ActingInputs, date: string): ActingPost[] {
  return inputs.posts.map((post) => ({
    postId: post.postId,
    role: post.role,
    title: post.title,
    unitRulebookPost: post.unitRulebookPost,
    held: holdersOn(inputs, post.postId, date).length > 0,
  }))
}

/** Who holds a post on a day. */
export function holdersOn(inputs: ActingInputs, postId: string, date: string): string[] {
  const post = inputs.posts.find((p) => p.postId === postId)
  return (post?.holdings ?? [])
    .filter((h) => h.from <= date && (h.to === null || date <= h.to))
    .map((h) => h.name)
}

/** The acting duty on each day from `from` to `to`, from what `inputs` holds. */
export function actingDaysOf(
  rules: RulesPort,
  jurisdictionId: string,
  inputs: ActingInputs,
  from: string,
  to: string,
  extraAway: readonly AwaySpan[] = [],
): ActingDay[] {
  return actingDutyOver({
    rulebookOn: (date) => rules.rulebook(jurisdictionId, date),
    from,
    to,
    posts: (date) => postsOn(inputs, date),
    away: [...inputs.away, ...extraAway],
    designations: inputs.designations,
  })
}

/**
 * Rewrites who acts for whom over the days from `from` to `to` (issue 15, contract C4): called
 * in the transaction of every act that changes an absence (approve, file, return, withdraw) or a
 * designation. Three statements: the jurisdiction's acting lock (concurrent recomputes over
 * overlapping days run in turn, each reading what the other committed), the inputs read, then
 * the computed rows of those days replaced (designations themselves stay; roster rows stay).
 */
export async function recomputeActingDuty(
  r: Pick<Repositories, 'acting'>,
  rules: RulesPort,
  jurisdictionId: string,
  from: string,
  to: string,
): Promise<void> {
  await r.acting.lock(jurisdictionId)
  const inputs = await r.acting.inputs(jurisdictionId, from, to)
  const days = actingDaysOf(rules, jurisdictionId, inputs, from, to)
  await r.acting.replaceComputed(
    jurisdictionId,
    from,
    to,
    actingSpansOf(days).map((span) => ({
      postId: span.postId,
      actingPostId: span.actingPostId,
      from: span.from,
      to: span.to,
      source: span.source,
      ruleId: span.ruleIds[0] ?? null,
      absenceId: span.absenceId,
      note: span.note,
    })),
  )
}

/** One line of what acting would be, as the absence form shows it before submitting. */
export interface ActingPreviewLine {
  from: string
  to: string
  postId: string
  postTitle: string
  /** Null for a gap: nobody can act and the office must name someone. */
  actingPostId: string | null
  actingPostTitle: string | null
  actingHolders: string[]
  source: 'rule' | 'designation' | 'standIn' | null
  note: string
  citations: Citation[]
}

/**
 * Who would act for whom on the days of an absence if it were approved (the others approved or
 * filed as they are): assignments and gaps over its days, merged into spans.
 */
export async function previewActingDuty(
  r: Pick<Repositories, 'acting'>,
  rules: RulesPort,
  jurisdictionId: string,
  absence: {
    postId: string
    from: string
    to: string
    standInPostId?: string | null
    /** The category asked (a rule with `during` follows only some); unknown: every rule. */
    category?: string | null
  },
): Promise<ActingPreviewLine[]> {
  const inputs = await r.acting.inputs(jurisdictionId, absence.from, absence.to)
  const days = actingDaysOf(rules, jurisdictionId, inputs, absence.from, absence.to, [
    {
      postId: absence.postId,
      absenceId: null,
      standInPostId: absence.standInPostId ?? null,
      category: absence.category ?? null,
      from: absence.from,
      to: absence.to,
    },
  ])
  return previewLinesOf(inputs, days)
}

/** Days of assignments and gaps as spans with titles and holders (the first day's holders). */
export function previewLinesOf(
  inputs: ActingInputs,
  days: readonly ActingDay[],
): ActingPreviewLine[] {
  const titleOf = new Map(inputs.posts.map((post) => [post.postId, post.title]))
  const lines: ActingPreviewLine[] = []
  const last = new Map<string, ActingPreviewLine>()
  const nextDay = (date: string) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
  const add = (date: string, line: Omit<ActingPreviewLine, 'from' | 'to'>) => {
    const key = `${line.postId}|${line.actingPostId}|${line.source}|${line.note}`
    const open = last.get(key)
    if (open && nextDay(open.to) === date) {
      open.to = date
      return
    }
    const fresh = { ...line, from: date, to: date }
    lines.push(fresh)
    last.set(key, fresh)
  }
  for (const day of days) {
    for (const a of day.assignments)
      add(day.date, {
        postId: a.postId,
        postTitle: titleOf.get(a.postId) ?? '',
        actingPostId: a.actingPostId,
        actingPostTitle: titleOf.get(a.actingPostId) ?? '',
        actingHolders: holdersOn(inputs, a.actingPostId, day.date),
        source: a.source,
        note: a.note,
        citations: a.citations,
      })
    for (const gap of day.gaps)
      add(day.date, {
        postId: gap.postId,
        postTitle: titleOf.get(gap.postId) ?? '',
        actingPostId: null,
        actingPostTitle: null,
        actingHolders: [],
        source: null,
        note: gap.summary,
        citations: gap.citations,
      })
  }
  return lines
}

/** A day and post nobody can act for, with the rule that leaves it open (the office must fill it). */
export interface ActingGapLine {
  date: string
  postId: string
  postTitle: string
  summary: string
  citations: Citation[]
}

/**
 * The days from `from` to `to` on which an away post's duty has nobody to act (the acting-gap
 * reminder, contract C5): one statement.
 */
export async function actingGaps(
  r: Pick<Repositories, 'acting'>,
  rules: RulesPort,
  jurisdictionId: string,
  from: string,
  to: string,
): Promise<ActingGapLine[]> {
  const inputs = await r.acting.inputs(jurisdictionId, from, to)
  const titleOf = new Map(inputs.posts.map((post) => [post.postId, post.title]))
  return actingDaysOf(rules, jurisdictionId, inputs, from, to).flatMap((day) =>
    day.gaps.map((gap) => ({
      date: day.date,
      postId: gap.postId,
      postTitle: titleOf.get(gap.postId) ?? '',
      summary: gap.summary,
      citations: gap.citations,
    })),
  )
}
