import { shanghaiDateOf } from '@zhengling/rules'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { citationsOf } from '../documents/document-rules.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { EventRequestCheck } from './event-request.ts'
import { checkedRequest, type EventRequestInput } from './file-event-request.ts'

/** A check as a page shows it: its article, and whether a breach refuses the request. */
export function checkView(
  rules: RulesPort,
  jurisdictionId: string,
  on: string,
  check: EventRequestCheck,
) {
  return {
    code: check.code,
    passed: check.passed,
    inPrinciple: check.inPrinciple,
    /** A breach of a binding rule: the request would be refused. */
    refuses: !check.passed && !check.inPrinciple,
    summary: check.summary,
    citations: citationsOf(rules, jurisdictionId, check.ruleIds, on),
  }
}

/**
 * What a request would meet if filed today, before it is filed: each rule the rulebook asks of
 * it with its article, and whether it would be accepted. Nothing is written.
 */
export async function previewEventRequest(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  input: EventRequestInput,
) {
  const now = deps.now()
  const actor = actingIn(await actorOfSession(r, session, now))
  const today = shanghaiDateOf(now.getTime())
  const { checks } = await checkedRequest(r, deps, actor, input, today)
  const views = checks.map((check) => checkView(deps.rules, actor.jurisdictionId, today, check))
  const refusing = views.find((check) => check.refuses)
  return {
    accepted: !refusing,
    late: checks.some((check) => !check.passed),
    checks: views,
    summary: refusing
      ? `将不予受理：${refusing.summary}`
      : views.length === 0
        ? '规则库对此类申请未规定提前时限或其他限制'
        : views.some((check) => !check.passed)
          ? '可以提出，但不符合原则性规定，将记录在案'
          : '符合规定，可以提出',
  }
}
