import { shanghaiDateOf } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import type { DocumentIssuer } from '../organisation/organisation-repository.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'

export interface DocumentPrefix {
  prefix: string
  /** Who issues documents under the prefix: the government, its office… */
  issuer: DocumentIssuer
  label: string
  /** The article naming the prefix when the rulebook does (钟山 第三十二条); null for a setting. */
  article: string | null
}

/**
 * A jurisdiction's numbering prefixes (机关代字): those its rulebook names, with the article,
 * then those it keeps as its own settings (imported with the roster). The rulebook wins a clash.
 */
export async function documentPrefixesOf(
  r: Pick<Repositories, 'organisation'>,
  rules: RulesPort,
  jurisdictionId: string,
  on: string,
): Promise<DocumentPrefix[]> {
  const fromRulebook = (rules.rulebook(jurisdictionId, on)?.documentPrefixes ?? []).map((p) => ({
    prefix: p.prefix,
    issuer: p.issuer,
    label: p.label,
    article: p.article?.number ?? null,
  }))
  const named = new Set(fromRulebook.map((p) => p.prefix))
  const settings = (await r.organisation.documentPrefixes(jurisdictionId))
    .filter((p) => !named.has(p.prefix))
    .map((p) => ({ ...p, article: null }))
  return [...fromRulebook, ...settings]
}

/** The numbering prefixes the signed-in post-holder's jurisdiction drafts under. */
export async function listDocumentPrefixes(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
): Promise<DocumentPrefix[]> {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  return documentPrefixesOf(r, deps.rules, viewer.jurisdictionId, shanghaiDateOf(now.getTime()))
}
