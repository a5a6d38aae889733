import { Tag, Tooltip, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { LeaderCalendarEntry, LeaderCalendarEntryKind } from '../../api/leader-calendar.ts'

/** The kinds of entries, labelled and coloured in one place. */
export const ENTRY_KINDS: Record<LeaderCalendarEntryKind, { label: string; color: string }> = {
  meeting: { label: '会议', color: 'blue' },
  absence: { label: '外出', color: 'orange' },
  event: { label: '活动', color: 'green' },
  acting: { label: '代行', color: 'purple' },
}

/** '3月2日' of '2026-03-02'. */
export const monthDay = (date: string) =>
  `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/**
 * One entry: its kind, time, what (a link to the meeting or the event's request), place and note; an entry done under
 * an article (代行区长职责) shows the article, its words on hover. A span of days (a trip) says
 * from … to … on its first day in the week.
 */
export function EntryLine({ entry, weekStart }: { entry: LeaderCalendarEntry; weekStart: string }) {
  const kind = ENTRY_KINDS[entry.kind]
  // A span of days says from … to … once, on its first day in the week.
  const first = entry.date === entry.from || entry.date === weekStart
  const span =
    first && entry.from !== entry.to ? `${monthDay(entry.from)}至${monthDay(entry.to)}` : null
  const title =
    entry.target && (entry.kind === 'meeting' || entry.kind === 'event') ? (
      <Link to={entry.target}>{entry.title}</Link>
    ) : (
      entry.title
    )
  return (
    <div className="leader-calendar-entry">
      <Tag color={kind.color} style={{ marginInlineEnd: 4 }}>
        {kind.label}
      </Tag>
      {entry.time && <Typography.Text strong>{entry.time} </Typography.Text>}
      <span>{title}</span>
      {entry.kind === 'meeting' && entry.place && (
        <Typography.Text type="secondary">（{entry.place}）</Typography.Text>
      )}
      {entry.note && (
        <Tooltip
          title={entry.citations.map((c) => `${c.source} ${c.article}：${c.excerpt}`).join('\n')}
        >
          <Typography.Text type="secondary">〔{entry.note}〕</Typography.Text>
        </Tooltip>
      )}
      {span && entry.kind !== 'meeting' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          {span}
        </Typography.Text>
      )}
    </div>
  )
}
