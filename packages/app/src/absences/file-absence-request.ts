import type { ActDeps } from '../acts/act-kernel.ts'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { InvalidInputError, RuleRefusedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { recomputeActingAfterAbsence } from './acting-duty-hooks.ts'
import { ABSENCE_CATEGORY_LABELS, type AbsenceRecord } from './absence.ts'
import { auditAbsence, messagesTo, sendAll, timersOf } from './act-on-absence.ts'
import { postIdsOf } from './absence-plan.ts'
import { isGovernmentOfficePost } from '../organisation/government-office.ts'
import { type AbsenceRequestInput, prepareAbsence } from './absence-request.ts'
import { type AbsenceView, absenceViewOf } from './view-absence.ts'

export interface NewAbsenceRequest extends AbsenceRequestInput {
  destination: string
  reason: string
  contact: string
  standInPostId?: string | null
}

function required(value: string, field: string, label: string, max: number): string {
  const text = value.trim()
  if (!text || text.length > max)
    throw new InvalidInputError('FIELD_REQUIRED', `请填写${label}（不超过${max}字）`, [
      { path: field, message: `请填写${label}` },
    ])
  return text
}

/**
 * 请假、出差、出访、休假、离县外出: the holder files for their own post. The rulebook decides
 * (leave-approval): a request for approval waits on the approver it names (待审批); a filing
 * (报告、报备) is in force at once, informs whom the article names, and acting duty follows.
 * Filed later than the lead time: accepted and marked late, citing the article — refused where
 * the lead time is not 原则上. Overlapping another leader's absence where the rules forbid it
 * (not 原则上): refused; 原则上: accepted, the conflict recorded and shown.
 * One transaction: the request with its history entry, its messages, its audit record.
 */
export function fileAbsenceRequest(
  deps: ActDeps,
  session: SessionRecord,
  input: NewAbsenceRequest,
): Promise<AbsenceView> {
  const destination = required(input.destination, 'destination', '外出地点（去向）', 200)
  const reason = required(input.reason, 'reason', '事由', 500)
  const contact = required(input.contact, 'contact', '联系方式', 100)
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const at = now.toISOString()
    const prepared = await prepareAbsence(r, deps.rules, session, now, input)
    const { actor, requester, plan, roster, today } = prepared
    const standInPostId = input.standInPostId || null
    if (
      standInPostId &&
      (standInPostId === requester.postId || !roster.posts.some((p) => p.postId === standInPostId))
    )
      throw new InvalidInputError('UNKNOWN_STAND_IN', '在家主持工作的负责人应为本辖区的其他岗位', [
        { path: 'standInPostId', message: '请选择本辖区的其他岗位' },
      ])
    if (plan.conflict?.forbidden)
      throw new RuleRefusedError('ABSENCE_CONFLICT', plan.conflict.summary, plan.conflict.citations)
    if (plan.lateForbidden)
      throw new RuleRefusedError(
        'FILED_TOO_LATE',
        `应不迟于${plan.latestFiling}报送，已逾期。${plan.summary}`,
        plan.citations,
      )
    const filing = plan.mode === 'filing'
    const office = roster.posts.filter(isGovernmentOfficePost)
    // A request waits on its first step (经…): the via posts in turn, then the approver.
    const stages = plan.stages.map((stage) => ({
      label: stage.label,
      postIds: postIdsOf(stage.posts),
      byOffice: stage.byOffice,
    }))
    const approverPostIds = stages[0]?.postIds ?? []
    const record: AbsenceRecord = {
      id: deps.newId(),
      jurisdictionId: actor.jurisdictionId,
      personId: actor.personId,
      postId: requester.postId,
      unitId: requester.departmentId,
      category: prepared.category,
      from: input.from,
      to: input.to,
      days: plan.days,
      destination,
      reason,
      contact,
      standInPostId,
      mode: plan.mode,
      status: filing ? 'filed' : 'pending',
      approverPostId: approverPostIds[0] ?? null,
      approverPostIds,
      viaPostIds: postIdsOf(plan.via),
      informPostIds: postIdsOf(plan.inform),
      fileWithPostIds: postIdsOf(plan.fileWith),
      reportBackPostIds: postIdsOf(plan.reportBackTo),
      filedAt: at,
      latestFiling: plan.latestFiling,
      late: plan.filedInTime === false,
      conflict: plan.conflict
        ? {
            summary: plan.conflict.summary,
            forbidden: plan.conflict.forbidden,
            ruleIds: plan.conflict.ruleIds,
          }
        : null,
      decidedAt: null,
      decidedByPostId: null,
      opinion: null,
      returnedOn: null,
      returnReport: null,
      ruleIds: ruleIdsOf(plan.citations),
      secrecy: 'internal',
      distributionPosts: [],
      distributionDepartments: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
    }
    // 知悉范围: the requester, whoever decides, passes, is informed or stands in, and the office.
    record.distributionPosts = [
      ...new Set([
        record.postId,
        ...stages.flatMap((stage) => stage.postIds),
        ...record.viaPostIds,
        ...record.informPostIds,
        ...record.fileWithPostIds,
        ...record.reportBackPostIds,
        ...(standInPostId ? [standInPostId] : []),
      ]),
    ]
    record.distributionDepartments = [
      ...new Set(office.flatMap((p) => (p.departmentId ? [p.departmentId] : []))),
    ]
    const action = filing ? 'file' : 'request'
    const details = {
      days: plan.days,
      late: record.late,
      latestFiling: plan.latestFiling,
      approverIsBody: plan.approverIsBody,
      stages,
      conflict: record.conflict?.summary ?? null,
    }
    const event = {
      occurredAt: at,
      actorPersonId: actor.personId,
      actorPostId: requester.postId,
      action,
      text: reason,
      ruleIds: record.ruleIds,
      details,
    }
    await r.absences.insert(record, event, timersOf(record, at))
    const who = `${requester.title}${roster.people.get(actor.personId) ?? ''}`
    const what = `${who}${ABSENCE_CATEGORY_LABELS[prepared.category]}（${record.from}至${record.to}，${destination}）`
    await sendAll(r, [
      ...(filing
        ? []
        : messagesTo(approverPostIds, record, at, {
            kind: 'task',
            title: `请${stages.length > 1 ? '审核' : '审批'}：${what}`,
            body: plan.summary,
            key: 'request',
          })),
      ...messagesTo(
        filing ? [...record.viaPostIds, ...record.informPostIds, ...record.fileWithPostIds] : [],
        record,
        at,
        {
          kind: 'approval',
          title: `${filing ? '外出报备' : '请假申请'}：${what}`,
          body: plan.summary,
          key: action,
        },
      ),
    ])
    const acting = { ...actor, currentPost: requester }
    await auditAbsence(r, deps, { record, before: null, at, actor: acting, ...event })
    if (filing)
      await recomputeActingAfterAbsence(
        r,
        deps.rules,
        record.jurisdictionId,
        record.from,
        record.to,
      )
    const titles = Object.fromEntries(roster.posts.map((p) => [p.postId, p.title]))
    return absenceViewOf(
      deps.rules,
      {
        record,
        personName: roster.people.get(actor.personId) ?? '',
        postRole: requester.role,
        overlapping: [],
        postTitles: titles,
        history: [
          {
            ...event,
            actorName: roster.people.get(actor.personId) ?? null,
            actorPostTitle: requester.title,
          },
        ],
      },
      acting,
      today,
    )
  })
}
