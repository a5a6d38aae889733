import type { Citation } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, assertState, type DocumentDeps } from './act-on-document.ts'
import {
  ask,
  assertResponsible,
  postsResponsible,
  responsibleFor,
  ruleIdsOf,
} from './document-rules.ts'
import { findingsOnRecord } from './findings-on-record.ts'
import { rulesSelectedBy, screeningQuestion } from './incoming-categories.ts'
import { openTasks } from './open-tasks.ts'
import { InvalidInputError } from '../errors.ts'

export interface ScreeningResult {
  accepted: boolean
  summary: string
  citations: Citation[]
}

/**
 * 初审 (条例第二十四条): the desk records what it found (two matters in one 请示, several main
 * recipients, no seal or signature…); the rulebook decides. A refused document goes back to its
 * unit with every reason and article; an accepted one goes to the office for 拟办.
 */
export function screenIncomingDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; findings: Record<string, boolean> },
) {
  return actOnDocument<ScreeningResult>(
    deps,
    session,
    input.documentId,
    async ({ r, post, document, at, today }) => {
      assertState(document, ['registered'], '初审')
      const registration = responsibleFor(
        deps.rules,
        document.jurisdictionId,
        'incomingRegistration',
      )
      assertResponsible(post, registration)
      // What the record itself shows needs no clerk's judgement; the clerk adds the rest.
      const findings = { ...findingsOnRecord(document), ...input.findings }
      // A finding the rulebook does not ask of this document is a mistake, not a silent
      // acceptance: the rules core refuses it too, the use case says so in its own words first.
      // A 规范性文件 is screened on its content too (钟山 第十八条), as said at 报送 or 登记.
      const question = screeningQuestion(
        deps.rules,
        document,
        await r.documents.events(document.id),
        today,
      )
      const asked = ask<{ conditions: { code: string }[] }>(
        deps.rules,
        document.jurisdictionId,
        'incoming-screening',
        { ...question, findings: {} },
      )
      const known = new Set((asked?.outcome.conditions ?? []).map((condition) => condition.code))
      const unknown = asked ? Object.keys(findings).filter((code) => !known.has(code)) : []
      if (unknown.length > 0)
        throw new InvalidInputError(
          'UNKNOWN_FINDING',
          `规则库没有这些初审情形：${unknown.join('、')}（见 GET /api/documents/${document.id}/screening）`,
        )
      const screening =
        asked &&
        ask<{ accepted: boolean }>(deps.rules, document.jurisdictionId, 'incoming-screening', {
          ...question,
          findings,
        })
      const accepted = screening?.outcome.accepted ?? true
      const byCategory = rulesSelectedBy(deps.rules, document.jurisdictionId, today, question)
      // Accepting cites the 初审 articles of 收文 (rule ids `*.incoming.*`), not every
      // screening rule the decision looked at (drafting, meetings); a return cites what refused it.
      const citations: Citation[] = (screening?.citations ?? []).filter(
        (citation) =>
          !accepted || citation.ruleId.includes('.incoming.') || byCategory.has(citation.ruleId),
      )
      await r.documents.closeTasks(
        document.id,
        { kind: 'screen' },
        at,
        accepted ? 'accepted' : 'returned',
      )
      if (!accepted) {
        await openTasks(r, deps.newId, document, {
          kind: 'revise',
          departmentIds: document.senderDepartmentId ? [document.senderDepartmentId] : [],
          dueDate: null,
          at,
        })
        return {
          action: 'return',
          opinion: screening?.summary ?? null,
          ruleIds: ruleIdsOf(citations),
          details: { findings, citations },
          changes: { state: 'returned', dueDate: null },
          result: { accepted, summary: screening?.summary ?? '', citations },
        }
      }
      const vetting = responsibleFor(
        deps.rules,
        document.jurisdictionId,
        'submittedDocumentVetting',
      )
      const office = await postsResponsible(r, document.jurisdictionId, vetting)
      await openTasks(r, deps.newId, document, {
        kind: 'propose',
        postIds: office.map((candidate) => candidate.postId),
        dueDate: document.dueDate,
        at,
      })
      return {
        action: 'accept',
        opinion: screening?.summary ?? null,
        ruleIds: ruleIdsOf([...citations, ...vetting.citations]),
        details: { findings },
        changes: { state: 'accepted' },
        widen: { posts: office.map((candidate) => candidate.postId) },
        result: { accepted, summary: screening?.summary ?? '', citations },
      }
    },
  )
}
