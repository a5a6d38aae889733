import { InvalidInputError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { formatDocumentNumber } from '@zhengling/rules'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import type { OutgoingPlan } from './document.ts'
import { assertResponsible, responsibleFor, ruleIdsOf } from './document-rules.ts'
import { openArchiveTask } from './open-archive-task.ts'
import { openTasks } from './open-tasks.ts'
import { deliverToRecipients } from './deliver-to-recipients.ts'
import { ACT_OPINION_MAX, checkedText } from './opinion-text.ts'

/**
 * 登记编号: the desk gives the signed document its 发文字号 — the prefix's next number this year,
 * gapless and never repeated (the sequence row is locked until the transaction ends).
 */
export function numberOutgoingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string },
) {
  return actOnDocument(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, at, today }) => {
      assertState(document, ['signed'], '编号')
      const desk = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
      assertResponsible(post, desk)
      const plan = document.plan as OutgoingPlan
      const year = Number(today.slice(0, 4))
      const serial = await r.documents.nextSerial(document.jurisdictionId, plan.prefix, year)
      const documentNumber = formatDocumentNumber(plan.prefix, year, serial)
      await r.documents.closeTasks(document.id, { kind: 'number' }, at, 'numbered')
      await openTasks(r, deps.newId, document, {
        kind: 'issue',
        postIds: [post.postId],
        dueDate: null,
        at,
      })
      return {
        action: 'number',
        ruleIds: ruleIdsOf(desk.citations),
        details: { documentNumber },
        changes: { state: 'numbered', documentNumber },
        result: { documentNumber },
      }
    },
  )
}

/**
 * 用印 and 印发 with the disclosure class: 主动公开, 依申请公开, or 不予公开 with its reason
 * (《政府信息公开条例》). The drafting and countersigning units get it to read; every internal
 * 主送/抄送 unit (a group's every unit) gets it in its inbox to sign for (签收); outside
 * recipients are listed for paper dispatch.
 */
export function issueOutgoingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: {
    documentId: string
    disclosure: 'active' | 'onRequest' | 'withheld'
    disclosureReason?: string
  },
) {
  if (input.disclosure === 'withheld' && !input.disclosureReason?.trim())
    throw new InvalidInputError('DISCLOSURE_REASON_REQUIRED', '不予公开的，请写明理由')
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    assertState(document, ['numbered'], '印发')
    const desk = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
    assertResponsible(post, desk)
    const plan = document.plan as OutgoingPlan
    await r.documents.closeTasks(document.id, { kind: 'issue' }, at, 'issued')
    const readers = [
      ...new Set([
        ...(plan.draftingDepartmentId ? [plan.draftingDepartmentId] : []),
        ...plan.countersignDepartmentIds,
      ]),
    ]
    await openTasks(r, deps.newId, document, {
      kind: 'read',
      departmentIds: readers,
      dueDate: null,
      at,
    })
    await openArchiveTask(r, deps, document, at)
    const delivery = await deliverToRecipients(r, deps, document, at)
    return {
      action: 'issue',
      ruleIds: ruleIdsOf(desk.citations),
      widen: { departments: delivery.delivered.map((unit) => unit.departmentId) },
      details: {
        delivered: delivery.delivered,
        paper: delivery.paper,
        disclosure: input.disclosure,
        disclosureReason: input.disclosureReason ?? null,
        // A policy document goes out with its 政策解读 (同步部署), public when it is public.
        ...(document.plan?.policy ? { withInterpretation: true } : {}),
      },
      changes: {
        state: 'issued',
        disclosure: input.disclosure,
        disclosureReason: input.disclosureReason ?? null,
      },
      result: { documentNumber: document.documentNumber },
    }
  })
}

/**
 * 归档: the record is closed for good; the database refuses any later change to it. An optional
 * opinion (归档意见: 存档备查…) is kept on the event and shown in the history and the 处理笺.
 */
export function archiveDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; opinion?: string },
) {
  const opinion = checkedText(input.opinion, {
    label: '归档意见',
    code: 'OPINION',
    max: ACT_OPINION_MAX,
    multiline: true,
  })
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    assertState(document, ['issued', 'closed'], '归档')
    const desk = responsibleFor(deps.rules, document.jurisdictionId, 'incomingRegistration')
    assertResponsible(post, desk)
    await r.documents.closeTasks(document.id, { kind: 'archive' }, at, 'archived')
    await r.documents.closeTasks(document.id, { kind: 'read' }, at, 'archived')
    return {
      action: 'archive',
      opinion: opinion ?? null,
      ruleIds: ruleIdsOf(desk.citations),
      changes: { state: 'archived' },
      result: { archived: true },
    }
  })
}
