import { shanghaiDateOf, toEpochDay } from '@zhengling/rules'
import { auditEntry, digestOf } from '../audit/audit-record.ts'
import { actorOf } from '../documents/act-on-document.ts'
import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import type { SupervisionDeps } from './act-on-supervision-item.ts'
import { recordSupervisionAct } from './act-on-supervision-item.ts'
import { assertSupervisionOffice } from './supervision-desk.ts'
import type { CircularLine, SupervisionCircular, SupervisionItem } from './supervision-item.ts'

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value)

/**
 * 通报: the supervision office circulates, for a period, each unit's items closed on time, closed
 * late, and still open past their due date at the period's end (木里 第八十一条（三）定期或不定期
 * 通报). The circular is kept as issued; every overdue item named in it records that it was.
 */
export function issueSupervisionCircular(
  deps: SupervisionDeps,
  session: SessionRecord,
  input: { from: string; to: string; title?: string },
): Promise<SupervisionCircular> {
  if (!isDate(input.from) || !isDate(input.to) || input.from > input.to)
    throw new InvalidInputError(
      'INVALID_PERIOD',
      '通报期间不正确（起止日期格式为 YYYY-MM-DD，起不能晚于止）',
    )
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const { viewer, post } = await actorOf(r, session, now)
    assertSupervisionOffice(post, '发布督查通报')
    const today = shanghaiDateOf(now.getTime())
    const asOf = input.to < today ? input.to : today
    const items = await r.supervision.forCircular(viewer.jurisdictionId, {
      from: input.from,
      to: asOf,
    })
    const chart = await r.organisation.organisationChart(viewer.jurisdictionId, today)
    const names = new Map(chart?.departments.map((d) => [d.id, d.name]) ?? [])
    const lines = circularLines(items, asOf, names)
    const at = now.toISOString()
    const rule = ask<unknown>(deps.rules, viewer.jurisdictionId, 'responsible-posts', {
      matter: 'supervisionAccountability',
    })
    const circular: SupervisionCircular = {
      id: deps.newId(),
      jurisdictionId: viewer.jurisdictionId,
      periodFrom: input.from,
      periodTo: input.to,
      issuedAt: at,
      issuedByPostId: post.postId,
      title: input.title?.trim() || `督查事项办理情况通报（${input.from}至${input.to}）`,
      lines,
    }
    await r.supervision.insertCircular(circular)
    for (const item of items.filter(
      (candidate) => candidate.state !== 'closed' && candidate.dueDate < asOf,
    ))
      await recordSupervisionAct(r, deps, {
        item,
        at,
        personId: session.personId,
        postId: post.postId,
        action: 'circulated',
        text: `列入《${circular.title}》逾期未办结事项`,
        ruleIds: ruleIdsOf(rule?.citations ?? []),
        details: { circularId: circular.id },
      })
    await r.audit.append(
      auditEntry({
        jurisdictionId: viewer.jurisdictionId,
        occurredAt: at,
        actorPersonId: session.personId,
        actorPostId: post.postId,
        action: 'supervision.issueCircular',
        subject: circular.id,
        afterDigest: digestOf(circular, deps.hasher),
        ruleIds: ruleIdsOf(rule?.citations ?? []),
        details: { from: input.from, to: input.to },
      }),
      deps.hasher,
    )
    return circular
  })
}

/** Each unit's counts: closed in the period on time or late, and open past due at `asOf`. */
export function circularLines(
  items: readonly SupervisionItem[],
  asOf: string,
  names: ReadonlyMap<string, string>,
): CircularLine[] {
  const lines = new Map<string, CircularLine>()
  const lineOf = (departmentId: string) => {
    let line = lines.get(departmentId)
    if (!line) {
      line = {
        departmentId,
        departmentName: names.get(departmentId) ?? '',
        onTime: 0,
        late: 0,
        overdue: 0,
        overdueItems: [],
      }
      lines.set(departmentId, line)
    }
    return line
  }
  for (const item of items) {
    const line = lineOf(item.leadDepartmentId)
    if (item.state === 'closed') {
      if ((item.daysLate ?? 0) > 0) line.late += 1
      else line.onTime += 1
    } else if (item.dueDate < asOf) {
      line.overdue += 1
      line.overdueItems.push({
        id: item.id,
        title: item.title,
        dueDate: item.dueDate,
        daysOverdue: toEpochDay(asOf) - toEpochDay(item.dueDate),
      })
    }
  }
  // Units with overdue items first, then by late, then by name: a circular leads with who is behind.
  return [...lines.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.late - a.late ||
      a.departmentName.localeCompare(b.departmentName, 'zh'),
  )
}
