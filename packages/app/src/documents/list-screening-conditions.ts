import type { Citation } from '@zhengling/rules'
import { shanghaiDateOf } from '@zhengling/rules'
import { NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { actorOf } from './act-on-document.ts'
import { ask, citationsOf } from './document-rules.ts'
import { findingsOnRecord } from './findings-on-record.ts'
import { screeningQuestion } from './incoming-categories.ts'

export interface ScreeningCondition {
  code: string
  label: string
  /** The record already shows it (e.g. two main recipients): the form ticks it. */
  foundOnRecord: boolean
  citations: Citation[]
}

type Conditions = { conditions: { code: string; label: string; ruleIds: string[] }[] }

/** What 初审 of this incoming document asks about, as the jurisdiction's rulebook lists it. */
export async function listScreeningConditions(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  documentId: string,
): Promise<ScreeningCondition[]> {
  const now = deps.now()
  const { viewer } = await actorOf(r, session, now)
  const document = await r.documents.visible(viewer, documentId)
  if (!document || document.direction !== 'incoming')
    throw new NotFoundError('DOCUMENT_NOT_FOUND', '没有这份收文，或您无权查看')
  const today = shanghaiDateOf(now.getTime())
  // A 规范性文件's content checklist (钟山 第十八条, 托克逊 二十二) joins the 文种's.
  const question = screeningQuestion(
    deps.rules,
    document,
    await r.documents.events(document.id),
    today,
  )
  const screening = ask<Conditions>(deps.rules, document.jurisdictionId, 'incoming-screening', {
    ...question,
    findings: {},
  })
  const onRecord = findingsOnRecord(document)
  return (screening?.outcome.conditions ?? []).map((condition) => ({
    code: condition.code,
    label: condition.label,
    foundOnRecord: onRecord[condition.code] === true,
    citations: citationsOf(deps.rules, document.jurisdictionId, condition.ruleIds, today),
  }))
}
