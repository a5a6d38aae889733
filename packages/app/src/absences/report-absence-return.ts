import { InvalidInputError, NotPermittedError } from '../errors.ts'
import type { SessionRecord } from '../identity/log-in.ts'
import {
  type AbsenceDeps,
  actOnAbsence,
  assertAbsenceStatus,
  isGovernmentOffice,
  messagesTo,
} from './act-on-absence.ts'
import { type AbsenceView, absenceViewOf } from './view-absence.ts'

/**
 * 销假: back on `returnedOn` (on or after the first day away, not after today), with the report
 * the article asks for where it names whom to report to (二连浩特 七十四 返回后应向市长销假并报告
 * 有关情况). The traveller closes it, or the government office for them. Those it reports to hear
 * of it; acting duty ends with the day of return.
 */
export async function reportAbsenceReturn(
  deps: AbsenceDeps,
  session: SessionRecord,
  input: { absenceId: string; returnedOn: string; report?: string },
): Promise<AbsenceView> {
  const report = input.report?.trim() || null
  const { after, actor, today } = await actOnAbsence(
    deps,
    session,
    input.absenceId,
    async ({ actor, at, today }, { record, postTitles }) => {
      assertAbsenceStatus(record, ['approved', 'filed'], '销假')
      if (record.personId !== actor.personId && !isGovernmentOffice(actor))
        throw new NotPermittedError('NOT_YOUR_ABSENCE', '只有本人或政府办公室可以销假')
      if (input.returnedOn < record.from || input.returnedOn > today)
        throw new InvalidInputError(
          'RETURN_DATE_OUT_OF_RANGE',
          `返回日期应在${record.from}至今天（${today}）之间`,
          [{ path: 'returnedOn', message: '返回日期不在外出期间' }],
        )
      const reportTo = record.reportBackPostIds.map((id) => postTitles[id] ?? id)
      if (reportTo.length && !report)
        throw new InvalidInputError(
          'REPORT_REQUIRED',
          `销假须向${reportTo.join('、')}报告有关情况，请填写报告`,
          [{ path: 'report', message: '请填写外出期间有关情况的报告' }],
        )
      return {
        action: 'return',
        text: report,
        ruleIds: record.ruleIds,
        details: { returnedOn: input.returnedOn, late: input.returnedOn > record.to },
        changes: { status: 'returned', returnedOn: input.returnedOn, returnReport: report },
        notify: (after) =>
          messagesTo(after.reportBackPostIds, after, at, {
            kind: 'approval',
            title: `${postTitles[after.postId] ?? ''}已销假（${after.returnedOn}返回）`,
            body: report ?? '',
            key: 'return',
          }),
      }
    },
  )
  return absenceViewOf(deps.rules, after, actor, today)
}
