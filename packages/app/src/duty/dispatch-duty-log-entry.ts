import { shanghaiDateOf } from '@zhengling/rules'
import type { ActDeps } from '../acts/act-kernel.ts'
import { actingIn, actorOfSession } from '../acts/actor.ts'
import { ruleIdsOf } from '../documents/document-rules.ts'
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import { openSupervisionItem } from '../supervision/open-supervision-item.ts'
import { DISPATCH_SOURCES, DUTY_LOG_KINDS } from './duty-log.ts'
import { dutyLogCitations, mayKeepLog } from './duty-log-access.ts'

export interface DutyLogDispatch {
  as: 'supervision'
  leadDepartmentId: string
  coDepartmentIds?: string[]
  /** An earlier due date than the rulebook's; required where the rulebook sets none. */
  due?: string
  /** The item's title; the entry's summary by default. */
  title?: string
}

const TITLE_MAX = 100

/**
 * 分办: a leader's instruction or a hotline item received on duty goes to the supervision ledger
 * (督查台账) as an item of its source, assigned on the day it came in, due on the rulebook's day
 * for that source (木里 第八十一条 领导批办件15天) or an earlier one; where the rulebook sets none the
 * dispatcher gives the date. The entry keeps the item it became; it is dispatched once.
 */
export function dispatchDutyLogEntry(
  deps: ActDeps,
  session: SessionRecord,
  entryId: string,
  input: DutyLogDispatch,
) {
  return deps.inTransaction(async (r) => {
    const now = deps.now()
    const at = now.toISOString()
    const actor = actingIn(await actorOfSession(r, session, now))
    const itemId = deps.newId()
    const found = await r.dutyLog.claimForSupervision(actor.jurisdictionId, entryId, itemId)
    if (
      !found ||
      (!mayKeepLog(actor, found.unit) && found.entry.recordedBy.personId !== actor.personId)
    )
      throw new NotFoundError('DUTY_LOG_ENTRY_NOT_FOUND', '没有这条值班记录，或您无权查看')
    const { entry } = found
    const source = DISPATCH_SOURCES[entry.kind]
    if (!source)
      throw new InvalidInputError(
        'DUTY_LOG_NOT_DISPATCHABLE',
        `${DUTY_LOG_KINDS[entry.kind]}不分办督办；领导指示、批示和热线事项才转督查台账`,
      )
    if (entry.supervisionItemId)
      throw new ConflictError('DUTY_LOG_ALREADY_DISPATCHED', '这条记录已分办，督办事项已在台账中')
    const citations = dutyLogCitations(deps.rules, actor.jurisdictionId)
    const item = await openSupervisionItem(r, deps, {
      id: itemId,
      jurisdictionId: actor.jurisdictionId,
      source: source.source,
      sourceLabel: source.label,
      title: (input.title?.trim() || entry.summary).slice(0, TITLE_MAX),
      requirement: [
        entry.fromText && `来自：${entry.fromText}`,
        entry.summary,
        entry.actionTaken && `已办：${entry.actionTaken}`,
      ]
        .filter(Boolean)
        .join('；'),
      leadDepartmentId: input.leadDepartmentId,
      coDepartmentIds: input.coDepartmentIds,
      assignedOn: shanghaiDateOf(Date.parse(entry.receivedAt)),
      dueDate: input.due,
      secrecy: 'internal',
      // One audit record: the item's, saying the duty log entry it came from and its articles.
      origin: { dutyLogEntryId: entry.id, dutyLogRuleIds: ruleIdsOf(citations) },
      actor: { personId: actor.personId, postId: actor.currentPost.postId },
      at,
    })
    return {
      entry: { ...entry, supervisionItemId: item.id },
      supervisionItem: {
        id: item.id,
        title: item.title,
        sourceLabel: item.sourceLabel,
        assignedOn: item.assignedOn,
        dueDate: item.dueDate,
        ruleIds: item.ruleIds,
      },
      citations,
    }
  })
}
