import type { LocalDate } from '../dates/local-date.ts'
import type { Citation } from './citation.ts'
import { postsIncludedBy } from './posts.ts'
import type { Meeting, Post, Rule, Rulebook } from './schema.ts'

/**
 * A rule with the text it cites and the rulebook it came from. `source` names the text
 * (the seed file for a jurisdiction's own rules); `sourceTitle` is what a person reads.
 */
export type ResolvedRule = Rule & { source: string; sourceTitle: string; origin: string }

export interface ResolvedRulebook {
  id: string
  title: string
  version: string
  effectiveFrom: LocalDate
  effectiveTo?: LocalDate
  jurisdiction?: Rulebook['jurisdiction']
  source: Rulebook['source']
  calendars: string[]
  posts: ReadonlyMap<string, Post>
  meetings: ReadonlyMap<string, Meeting>
  documentPrefixes: Rulebook['documentPrefixes']
  rules: readonly ResolvedRule[]
  /** The same rules grouped by kind, in order: every decision looks rules up by kind. */
  rulesByKind: ReadonlyMap<string, readonly ResolvedRule[]>
}

export interface ReferenceError {
  path: PropertyKey[]
  message: string
}

/** Fields in rule params and meetings whose values name posts. */
const POST_FIELDS = new Set([
  'drafter',
  'reviewChain',
  'signer',
  'handledBy',
  'reminder',
  'decidedBy',
  'absent',
  'order',
  'approver',
  'fileWith',
  'inform',
  'via',
  'reportBackTo',
  'posts',
  'keeper',
  'approvalChain',
  'feedbackTo',
  'to',
  'actor',
  'extensionApprover',
  'by',
  'members',
  'attendees',
  'convener',
  'anyOf',
  'each',
  'unlessApprovedBy',
  'recordedBy',
  'units',
  'leaders',
])

function citationSource(book: Rulebook, rule: Rule): string {
  return rule.article.source ?? book.source.seed ?? book.source.title
}

function citationTitle(book: Rulebook, rule: Rule): string {
  return rule.article.source ?? `《${book.source.title}》`
}

export function citationOf(rule: ResolvedRule): Citation {
  return {
    ruleId: rule.id,
    source: rule.sourceTitle,
    article: rule.article.number,
    excerpt: rule.article.excerpt,
  }
}

/**
 * Merges a jurisdiction's rulebook over its base (the national rulebook): posts and meetings by
 * id, rules by id, where a rule that `overrides` a base rule replaces it. Returns every broken
 * reference (unknown post, meeting or overridden rule) with its path, so a loader can point
 * at the line.
 */
export function resolveRulebook(
  book: Rulebook,
  base?: Rulebook,
): { rulebook: ResolvedRulebook; errors: ReferenceError[] } {
  const errors: ReferenceError[] = []
  const posts = new Map<string, Post>()
  const meetings = new Map<string, Meeting>()
  for (const source of base ? [base, book] : [book]) {
    for (const post of source.posts) posts.set(post.id, post)
    for (const meeting of source.meetings) meetings.set(meeting.id, meeting)
  }

  const baseRules = (base?.rules ?? []).map((rule): ResolvedRule => ({
    ...rule,
    source: citationSource(base as Rulebook, rule),
    sourceTitle: citationTitle(base as Rulebook, rule),
    origin: (base as Rulebook).rulebook,
  }))
  const ownRules = book.rules.map((rule): ResolvedRule => ({
    ...rule,
    source: citationSource(book, rule),
    sourceTitle: citationTitle(book, rule),
    origin: book.rulebook,
  }))

  const overridden = new Set<string>()
  const seen = new Set<string>()
  book.rules.forEach((rule, index) => {
    if (seen.has(rule.id))
      errors.push({ path: ['rules', index, 'id'], message: `规则编号重复：${rule.id}` })
    seen.add(rule.id)
    if (rule.overrides) {
      const target = baseRules.find((candidate) => candidate.id === rule.overrides)
      if (!target)
        errors.push({
          path: ['rules', index, 'overrides'],
          message: `被覆盖的规则不存在：${rule.overrides}`,
        })
      else if (target.kind !== rule.kind) {
        errors.push({
          path: ['rules', index, 'overrides'],
          message: `覆盖规则的类型应与原规则相同（${target.kind}）`,
        })
      }
      overridden.add(rule.overrides)
    }
    if (!base && !rule.article.source && !book.source.seed) {
      errors.push({
        path: ['rules', index, 'article', 'source'],
        message: '未注明条文出处（source）',
      })
    }
    if (rule.effectiveFrom && rule.effectiveTo && rule.effectiveTo < rule.effectiveFrom) {
      errors.push({ path: ['rules', index, 'effectiveTo'], message: '失效日期早于生效日期' })
    }
  })

  const checkPost = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string' && !posts.has(value)) {
      errors.push({ path, message: `未定义的职务：${value}（请在 posts 中定义，或检查拼写）` })
    }
  }
  const walk = (value: unknown, path: PropertyKey[], postField: boolean) => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        walk(item, [...path, index], postField)
      })
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        walk(child, [...path, key], POST_FIELDS.has(key))
      }
    } else if (postField) checkPost(value, path)
  }
  book.rules.forEach((rule, index) => {
    walk(rule.params, ['rules', index, 'params'], false)
    rule.when?.posts?.forEach((post, at) => {
      checkPost(post, ['rules', index, 'when', 'posts', at])
    })
    rule.when?.meetings?.forEach((meeting, at) => {
      if (!meetings.has(meeting))
        errors.push({
          path: ['rules', index, 'when', 'meetings', at],
          message: `未定义的会议：${meeting}`,
        })
    })
    const decidingMeetings = rule.kind === 'collectiveDecision' ? [rule.params.meeting].flat() : []
    for (const meeting of decidingMeetings.filter((m) => !meetings.has(m))) {
      errors.push({
        path: ['rules', index, 'params', 'meeting'],
        message: `未定义的会议：${meeting}`,
      })
    }
  })
  book.meetings.forEach((meeting, index) => {
    walk(meeting, ['meetings', index], false)
  })
  book.posts.forEach((post, index) => {
    post.includes?.forEach((included, at) => {
      checkPost(included, ['posts', index, 'includes', at])
    })
    const cyclic = post.includes?.some((included) =>
      postsIncludedBy({ posts }, included).includes(post.id),
    )
    if (cyclic) {
      errors.push({ path: ['posts', index, 'includes'], message: `职务包含关系成环：${post.id}` })
    }
  })

  const rules = [...baseRules.filter((rule) => !overridden.has(rule.id)), ...ownRules]
  const rulesByKind = new Map<string, ResolvedRule[]>()
  for (const rule of rules) {
    const ofKind = rulesByKind.get(rule.kind)
    if (ofKind) ofKind.push(rule)
    else rulesByKind.set(rule.kind, [rule])
  }

  return {
    rulebook: {
      id: book.rulebook,
      title: book.title,
      version: book.version,
      effectiveFrom: book.effectiveFrom,
      effectiveTo: book.effectiveTo,
      jurisdiction: book.jurisdiction,
      source: book.source,
      calendars: book.calendars,
      posts,
      meetings,
      documentPrefixes: [...(base?.documentPrefixes ?? []), ...book.documentPrefixes],
      rules,
      rulesByKind,
    },
    errors,
  }
}

/** The rules of one kind in force on `asOf` (all of them when no date is given). */
export function rulesOfKind<K extends Rule['kind']>(
  rulebook: ResolvedRulebook,
  kind: K,
  asOf?: LocalDate,
): (ResolvedRule & { kind: K })[] {
  const ofKind = (rulebook.rulesByKind.get(kind) ?? []) as readonly (ResolvedRule & { kind: K })[]
  return ofKind.filter(
    (rule) =>
      asOf === undefined ||
      ((rule.effectiveFrom === undefined || rule.effectiveFrom <= asOf) &&
        (rule.effectiveTo === undefined || asOf <= rule.effectiveTo)),
  )
}

/** The version of a jurisdiction's rulebook in force on `asOf`: the latest that had started. */
export function selectVersion<B extends { effectiveFrom: LocalDate; effectiveTo?: LocalDate }>(
  versions: readonly B[],
  asOf: LocalDate,
): B | undefined {
  return [...versions]
    .filter(
      (book) =>
        book.effectiveFrom <= asOf && (book.effectiveTo === undefined || asOf <= book.effectiveTo),
    )
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0]
}
