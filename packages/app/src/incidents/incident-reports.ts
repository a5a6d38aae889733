import { InvalidInputError } from '../errors.ts'
import type { NewNotification } from '../notifications/notification.ts'
import {
  type IncidentChannel,
  type IncidentElement,
  type IncidentRecord,
  type IncidentReportKind,
  INCIDENT_REPORT_KIND_LABELS,
} from './incident.ts'

/** A report as the reporting unit sends it (首报 with the incident, 续报, 终报). */
export interface IncidentReportInput {
  kind: IncidentReportKind
  channel: IncidentChannel
  /** Element code → text. */
  elements?: Record<string, string>
  body?: string
}

/**
 * The elements a report carries, checked: codes the rulebook does not ask for are refused; a
 * written report (书面) carries every element (要素完整, 木里 第八十九条 再报要准), a phone report
 * (首报要快) what is known.
 */
export function checkedElements(
  asked: readonly IncidentElement[],
  input: IncidentReportInput,
): Record<string, string> {
  const known = new Set(asked.map((element) => element.code))
  const given = Object.fromEntries(
    Object.entries(input.elements ?? {})
      .map(([code, text]) => [code, text.trim()] as const)
      .filter(([, text]) => text.length > 0),
  )
  const unknown = Object.keys(given).filter((code) => !known.has(code))
  if (unknown.length)
    throw new InvalidInputError(
      'INCIDENT_UNKNOWN_ELEMENT',
      `报告要素不在本辖区规则规定之列：${unknown.join('、')}`,
      unknown.map((code) => ({ path: `elements.${code}`, message: '不是规定的报告要素' })),
    )
  const missing = asked.filter((element) => !given[element.code])
  if (input.channel === 'written' && missing.length)
    throw new InvalidInputError(
      'INCIDENT_ELEMENTS_MISSING',
      `书面报告要素不全：缺${missing.map((e) => e.label).join('、')}`,
      missing.map((element) => ({
        path: `elements.${element.code}`,
        message: `请填写${element.label}`,
      })),
    )
  return given
}

/** The duty office hears of a report (首报、续报、终报): one message per receiving unit. */
export function reportMessages(
  record: IncidentRecord,
  departmentName: string,
  recipients: { departmentIds: readonly string[]; directorPostIds: readonly string[] },
  report: { id: string; kind: IncidentReportKind; channel: IncidentChannel; late: boolean },
  at: string,
): NewNotification[] {
  const what = `${INCIDENT_REPORT_KIND_LABELS[report.kind]}（${report.channel === 'phone' ? '电话' : '书面'}）`
  const title = `${report.kind === 'first' ? '突发事件' : what}：${departmentName}报告"${record.title}"${report.kind === 'first' ? `，${what}` : ''}${report.late ? '（迟报）' : ''}`
  const message = (recipient: NewNotification['recipient'], key: string): NewNotification => ({
    jurisdictionId: record.jurisdictionId,
    recipient,
    kind: 'incident',
    title,
    link: `/incidents/${record.id}`,
    secrecy: record.secrecy,
    at,
    dedupeKey: `incident:${record.id}:report:${report.id}:${key}`,
  })
  return [
    ...recipients.departmentIds
      .filter((id) => id !== record.reportingDepartmentId)
      .map((departmentId) => message({ departmentId }, departmentId)),
    ...(report.kind === 'first'
      ? recipients.directorPostIds.map((postId) => message({ postId }, postId))
      : []),
  ]
}
