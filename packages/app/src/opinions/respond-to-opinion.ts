import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnOpinion } from './act-on-opinion.ts'
import type { LoadedOpinion, OpinionStep } from './opinion.ts'
import { assertNotClosed, type OpinionDeps, opinionScopeOf, respondsFor } from './opinion-acts.ts'
import { opinionInstant } from './record-opinion.ts'

export interface RespondToOpinionInput {
  itemId: string
  /** The step it answers (发布权威信息, 举行新闻发布会); none: the first one still open. */
  stepAct?: string
  /** When the response went out (ISO instant; not later than now). */
  publishedAt: string
  /** 官方网站、政务微博、新闻发布会… */
  channel: string
  url?: string
  body: string
}

/**
 * 回应登记: the responsible unit (or the duty office, the government office, a leader) records a
 * response published. It answers its step — on time, or late by the rulebook's due instant — and
 * when every step is answered the item is 已回应. The duty board hears of it.
 */
export function respondToOpinion(
  deps: OpinionDeps,
  session: SessionRecord,
  input: RespondToOpinionInput,
): Promise<LoadedOpinion> {
  return actOnOpinion(deps, session, input.itemId, async ({ actor, at, today }, loaded) => {
    const { record } = loaded
    assertNotClosed(record, '登记回应')
    if (!respondsFor(actor, record) && !opinionScopeOf(deps.rules, actor, today).seesAll)
      throw new NotPermittedError(
        'OPINION_NOT_RESPONSIBLE',
        '只有回应责任单位或值班室、政府办公室可以登记回应',
      )
    const publishedAt = opinionInstant(input.publishedAt, 'publishedAt')
    if (Date.parse(publishedAt) > Date.parse(at))
      throw new InvalidInputError('OPINION_TIME_IN_FUTURE', '发布时间不能晚于现在', [
        { path: 'publishedAt', message: '不能晚于现在' },
      ])
    if (Date.parse(publishedAt) < Date.parse(record.surfacedAt))
      throw new InvalidInputError(
        'OPINION_PUBLISHED_BEFORE_SURFACED',
        '发布时间不能早于舆情发现时间',
        [{ path: 'publishedAt', message: '不能早于发现时间' }],
      )
    const step = input.stepAct
      ? record.steps.find((s) => s.act === input.stepAct)
      : record.steps.find((s) => !s.satisfiedAt)
    if (input.stepAct && !step)
      throw new InvalidInputError('OPINION_UNKNOWN_STEP', '该舆情没有这一回应步骤', [
        { path: 'stepAct', message: '没有这一步骤' },
      ])
    if (step?.satisfiedAt)
      throw new InvalidInputError('OPINION_STEP_DONE', `"${step.label}"已登记过回应`, [
        { path: 'stepAct', message: '已回应' },
      ])
    const responseId = deps.newId()
    const late = step ? Date.parse(publishedAt) > Date.parse(step.due) : false
    const steps: OpinionStep[] = record.steps.map((s) =>
      s.act === step?.act ? { ...s, satisfiedAt: publishedAt, responseId } : s,
    )
    return {
      action: 'respond',
      text: input.body.trim(),
      changes: {
        steps,
        status: steps.every((s) => s.satisfiedAt) ? 'responded' : record.status,
      },
      response: {
        id: responseId,
        itemId: record.id,
        stepAct: step?.act ?? null,
        publishedAt,
        channel: input.channel.trim(),
        url: input.url?.trim() || null,
        body: input.body.trim(),
        late,
        byPersonId: actor.personId,
        at,
      },
      event: { type: 'report' },
    }
  })
}
