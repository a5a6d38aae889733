import { z } from 'zod'
import { matchScore, pickMostSpecific } from '../rulebook/conditions.ts'
import { rulesOfKind } from '../rulebook/resolve-rulebook.ts'
import { cite, defineDecision, noRule } from './decision.ts'
import { direction, scope, localDateInput } from './inputs.ts'
import { chainText, eitherPost } from './post-titles.ts'

/**
 * Facts about a draft's subject that sign-off rules select on (`when.categories`), asked of the
 * drafter: 人事任免, 行政规范性文件, 向人大及其常委会提出的议案、报告.
 */
export const DOCUMENT_SUBJECTS = {
  personnelAppointment: '人事任免',
  normativeDocument: '行政规范性文件',
  toPeoplesCongress: '向人大及其常委会提出的议案、报告',
} as const
export type DocumentSubject = keyof typeof DOCUMENT_SUBJECTS

/**
 * Who reviews and signs an outgoing document, by issuer, kind, direction, prefix, scope, whether
 * it is important (重大事项、重要公文) and its subjects (人事任免…).
 */
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
    categories: z
      .array(z.enum(Object.keys(DOCUMENT_SUBJECTS) as [DocumentSubject, ...DocumentSubject[]]))
      .optional(),
    asOf: localDateInput.optional(),
  }),
  decide(context, input) {
    const { rulebook } = context
    // A known prefix tells the issuer's document family even when the caller gave no kind.
    const rules = rulesOfKind(rulebook, 'signOff', input.asOf)
    // A rule written for the draft's subject (人事任免、行政规范性文件…由县长签署) governs it
    // whatever its direction or scope: the article lists the subject as its own case.
    const forSubject = rules.filter((r) => r.when?.categories && matchScore(r.when, input) >= 0)
    const rule = pickMostSpecific(forSubject.length ? forSubject : rules, input)
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
