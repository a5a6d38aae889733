import { fetchRulebook } from '../../api/rulebooks.ts'
import type { Citation, DocumentView } from '../../api/types.ts'
import { useLoad } from '../../api/use-load.ts'

/** The outgoing plan in the rulebook's words: its posts by title and the articles behind it. */
export interface SignOff {
  /** The 核稿 posts in order, as the rulebook names them (涉及部门主要负责人, 分管副区长…). */
  reviewers: string[]
  /** Who must sign (签发): '区长'; alternatives are joined with 或. */
  signer: string
  /** The sign-off articles the plan was fixed under (钟山 第三十二条). */
  citations: Citation[]
}

/**
 * The plan stores rulebook post ids and the flow cites rules by id; the rulebook gives their
 * titles and tells which cited rules are sign-off rules. Undefined for incoming documents, and
 * while the rulebook loads (the plan's summary is shown meanwhile).
 */
export function useSignOff(view: DocumentView | undefined): SignOff | undefined {
  const plan = view?.document.plan
  const jurisdictionId = view?.document.jurisdictionId ?? ''
  const rulebook = useLoad(plan ? `rulebook:${jurisdictionId}` : null, (signal) =>
    fetchRulebook(jurisdictionId, signal),
  )
  if (!plan || !view || !rulebook.data) return undefined
  const titles = new Map(rulebook.data.posts.map((post) => [post.id, post.title]))
  const signOffRules = new Set(
    rulebook.data.rules.filter((rule) => rule.kind === 'signOff').map((rule) => rule.id),
  )
  const titleOf = (id: string) => titles.get(id) ?? id
  // A plan resolved at drafting names its steps itself, merged where one post holds two roles.
  return {
    reviewers: plan.steps?.map((step) => step.label) ?? plan.reviewChain.map(titleOf),
    signer: plan.signer.map(titleOf).join('或'),
    citations: view.citations.filter((citation) => signOffRules.has(citation.ruleId)),
  }
}
