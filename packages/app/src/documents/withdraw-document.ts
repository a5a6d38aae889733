import type { SessionRecord } from '../identity/log-in.ts'
import { actOnDocument, type DocumentDeps } from './act-on-document.ts'
import { closeOpenTasks, openRedraftTask } from './close-open-tasks.ts'
import { withdrawRefusal } from './document-exits.ts'

/**
 * 撤回: the drafting post takes its draft back, or the submitting post its incoming document,
 * before the next step has acted (no 签收 yet; no 核稿, 会签 or 签发 since it was sent). The open
 * tasks close; a draft waits with its drafter to be revised and sent again (or voided by the
 * office), an incoming document ends there. After the next step has acted: NEXT_STEP_ACTED.
 */
export function withdrawDocument(
  deps: DocumentDeps,
  session: SessionRecord,
  input: { documentId: string; reason?: string },
) {
  return actOnDocument(deps, session, input.documentId, async ({ r, post, document, at }) => {
    const [events, tasks] = await Promise.all([
      r.documents.events(document.id),
      r.documents.openTasks(document.id),
    ])
    const refusal = withdrawRefusal({ document, events, tasks, post })
    if (refusal) throw refusal
    const closed = await closeOpenTasks(r, document.id, tasks, { at, outcome: 'withdrawn' })
    if (document.direction === 'outgoing') await openRedraftTask(r, deps.newId, document, at)
    return {
      action: 'withdraw',
      opinion: input.reason?.trim() || null,
      ruleIds: [],
      details: { closedTasks: closed.map((task) => task.kind) },
      changes: { state: 'withdrawn' },
      result: { state: 'withdrawn' },
    }
  })
}
