import {
  actingRuleFor,
  citationOf,
  rulesOfKind,
  datesFromTo,
  designationAllowed,
  shanghaiDateOf,
} from '@zhengling/rules'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import type { ActDeps } from '../acts/act-kernel.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { InvalidInputError, NotFoundError, NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actingDaysOf, recomputeActingDuty } from './recompute-acting-duty.ts'

/** The longest a designation may run (a year). */
const DESIGNATION_MAX_DAYS = 366

/**
 * Who designates: the office director (办公室主任/秘书长, by the chart's role), or the post the
 * rule leaves the choice to (`decidedBy`: 受区长委托 — the 区长 entrusts in person).
 */
function assertMayDesignate(role: string, decidedBy: readonly string[] = []) {
  if (role !== 'officeDirector' && !decidedBy.includes(role))
    throw new NotPermittedError(
      'NOT_OFFICE_DIRECTOR',
      decidedBy.length
        ? '只有办公室主任（秘书长）或规则所定的委托人可以明确代行人选'
        : '只有办公室主任（秘书长）可以明确代行人选',
    )
}

/**
 * The office director names who acts for a post over some days (办公室明确), where the acting
 * rule leaves the choice to the head (钟山 第六条 受区长委托的副区长; `decidedBy`) or runs out
 * (a gap: 木里 第七条 is silent when the head and the executive deputy are both away). The
 * designation takes effect only on the days the rule reaches it; acting is recomputed over its
 * days in the same transaction, with an audit record citing the rule.
 */
export async function designateActingDuty(
  deps: ActDeps,
  session: SessionRecord,
  input: { postId: string; actingPostId: string; from: string; to: string; reason: string },
): Promise<{ id: string }> {
  const reason = input.reason.trim()
  if (reason.length === 0 || reason.length > 500)
    throw new InvalidInputError('REASON', '请填写明确代行的事由（500字以内）')
  const span = datesFromTo(input.from, input.to).length
  if (span === 0 || span > DESIGNATION_MAX_DAYS)
    throw new InvalidInputError(
      'ACTING_SPAN',
      `代行期间须为1至${DESIGNATION_MAX_DAYS}天，且结束日期不早于开始日期`,
    )
  if (input.postId === input.actingPostId)
    throw new InvalidInputError('ACTING_SELF', '职务不能代行自己')
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const actor = actingIn(await actorOfSession(r, session, now))
    // Nobody but the office director or a post some acting rule leaves the choice to goes on.
    const rulebookToday = deps.rules.rulebook(actor.jurisdictionId, input.from)
    const deciders = rulebookToday
      ? rulesOfKind(rulebookToday, 'acting', input.from).flatMap((r) => r.params.decidedBy ?? [])
      : []
    assertMayDesignate(actor.currentPost.role, deciders)
    const jurisdictionId = actor.jurisdictionId
    const today = shanghaiDateOf(now.getTime())
    const inputs = await r.acting.inputs(jurisdictionId, input.from, input.to)
    const post = inputs.posts.find((p) => p.postId === input.postId)
    const acting = inputs.posts.find((p) => p.postId === input.actingPostId)
    if (!post || !acting) throw new NotFoundError('POST_NOT_FOUND', '本辖区没有这个职务')
    const rulebook = deps.rules.rulebook(jurisdictionId, input.from)
    const rule = rulebook ? actingRuleFor(rulebook, post, input.from) : undefined
    if (!rule)
      throw new RuleRefusedError(
        'NO_ACTING_RULE',
        `规则库没有${post.title}外出时由谁代行的规定，无须明确代行人选`,
        [],
      )
    const gapDays = actingDaysOf(deps.rules, jurisdictionId, inputs, input.from, input.to).filter(
      (day) => day.gaps.some((gap) => gap.postId === post.postId),
    )
    assertMayDesignate(actor.currentPost.role, rule.params.decidedBy)
    if (!designationAllowed(rule) && gapDays.length === 0)
      throw new RuleRefusedError(
        'ACTING_ORDER_FIXED',
        `${rule.article.number}已规定${post.title}外出时的代行顺序，期间内没有无人代行的日子，不能另行明确`,
        [citationOf(rule)],
      )
    const id = deps.newId()
    const at = now.toISOString()
    await r.acting.addDesignation({
      id,
      jurisdictionId,
      postId: post.postId,
      actingPostId: acting.postId,
      from: input.from,
      to: input.to,
      reason,
      ruleId: rule.id,
      designatedBy: actor.personId,
      designatedByPostId: actor.currentPost.postId,
      designatedAt: at,
    })
    await recomputeActingDuty(r, deps.rules, jurisdictionId, input.from, input.to)
    await r.audit.append(
      auditEntry({
        jurisdictionId,
        occurredAt: at,
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'acting.designate',
        subject: id,
        afterDigest: digestOf(
          { postId: post.postId, actingPostId: acting.postId, from: input.from, to: input.to },
          deps.hasher,
        ),
        ruleIds: [rule.id],
        details: {
          post: post.title,
          actingPost: acting.title,
          from: input.from,
          to: input.to,
          reason,
          on: today,
        },
      }),
      deps.hasher,
    )
    return { id }
  })
}

/** The office director withdraws a designation; acting over its days is recomputed (audited). */
export async function revokeActingDesignation(
  deps: ActDeps,
  session: SessionRecord,
  designationId: string,
): Promise<void> {
  await deps.inTransaction(async (r) => {
    const now = deps.now()
    const actor = actingIn(await actorOfSession(r, session, now))
    const designation = await r.acting.designation(designationId)
    if (!designation || designation.jurisdictionId !== actor.jurisdictionId)
      throw new NotFoundError('DESIGNATION_NOT_FOUND', '没有这项代行安排')
    // The office director, or whoever made it (the head who entrusted).
    if (
      actor.currentPost.role !== 'officeDirector' &&
      actor.currentPost.postId !== designation.designatedByPostId
    )
      assertMayDesignate(actor.currentPost.role)
    if (designation.revokedAt)
      throw new NotPermittedError('DESIGNATION_REVOKED', '这项代行安排已撤销')
    const at = now.toISOString()
    await r.acting.revokeDesignation(designationId, at, actor.personId)
    await recomputeActingDuty(r, deps.rules, actor.jurisdictionId, designation.from, designation.to)
    await r.audit.append(
      auditEntry({
        jurisdictionId: actor.jurisdictionId,
        occurredAt: at,
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'acting.revoke',
        subject: designationId,
        ruleIds: designation.ruleId ? [designation.ruleId] : [],
        details: { from: designation.from, to: designation.to },
      }),
      deps.hasher,
    )
  })
}
