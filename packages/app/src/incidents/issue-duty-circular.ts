import { type Citation, shanghaiDateOf } from '@zhengling/rules'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { ask, citationsOf } from '../documents/document-rules.ts'
import { ConflictError, InvalidInputError, NotFoundError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type { IncidentDeps } from './act-on-incident.ts'
import { type DutyCircularLine, type DutyCircular, LATE_ENTRY_KIND_LABELS } from './incident.ts'
import { incidentScopeOf } from './incident-scope.ts'
import { windowOf } from './late-register.ts'

/**
 * The articles that make late, missing and concealed reports a matter for a circular (木里
 * 第八十九条 通报批评; 钟山 第五十八条…), as the rulebook answers incident-late-report (contract
 * C1); none when the rulebook does not say.
 */
function accountabilityCitations(rules: RulesPort, jurisdictionId: string, on: string): Citation[] {
  return ask(rules, jurisdictionId, 'incident-late-report', { on })?.citations ?? []
}

const shanghai = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

/** The circular's text: one sentence per line, as it is read out. */
function circularText(lines: readonly DutyCircularLine[], citations: readonly Citation[]) {
  const basis = [...new Set(citations.map((c) => `${c.source}${c.article}`))].join('、')
  return [
    ...lines.map(
      (line, index) =>
        `${index + 1}. ${line.departmentName}报送"${line.incidentTitle}"${line.stepLabel ?? '续报'}应于${shanghai(line.dueAt)}前报送，${
          line.reportedAt
            ? `于${shanghai(line.reportedAt)}报送，迟报${line.minutesLate ?? 0}分钟`
            : '至今未报'
        }（${line.kindLabel}）。`,
    ),
    ...(basis ? [`依据${basis}，予以通报。`] : []),
  ].join('\n')
}

/**
 * 迟报漏报通报: the duty office turns the register's lines in a period (those chosen, or all not
 * yet circulated) into a circular, citing the articles that call for it; the lines are marked
 * circulated and each unit named hears of it.
 */
export function issueDutyCircular(
  deps: IncidentDeps,
  session: SessionRecord,
  input: { from: string; to: string; entryIds?: string[]; title?: string },
): Promise<DutyCircular> {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const at = now.toISOString()
    const today = shanghaiDateOf(now.getTime())
    const actor = actingIn(await actorOfSession(r, session, now))
    const scope = incidentScopeOf(deps.rules, actor, today)
    if (!scope.seesAll)
      throw new NotPermittedError(
        'INCIDENT_NOT_DUTY_OFFICE',
        '只有值班（应急）部门或政府办公室可以发布迟报漏报通报',
      )
    const wanted = input.entryIds ? new Set(input.entryIds) : null
    const inWindow = await r.incidents.register(scope, windowOf(input.from, input.to))
    // A line excused on 核实 (不予通报) is never circulated; asked for by id, it is refused.
    const excused = inWindow.filter(
      (line) => line.review?.decision === 'excused' && wanted?.has(line.id),
    )
    if (excused.length > 0)
      throw new InvalidInputError(
        'INCIDENT_ENTRY_EXCUSED',
        `所选记录中有 ${excused.length} 条已核实为不予通报，不能列入通报`,
        excused.map((line) => ({
          path: 'entryIds',
          message: `${line.departmentName}"${line.incidentTitle}"已核实不予通报`,
        })),
      )
    const lines = inWindow.filter(
      (line) =>
        !line.circularId && line.review?.decision !== 'excused' && (!wanted || wanted.has(line.id)),
    )
    if (lines.length === 0)
      throw new InvalidInputError(
        'INCIDENT_NOTHING_TO_CIRCULATE',
        '所选期间没有未通报的迟报漏报记录',
        [{ path: 'entryIds', message: '没有可通报的记录' }],
      )
    const citations = [
      ...accountabilityCitations(deps.rules, actor.jurisdictionId, today),
      ...citationsOf(
        deps.rules,
        actor.jurisdictionId,
        lines.flatMap((l) => l.ruleIds),
        today,
      ),
    ]
    const body: DutyCircularLine[] = lines.map((line) => ({
      entryId: line.id,
      departmentName: line.departmentName,
      incidentTitle: line.incidentTitle,
      kind: line.kind,
      kindLabel: LATE_ENTRY_KIND_LABELS[line.kind],
      stepLabel: line.stepLabel,
      dueAt: line.dueAt,
      reportedAt: line.reportedAt,
      minutesLate: line.minutesLate,
    }))
    const circular: DutyCircular = {
      id: deps.newId(),
      jurisdictionId: actor.jurisdictionId,
      title: input.title?.trim() || `关于${input.from}至${input.to}突发事件信息迟报漏报情况的通报`,
      periodFrom: input.from,
      periodTo: input.to,
      entryIds: lines.map((line) => line.id),
      body: { lines: body, text: circularText(body, citations) },
      issuedByPersonId: actor.personId,
      issuedByPostId: actor.currentPost.postId,
      issuedAt: at,
      ruleIds: [...new Set(citations.map((c) => c.ruleId))],
    }
    // Lines circulated or excused by another hand since the read: refused, nothing written.
    if ((await r.incidents.insertCircular(circular)) !== lines.length)
      throw new ConflictError(
        'INCIDENT_ENTRIES_TAKEN',
        '所选记录中有的已被通报或核实为不予通报，请刷新后重试',
      )
    await r.notifications.notifyAll(
      [...new Set(lines.map((line) => line.reportingDepartmentId))].map((departmentId) => ({
        jurisdictionId: circular.jurisdictionId,
        recipient: { departmentId },
        kind: 'incidentOverdue' as const,
        title: circular.title,
        body: circular.body.text,
        link: `/duty/circulars/${circular.id}`,
        at,
        dedupeKey: `duty-circular:${circular.id}:${departmentId}`,
      })),
    )
    await r.audit.append(
      auditEntry({
        jurisdictionId: circular.jurisdictionId,
        occurredAt: at,
        actorPersonId: actor.personId,
        actorPostId: actor.currentPost.postId,
        action: 'incident.circular',
        subject: circular.id,
        afterDigest: digestOf(
          { entryIds: circular.entryIds, text: circular.body.text },
          deps.hasher,
        ),
        ruleIds: circular.ruleIds,
        details: { from: input.from, to: input.to },
      }),
      deps.hasher,
    )
    return circular
  })
}

export const circularView = (rules: RulesPort, circular: DutyCircular) => ({
  id: circular.id,
  title: circular.title,
  periodFrom: circular.periodFrom,
  periodTo: circular.periodTo,
  issuedAt: circular.issuedAt,
  lines: circular.body.lines,
  text: circular.body.text,
  citations: citationsOf(rules, circular.jurisdictionId, circular.ruleIds, circular.periodTo),
})

/** The circulars of the jurisdiction (everyone in it may read a 通报), newest first. */
export async function listDutyCirculars(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
) {
  const actor = await actorOfSession(r, session, deps.now())
  const circulars = await r.incidents.circulars(actor.jurisdictionId)
  return { circulars: circulars.map((c) => circularView(deps.rules, c)) }
}

export async function viewDutyCircular(
  r: Repositories,
  deps: { now: () => Date; rules: RulesPort },
  session: SessionRecord,
  id: string,
) {
  const actor = await actorOfSession(r, session, deps.now())
  const circular = await r.incidents.circular(actor.jurisdictionId, id)
  if (!circular) throw new NotFoundError('DUTY_CIRCULAR_NOT_FOUND', '没有这份通报')
  return circularView(deps.rules, circular)
}
