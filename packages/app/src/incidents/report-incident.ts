import { type Citation, shanghaiDateOf } from '@zhengling/rules'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import { recordDutyEvent } from '../duty/duty-events.ts'
import { InvalidInputError, NotPermittedError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import { auditIncident, type IncidentDeps } from './act-on-incident.ts'
import type { IncidentElement, IncidentRecord, IncidentReport } from './incident.ts'
import { checkedElements, type IncidentReportInput, reportMessages } from './incident-reports.ts'
import { timesIncidents } from './incident-options.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { type DecidedStep, satisfySteps, stepsOf } from './incident-steps.ts'
import { alertRecipients, RECEIVING_UNITS, stepTimersOf } from './incident-timers.ts'
import {
  reportingArticles,
  UNLISTED_CATEGORY,
  UNLISTED_CATEGORY_LABEL,
} from './time-limit-warning.ts'

export interface ReportIncidentInput {
  category: string
  title: string
  place?: string
  /** When it happened (ISO instant). */
  occurredAt: string
  /** When the unit came to know of it, if later (ISO instant). */
  knownAt?: string
  /** The reporting unit: the actor's own; the duty office may record for another unit. */
  departmentId?: string
  firstReport: Omit<IncidentReportInput, 'kind'>
}

/** What incident-report-deadline answers (contract C1). */
interface DeadlineOutcome {
  category: string
  label?: string
  steps: DecidedStep[]
  elements?: IncidentElement[]
}

/**
 * 突发事件首报: the reporting unit records the incident with when it happened (or became known)
 * and its first report. The rulebook sets the reporting steps from that instant
 * (incident-report-deadline: 木里 第八十九条 1小时电话速报、2小时书面上报); the report satisfies
 * the steps of its channel (late ones go to the 迟报漏报 register with their minutes); the steps
 * still open get their durable timers; the duty office hears of it at once.
 */
export function reportIncident(
  deps: IncidentDeps,
  session: SessionRecord,
  input: ReportIncidentInput,
): Promise<IncidentRecord> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const at = now.toISOString()
    const today = shanghaiDateOf(now.getTime())
    const actor = actingIn(await actorOfSession(r, session, now))
    const scope = incidentScopeOf(deps.rules, actor, today)
    const departmentId = input.departmentId ?? actor.currentPost.departmentId
    if (!departmentId)
      throw new NotPermittedError(
        'INCIDENT_NO_UNIT',
        `${actor.currentPost.title}不属于任何单位，不能报送突发事件`,
      )
    if (departmentId !== actor.currentPost.departmentId && !scope.seesAll)
      throw new NotPermittedError('INCIDENT_NOT_OWN_UNIT', '只能报送本单位的突发事件')
    const posts = await r.organisation.unitPosts(actor.jurisdictionId)
    if (!posts.some((post) => post.departmentId === departmentId))
      throw new InvalidInputError('INCIDENT_UNKNOWN_UNIT', '报送单位不是本辖区的单位', [
        { path: 'departmentId', message: '不是本辖区的单位' },
      ])
    const occurredAt = instant(input.occurredAt, 'occurredAt')
    const knownAt = input.knownAt ? instant(input.knownAt, 'knownAt') : null
    if (Date.parse(occurredAt) > now.getTime() || (knownAt && Date.parse(knownAt) > now.getTime()))
      throw new InvalidInputError('INCIDENT_TIME_IN_FUTURE', '发生（获知）时间不能晚于现在', [
        { path: 'occurredAt', message: '不能晚于现在' },
      ])
    if (knownAt && Date.parse(knownAt) < Date.parse(occurredAt))
      throw new InvalidInputError('INCIDENT_KNOWN_BEFORE_OCCURRED', '获知时间不能早于发生时间', [
        { path: 'knownAt', message: '不能早于发生时间' },
      ])
    const clockFrom = knownAt ?? occurredAt
    const answer = stepsDecided(deps.rules, actor.jurisdictionId, today, input.category, clockFrom)
    const elements = answer.outcome.elements ?? []
    const given = checkedElements(elements, { ...input.firstReport, kind: 'first' })
    const record: IncidentRecord = {
      id: deps.newId(),
      jurisdictionId: actor.jurisdictionId,
      reportingDepartmentId: departmentId,
      category: answer.outcome.category,
      categoryLabel: answer.outcome.label ?? categoryLabelOf(answer.summary),
      title: input.title.trim(),
      place: input.place?.trim() ?? '',
      occurredAt,
      knownAt,
      clockFrom,
      status: 'open',
      steps: stepsOf(answer.outcome.steps),
      elements,
      ruleIds: ruleIdsOf(answer.citations),
      secrecy: 'internal',
      createdByPersonId: actor.personId,
      createdByPostId: actor.currentPost.postId,
      createdAt: at,
      closedAt: null,
      version: 1,
    }
    const reportId = deps.newId()
    const satisfied = satisfySteps(
      record,
      { id: reportId, channel: input.firstReport.channel, at },
      deps.newId,
    )
    record.steps = satisfied.steps
    const report: IncidentReport = {
      id: reportId,
      incidentId: record.id,
      kind: 'first',
      channel: input.firstReport.channel,
      reportedAt: at,
      elements: given,
      body: input.firstReport.body?.trim() ?? '',
      reportedByPersonId: actor.personId,
      // The duty office recording a unit's call received it (as a later report, add-incident-report).
      receivedByPersonId: departmentId === actor.currentPost.departmentId ? null : actor.personId,
      late: satisfied.late.length > 0,
    }
    const { departmentName } = await r.incidents.insert(record)
    await r.incidents.insertReport(report)
    if (satisfied.late.length) await r.incidents.registerLate(satisfied.late)
    await r.jobs.scheduleAll(stepTimersOf(record))
    const recipients = alertRecipients(posts, [
      ...RECEIVING_UNITS,
      ...record.steps.flatMap((step) => step.to),
    ])
    await r.notifications.notifyAll(reportMessages(record, departmentName, recipients, report, at))
    await recordDutyEvent(r, {
      jurisdictionId: record.jurisdictionId,
      type: 'incident',
      subject: 'incident',
      subjectId: record.id,
      departmentIds: [departmentId],
      secrecy: record.secrecy,
      at,
    })
    await auditIncident(r, deps, {
      record,
      before: null,
      at,
      personId: actor.personId,
      postId: actor.currentPost.postId,
      action: 'report',
      text: report.body || null,
    })
    return record
  })
}

/** An ISO instant as given, normalised; anything else refused on its field. */
function instant(value: string, path: string): string {
  const time = Date.parse(value)
  if (Number.isNaN(time))
    throw new InvalidInputError('INCIDENT_BAD_TIME', '时间格式不正确', [
      { path, message: '时间格式不正确' },
    ])
  return new Date(time).toISOString()
}

/**
 * The steps the rulebook sets for the category from `clockFrom` (incident-report-deadline). The
 * untimed category, only where the rulebook times no incident at all: no steps, under the county's
 * articles on reporting (incident-late-report: 钟山 第五十八条, 二连浩特 三十六), if any.
 */
function stepsDecided(
  rules: RulesPort,
  jurisdictionId: string,
  today: string,
  category: string,
  clockFrom: string,
): { outcome: DeadlineOutcome; citations: Citation[]; summary: string } {
  if (category === UNLISTED_CATEGORY) {
    if (timesIncidents(rules, jurisdictionId, today))
      throw new InvalidInputError(
        'INCIDENT_CATEGORY_TIMED',
        '本辖区已载入突发事件报送时限，请选择规定的事件类别',
        [{ path: 'category', message: '请选择规定的事件类别' }],
      )
    const outcome = { category, label: UNLISTED_CATEGORY_LABEL, steps: [], elements: [] }
    return { outcome, citations: reportingArticles(rules, jurisdictionId, today), summary: '' }
  }
  const answer = ask<DeadlineOutcome>(rules, jurisdictionId, 'incident-report-deadline', {
    category,
    occurredAt: clockFrom,
  })
  if (!answer)
    throw new RuleRefusedError(
      'RULE_NOT_FOUND',
      `本辖区规则库没有规定"${category}"类事件的报送时限`,
      [],
    )
  return answer
}

/** The category's label as the decision's summary opens (突发事件：1小时内…). */
const categoryLabelOf = (summary: string) => summary.split('：')[0] ?? ''
