import { formatPeriod, type Period, shanghaiDateOf } from '@zhengling/rules'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import { recordDutyEvent } from '../duty/duty-events.ts'
import { InvalidInputError, NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { OpinionRecord, OpinionStep } from './opinion.ts'
import {
  auditOpinion,
  citedText,
  type OpinionDeps,
  opinionScopeOf,
  opinionTimersOf,
  responsibleMessages,
  stepsText,
} from './opinion-acts.ts'

export interface RecordOpinionInput {
  /** The rulebook's publicOpinion category (public-opinion-options). */
  category: string
  title: string
  summary?: string
  /** 媒体/网站/平台 where it was seen. */
  source: string
  sourceUrl?: string
  /** When it was first seen (ISO instant): the response clock runs from here. */
  surfacedAt: string
  responsibleDepartmentId?: string
  responsiblePostId?: string
}

/** What public-opinion-deadline answers (contract C1). */
interface DeadlineOutcome {
  category: string
  label?: string
  steps: { act: string; label: string; within: Period | string; due: string; to?: string[] }[]
}

const periodText = (within: Period | string) =>
  typeof within === 'string' ? within : within.amount === 0 ? '立即' : formatPeriod(within)

/**
 * 政务舆情登记: the duty office, the government office or a leader records an item with its source
 * and when it was first seen, and who is to respond. The rulebook sets the response steps from
 * that instant (public-opinion-deadline: 延津 十六 5小时内发布权威信息、24小时内举行新闻发布会);
 * each gets its durable timer; the responsible unit is told at once and the duty board hears of it.
 */
export function recordOpinion(
  deps: OpinionDeps,
  session: SessionRecord,
  input: RecordOpinionInput,
): Promise<OpinionRecord> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const at = now.toISOString()
    const today = shanghaiDateOf(now.getTime())
    const actor = actingIn(await actorOfSession(r, session, now))
    if (!opinionScopeOf(deps.rules, actor, today).seesAll)
      throw new NotPermittedError(
        'OPINION_NOT_PERMITTED',
        '政务舆情由值班室、政府办公室或政府领导登记并交办',
      )
    const surfacedAt = opinionInstant(input.surfacedAt)
    if (Date.parse(surfacedAt) > now.getTime())
      throw new InvalidInputError('OPINION_TIME_IN_FUTURE', '发现时间不能晚于现在', [
        { path: 'surfacedAt', message: '不能晚于现在' },
      ])
    const posts = await r.organisation.unitPosts(actor.jurisdictionId)
    const post = posts.find((p) => p.postId === input.responsiblePostId)
    if (input.responsiblePostId && !post)
      throw new InvalidInputError('OPINION_UNKNOWN_POST', '回应责任人的职务不是本辖区的职务', [
        { path: 'responsiblePostId', message: '不是本辖区的职务' },
      ])
    const departmentId = input.responsibleDepartmentId ?? post?.departmentId ?? null
    if (departmentId && !posts.some((p) => p.departmentId === departmentId))
      throw new InvalidInputError('OPINION_UNKNOWN_UNIT', '回应责任单位不是本辖区的单位', [
        { path: 'responsibleDepartmentId', message: '不是本辖区的单位' },
      ])
    const answer = ask<DeadlineOutcome>(
      deps.rules,
      actor.jurisdictionId,
      'public-opinion-deadline',
      {
        category: input.category,
        surfacedAt,
      },
    )
    if (!answer)
      throw new RuleRefusedError(
        'RULE_NOT_FOUND',
        `本辖区规则库没有规定"${input.category}"类舆情的回应时限`,
        [],
      )
    const steps: OpinionStep[] = answer.outcome.steps.map((step) => ({
      act: step.act,
      label: step.label,
      within: periodText(step.within),
      due: new Date(step.due).toISOString(),
      to: step.to ?? [],
      satisfiedAt: null,
      responseId: null,
      overdueAt: null,
    }))
    const record: OpinionRecord = {
      id: deps.newId(),
      jurisdictionId: actor.jurisdictionId,
      category: answer.outcome.category,
      categoryLabel: answer.outcome.label ?? answer.summary.split('：')[0] ?? '',
      title: input.title.trim(),
      summary: input.summary?.trim() ?? '',
      source: input.source.trim(),
      sourceUrl: input.sourceUrl?.trim() || null,
      surfacedAt,
      responsibleDepartmentId: departmentId,
      responsiblePostId: input.responsiblePostId ?? null,
      steps,
      ruleIds: ruleIdsOf(answer.citations),
      status: 'open',
      secrecy: 'internal',
      createdByPersonId: actor.personId,
      createdAt: at,
      closedAt: null,
      closedByPersonId: null,
    }
    await r.opinions.insert(record)
    await r.jobs.scheduleAll(opinionTimersOf(record))
    const messages = responsibleMessages(
      record,
      {
        kind: 'opinion',
        title: `政务舆情：${record.title}，请按时回应`,
        body: [`来源：${record.source}`, stepsText(steps), citedText(answer.citations)]
          .filter(Boolean)
          .join('\n'),
        at,
      },
      `opinion:${record.id}:assigned`,
    )
    if (messages.length) await r.notifications.notifyAll(messages)
    await recordDutyEvent(r, {
      jurisdictionId: record.jurisdictionId,
      type: 'opinion',
      subject: 'opinion',
      subjectId: record.id,
      departmentIds: departmentId ? [departmentId] : [],
      secrecy: record.secrecy,
      at,
    })
    await auditOpinion(r, deps, {
      record,
      before: null,
      at,
      personId: actor.personId,
      postId: actor.currentPost.postId,
      action: 'record',
      text: record.summary || null,
    })
    return record
  })
}

/** An ISO instant as given, normalised; anything else refused on its field. */
export function opinionInstant(value: string, path = 'surfacedAt'): string {
  const time = Date.parse(value)
  if (Number.isNaN(time))
    throw new InvalidInputError('OPINION_BAD_TIME', '时间格式不正确', [
      { path, message: '时间格式不正确' },
    ])
  return new Date(time).toISOString()
}
