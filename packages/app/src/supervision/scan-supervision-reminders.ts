import { shanghaiDateOf } from '@zhengling/rules'
import type { Hasher } from '../audit/hasher.ts'
import { ask, ruleIdsOf } from '../documents/document-rules.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { recordSupervisionAct } from './act-on-supervision-item.ts'

/**
 * 催办 and 逾期 for the ledger, as the timer worker runs it: items whose reminder day has come get
 * a reminder to the lead unit; items past their due date are escalated to the supervision office
 * (木里 第八十一条（二）催办督办). Each is marked for its current due date, so a granted extension
 * earns new ones and a second scan sends nothing twice. Answers how many of each it sent.
 */
export async function scanSupervisionReminders(
  r: Repositories,
  deps: { hasher: Hasher; now: () => Date; rules: RulesPort },
  options: { limit: number },
): Promise<{ reminded: number; escalated: number }> {
  const now = deps.now()
  const today = shanghaiDateOf(now.getTime())
  const at = now.toISOString()
  // 催办 by the supervision office and the government office (木里 第八十一条（二）), where written.
  const cited = new Map<string, string[]>()
  const reminderRules = (jurisdictionId: string) => {
    if (!cited.has(jurisdictionId))
      cited.set(
        jurisdictionId,
        ruleIdsOf(
          ask<unknown>(deps.rules, jurisdictionId, 'responsible-posts', {
            matter: 'supervisionReminder',
          })?.citations ?? [],
        ),
      )
    return cited.get(jurisdictionId) ?? []
  }
  const due = await r.supervision.claimDue({ today, limit: options.limit })
  let reminded = 0
  let escalated = 0
  for (const entry of due) {
    const escalation = entry.kind === 'escalation'
    const left = deps.rules.workingDaysLeft(entry.jurisdictionId, today, entry.dueDate)
    await r.supervision.update(
      entry.id,
      escalation
        ? { escalatedFor: entry.dueDate, remindedFor: entry.dueDate }
        : { remindedFor: entry.dueDate },
      at,
    )
    await recordSupervisionAct(r, deps, {
      item: { ...entry, state: 'open', closedOn: null },
      at,
      personId: null,
      postId: null,
      action: escalation ? 'overdue' : 'remind',
      text: escalation
        ? `已超过办理时限 ${entry.dueDate}（逾期 ${-left} 个工作日），报督查部门督办`
        : `距办理时限 ${entry.dueDate} 还有 ${left} 个工作日，请按期办结`,
      ruleIds: reminderRules(entry.jurisdictionId),
      details: { dueDate: entry.dueDate },
    })
    if (escalation) escalated += 1
    else reminded += 1
  }
  return { reminded, escalated }
}
