import { shanghaiDateOf } from '@zhengling/rules'
import type { SessionRecord } from '../identity/log-in.ts'
import type { RulesPort } from '../rules-port.ts'
import type { Repositories } from '../unit-of-work.ts'
import type {
  LeaderCalendarEntry,
  LeaderCalendarRepository,
  LeaderCalendarView,
} from './leader-calendar.ts'
import { viewLeaderCalendar } from './view-leader-calendar.ts'

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text made safe for HTML: every record's words are data, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] as string)
}

/** '3月2日' of '2026-03-02'. */
export const monthDay = (date: string) =>
  `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** One line of a cell: time, what, where, with its note (已请假, the article acted under…). */
export function entryLine(entry: LeaderCalendarEntry): string {
  const when = entry.time ? `${entry.time} ` : ''
  const where = entry.kind === 'meeting' && entry.place ? `（${entry.place}）` : ''
  const note = entry.note ? `〔${entry.note}〕` : ''
  return `${when}${entry.title}${where}${note}`
}

/** The heading of the weekly table: '某县人民政府领导活动安排表（2026年3月2日—3月8日）'. */
export function tableHeading(view: LeaderCalendarView): string {
  const year = view.weekStart.slice(0, 4)
  const endYear = view.weekEnd.slice(0, 4)
  const end = endYear === year ? monthDay(view.weekEnd) : `${endYear}年${monthDay(view.weekEnd)}`
  return `${view.jurisdictionName}领导活动安排表（${year}年${monthDay(view.weekStart)}—${end}）`
}

const STYLE = `
@page { size: A4 landscape; margin: 12mm 10mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", "SimSun", serif; margin: 0; color: #000; }
h1 { font-family: "SimHei", "黑体", "STHeiti", sans-serif; font-size: 20pt; font-weight: normal;
  text-align: center; margin: 0 0 4mm; }
p.meta { font-size: 10.5pt; margin: 0 0 2mm; display: flex; justify-content: space-between; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 10.5pt; }
th, td { border: 1px solid #000; padding: 1.5mm; vertical-align: top; word-break: break-all; }
th { font-family: "SimHei", "黑体", sans-serif; font-weight: normal; background: #f2f2f2;
  vertical-align: middle; }
th.leader { width: 11%; }
td.leader { text-align: center; vertical-align: middle; }
td.leader .name { display: block; margin-top: 1mm; }
ul { list-style: none; margin: 0; padding: 0; }
li + li { margin-top: 1mm; }
tr { page-break-inside: avoid; }
p.notes { font-size: 9pt; margin-top: 2mm; }
@media screen { body { margin: 10mm; } }
`

/** The weekly 领导活动安排表 as a self-contained HTML page laid out for A4 landscape. */
export function renderLeaderCalendarTable(view: LeaderCalendarView, printedOn: string): string {
  const heading = escapeHtml(tableHeading(view))
  const dayHeads = view.days
    .map((day) => `<th>${escapeHtml(day.weekday)}<br>${escapeHtml(monthDay(day.date))}</th>`)
    .join('')
  const rows = view.leaders
    .map((leader) => {
      const cells = view.days
        .map((day) => {
          const lines = leader.entries
            .filter((entry) => entry.date === day.date)
            .map((entry) => `<li>${escapeHtml(entryLine(entry))}</li>`)
            .join('')
          return `<td>${lines ? `<ul>${lines}</ul>` : ''}</td>`
        })
        .join('')
      const names = escapeHtml(leader.holders.join('、') || '（空缺）')
      return `<tr><td class="leader">${escapeHtml(leader.title)}<span class="name">${names}</span></td>${cells}</tr>`
    })
    .join('\n')
  const notes = view.notes.map(escapeHtml).join(' ')
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>${heading}</title><style>${STYLE}</style></head>
<body>
<h1>${heading}</h1>
<p class="meta"><span>${escapeHtml(view.jurisdictionName)}办公室</span><span>印制日期：${escapeHtml(printedOn)}</span></p>
<table>
<thead><tr><th class="leader">领导</th>${dayHeads}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="notes">说明：${notes}</p>
</body>
</html>
`
}

/**
 * The printable 领导活动安排表 of one week (the view of `viewLeaderCalendar`, laid out as the
 * office prints it): the same reads, rendered as a self-contained HTML page for A4 landscape.
 */
export async function printLeaderCalendar(
  r: Pick<Repositories, 'organisation'>,
  deps: { now: () => Date; rules: RulesPort; calendar: LeaderCalendarRepository },
  session: SessionRecord,
  query: { week?: string; postId?: string },
): Promise<{ fileName: string; html: string }> {
  const view = await viewLeaderCalendar(r, deps, session, query)
  const printedOn = shanghaiDateOf(deps.now().getTime())
  return {
    fileName: `领导活动安排表-${view.weekStart}.html`,
    html: renderLeaderCalendarTable(view, printedOn),
  }
}
