import { shanghaiDateOf } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'

export interface DocumentPrefix {
  prefix: string
  /** government or office: who issues documents under the prefix. */
  issuer: string
  label: string
  /** The article naming the prefix, when the rulebook does (钟山 第三十二条). */
  article: string | null
}

/** The numbering prefixes (机关代字) the signed-in post-holder's jurisdiction drafts under. */
export async function listDocumentPrefixes(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
): Promise<DocumentPrefix[]> {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  const rulebook = deps.rules.rulebook(viewer.jurisdictionId, shanghaiDateOf(now.getTime()))
  return (rulebook?.documentPrefixes ?? []).map((p) => ({
    prefix: p.prefix,
    issuer: p.issuer,
    label: p.label,
    article: p.article?.number ?? null,
  }))
}
