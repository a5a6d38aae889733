import { shanghaiDateOf } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import { escapeHtml, monthDay } from '../leader-calendar/print-leader-calendar.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import { type DutyRosterQuery, type DutyRosterView, viewDutyRoster } from './view-duty-roster.ts'

const DAY_TYPE_LABELS = { workday: '工作日', restday: '双休日', holiday: '节假日' } as const
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** 'HH:MM' of an instant in Asia/Shanghai. */
export function shanghaiTime(at: string): string {
  return new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(11, 16)
}

const STYLE = `
@page { size: A4 portrait; margin: 15mm 12mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", "SimSun", serif; margin: 0; color: #000; }
h1 { font-family: "SimHei", "黑体", sans-serif; font-size: 20pt; font-weight: normal; text-align: center; margin: 0 0 4mm; }
p.meta { font-size: 10.5pt; margin: 0 0 2mm; display: flex; justify-content: space-between; }
table { width: 100%; border-collapse: collapse; font-size: 11pt; }
th, td { border: 1px solid #000; padding: 1.5mm; vertical-align: middle; text-align: center; }
th { font-family: "SimHei", "黑体", sans-serif; font-weight: normal; background: #f2f2f2; }
td.gap { font-weight: bold; }
tr { page-break-inside: avoid; }
p.notes { font-size: 9pt; margin-top: 2mm; }
@media screen { body { margin: 10mm; } td.gap { color: #c00; } }
`

/** The 值班表 as a self-contained HTML page (A4 portrait) the office prints and posts. */
export function renderDutyRoster(
  view: DutyRosterView,
  jurisdictionName: string,
  printedOn: string,
): string {
  const period = view.holiday
    ? `${view.holiday.name}（${view.from.slice(0, 4)}年${monthDay(view.from)}—${monthDay(view.to)}）`
    : `${view.from.slice(0, 4)}年${monthDay(view.from)}—${monthDay(view.to)}`
  const heading = escapeHtml(`${view.unit.departmentName}值班表 ${period}`)
  const rows = view.days
    .flatMap((day) =>
      day.shifts.map((shift) => {
        const weekday = WEEKDAYS[new Date(`${day.date}T00:00:00Z`).getUTCDay()] ?? ''
        const kind = day.holidayName ?? DAY_TYPE_LABELS[day.dayType]
        const leader = shift.leader ? shift.leader.name : '—'
        const staff = shift.staff.map((s) => s.name).join('、') || '—'
        const gap = shift.issues.length > 0
        return `<tr><td>${escapeHtml(monthDay(day.date))}（${weekday}）</td><td>${escapeHtml(kind)}</td><td>${escapeHtml(`${shift.label} ${shanghaiTime(shift.startsAt)}—${shanghaiTime(shift.endsAt)}`)}</td><td>${escapeHtml(leader)}</td><td>${escapeHtml(staff)}</td><td class="${gap ? 'gap' : ''}">${escapeHtml(shift.issues.join('；'))}</td></tr>`
      }),
    )
    .join('\n')
  const basis = view.rule
    ? `依据：${view.rule.citations.map((c) => `${c.source}${c.article}`).join('、')}。`
    : ''
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${heading}</title><style>${STYLE}</style></head>
<body>
<h1>${heading}</h1>
<p class="meta"><span>${escapeHtml(jurisdictionName)}</span><span>印制日期：${escapeHtml(printedOn)}</span></p>
<table>
<thead><tr><th>日期</th><th>类别</th><th>班次</th><th>带班领导</th><th>值班人员</th><th>备注</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="notes">${escapeHtml(basis)}</p>
</body>
</html>
`
}

/** The printable 值班表 of a unit over a span (the roster view as the office prints it). */
export async function printDutyRoster(
  deps: {
    repositories: Pick<Repositories, 'organisation' | 'dutyRosters'>
    rules: RulesPort
    now: Date
  },
  session: SessionRecord,
  query: DutyRosterQuery,
): Promise<{ fileName: string; html: string }> {
  const view = await viewDutyRoster(deps, session, query)
  const [jurisdiction] = await deps.repositories.organisation.jurisdictions([
    view.unit.jurisdictionId,
  ])
  return {
    fileName: `值班表-${view.from}-${view.to}.html`,
    html: renderDutyRoster(view, jurisdiction?.name ?? '', shanghaiDateOf(deps.now.getTime())),
  }
}
