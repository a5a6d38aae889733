import type { HeldPost } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'

/** What an act done in an acting post records with it (history details and audit). */
export interface ActingRecord {
  /** The post acted for (区长). */
  postId: string
  title: string
  /** The actor's own post that acts for it (常务副区长), if known. */
  byTitle: string | null
  ruleId: string | null
  /** 代行区长职责 — 第六条 */
  note: string
}

/** The article number of a rule by its id, where the act can ask the rulebook. */
export type ArticleOf = (ruleId: string) => string | undefined

/** The article lookup of a jurisdiction's rulebook on a date. */
export function articleOfRule(
  rules: Pick<RulesPort, 'rulebook'>,
  jurisdictionId: string,
  on: string,
): ArticleOf {
  return (ruleId) =>
    rules.rulebook(jurisdictionId, on)?.rules.find((rule) => rule.id === ruleId)?.article.number
}

/**
 * The acting record of the post an act is done in, or null when the actor holds it. A computed
 * row carries its note; a roster row is described from its rule (代行区长职责 — 第六条) or, with
 * none, as 代理.
 */
export function actingRecordOf(
  post: Pick<HeldPost, 'actingFor'>,
  articleOf?: ArticleOf,
): ActingRecord | null {
  const acting = post.actingFor
  if (!acting) return null
  const article = acting.ruleId ? articleOf?.(acting.ruleId) : undefined
  return {
    postId: acting.postId,
    title: acting.title,
    byTitle: acting.byTitle ?? null,
    ruleId: acting.ruleId ?? null,
    note:
      acting.note ?? (article ? `代行${acting.title}职责 — ${article}` : `代理${acting.title}职责`),
  }
}

/** The details and rule ids an act adds when done in an acting post (nothing otherwise). */
export function withActing(
  post: Pick<HeldPost, 'actingFor'>,
  act: { ruleIds: string[]; details?: Record<string, unknown> },
  articleOf?: ArticleOf,
): { ruleIds: string[]; details: Record<string, unknown> } {
  const acting = actingRecordOf(post, articleOf)
  if (!acting) return { ruleIds: act.ruleIds, details: act.details ?? {} }
  return {
    ruleIds:
      acting.ruleId && !act.ruleIds.includes(acting.ruleId)
        ? [...act.ruleIds, acting.ruleId]
        : act.ruleIds,
    details: { ...act.details, acting },
  }
}

/**
 * Who acted, as a history shows it: 李红梅（区长）, or when acting
 * 李红梅（常务副区长，代行区长职责 — 第六条）.
 */
export function actorLabel(
  name: string | null,
  postTitle: string | null | undefined,
  details: Record<string, unknown> | null | undefined,
): string | null {
  if (!name) return null
  const acting = details?.acting as Partial<ActingRecord> | undefined
  if (acting?.note) return `${name}（${acting.byTitle ? `${acting.byTitle}，` : ''}${acting.note}）`
  return `${name}${postTitle ? `（${postTitle}）` : ''}`
}
