import { z } from 'zod'
import { pickMostSpecific } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { direction, scope, localDateInput } from './inputs.ts'
import { chainText, eitherPost } from './post-titles.ts'

/** Who reviews and signs an outgoing document, by issuer, kind, direction, prefix, scope. */
export const outgoingSignoff = defineDecision({
  name: 'outgoing-signoff',
  title: '发文审核与签发',
  kinds: ['signOff'],
  input: z.strictObject({
    issuer: z.enum(['government', 'office', 'partyGroup', 'officePartyGroup']),
    documentKind: z.string().optional(),
    direction: direction.optional(),
    prefix: z.string().optional(),
    important: z.boolean().optional(),
    scope: scope.optional(),
    asOf: localDateInput.optional(),
  }),
  decide(context, input) {
    const { rulebook } = context
    // A known prefix tells the issuer's document family even when the caller gave no kind.
    const rule = pickMostSpecific(rulesOfKind(rulebook, 'signOff', input.asOf), input)
    if (!rule) throw noRule(context, '此类发文的签发人')
    const prefixRule = input.prefix
      ? rulebook.documentPrefixes.find((p) => p.prefix === input.prefix)
      : undefined
    const { reviewChain, signer, drafter } = rule.params
    return {
      outcome: { drafter: drafter ?? [], reviewChain, signer, note: rule.params.note ?? null },
      summary:
        `${reviewChain.length ? `经 ${chainText(rulebook, reviewChain)} 审核后，` : ''}由${eitherPost(rulebook, signer)}签发` +
        (rule.params.note ? `；${rule.params.note}` : '') +
        (prefixRule ? `（${prefixRule.prefix}：${prefixRule.label}）` : ''),
      citations: cite(rule),
      warnings: [],
    }
  },
})
