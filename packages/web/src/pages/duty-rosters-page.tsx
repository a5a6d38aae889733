import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Flex,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useSearchParams } from 'react-router-dom'
import {
  DUTY_DAY_TYPE_LABELS,
  type DutyRoster,
  type DutyShift,
  type DutySpan,
  dutyRosterPrintUrl,
  fetchDutyRoster,
  fetchDutyUnits,
  generateDutyRoster,
  publishDutyRoster,
} from '../api/duty-rosters.ts'
import { asApiError, useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { DATE_FORMAT } from '../format.ts'
import { useNarrow } from '../layout/use-narrow.ts'
import { useMe } from '../session/session-context.ts'
import { EditShiftModal, SwapShiftModal } from './duty-rosters/shift-forms.tsx'
import { shiftTime } from './duty-rosters/shift-time.ts'
import { UnitSettingsModal } from './duty-rosters/unit-settings.tsx'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

export function DutyRostersPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不任职务，不参加值班" />
  return <DutyRosters />
}

interface Row {
  key: string
  date: string
  dayLabel: string
  holiday: boolean
  shift: DutyShift | null
}

function rowsOf(roster: DutyRoster): Row[] {
  return roster.days.flatMap((day): Row[] => {
    const weekday = WEEKDAYS[dayjs(day.date).day()] ?? ''
    const dayLabel = day.holidayName ?? DUTY_DAY_TYPE_LABELS[day.dayType]
    const base = {
      date: `${day.date.slice(5)}（${weekday}）`,
      dayLabel,
      holiday: day.dayType === 'holiday',
    }
    return day.shifts.length
      ? day.shifts.map((shift) => ({ ...base, key: shift.id, shift }))
      : [{ ...base, key: day.date, shift: null }]
  })
}

/**
 * 值班表: a duty unit's shifts by day with the leader on call (带班领导) and staff, generated from
 * the calendar (工作日, 双休日, 节假日 — a holiday period as the official notice gives it), who is
 * away, and the gaps in red; the keepers edit drafts, publish, swap and print.
 */
function DutyRosters() {
  const narrow = useNarrow()
  const { message } = App.useApp()
  const [params, setParams] = useSearchParams()
  const units = useLoad('duty-units', (signal) => fetchDutyUnits(signal))
  const unitId = params.get('unit') ?? units.data?.units[0]?.id ?? null
  // No dates asked: the server picks the week from its own day in Beijing (never the browser's
  // clock), and a holiday without a year is the one of the server's year.
  const asked = (name: string) => params.get(name) ?? undefined
  const year = params.get('year') ? Number(params.get('year')) : undefined
  const span: DutySpan = params.get('holiday')
    ? { holiday: asked('holiday'), ...(year ? { year } : {}) }
    : {
        ...(params.get('from') ? { from: asked('from') } : {}),
        ...(params.get('to') ? { to: asked('to') } : {}),
      }
  const key = unitId ? `duty-roster:${unitId}:${JSON.stringify(span)}` : null
  const roster = useLoad(key, (signal) => fetchDutyRoster(unitId ?? '', span, signal))
  const [editing, setEditing] = useState<DutyShift | null>(null)
  const [swapping, setSwapping] = useState<DutyShift | null>(null)
  const [busy, setBusy] = useState(false)
  const [settings, setSettings] = useState(false)
  const unit = units.data?.units.find((u) => u.id === unitId)
  const view = roster.data
  const canManage = view?.canManage ?? false
  // Generate, publish and print act on the span on screen, as the server resolved it.
  const shown: DutySpan = !view
    ? span
    : view.holiday
      ? { holiday: view.holiday.code, year: year ?? Number(view.from.slice(0, 4)) }
      : { from: view.from, to: view.to }

  const setSpan = (next: Record<string, string>) =>
    setParams({ ...(unitId ? { unit: unitId } : {}), ...next })

  const act = async (run: () => Promise<unknown>, done: string) => {
    if (!unitId) return
    setBusy(true)
    try {
      await run()
      message.success(done)
      roster.reload()
    } catch (error) {
      message.error(asApiError(error).message)
    } finally {
      setBusy(false)
    }
  }

  const people = (shift: DutyShift) => (
    <Space size={4} wrap>
      {shift.staff.length === 0 && <Typography.Text type="danger">—</Typography.Text>}
      {shift.staff.map((s) => (
        <Typography.Text key={s.personId} delete={s.away} type={s.away ? 'danger' : undefined}>
          {s.name}
        </Typography.Text>
      ))}
    </Space>
  )
  const leader = (shift: DutyShift) =>
    shift.leader ? (
      <Typography.Text delete={shift.leader.away} type={shift.leader.away ? 'danger' : undefined}>
        {shift.leader.name}
      </Typography.Text>
    ) : (
      <Typography.Text type="danger">—</Typography.Text>
    )
  const status = (shift: DutyShift) =>
    shift.status === 'published' ? <Tag color="green">已发布</Tag> : <Tag>草稿</Tag>
  const issues = (shift: DutyShift) =>
    shift.issues.length > 0 ? (
      <Typography.Text type="danger" strong={shift.uncovered}>
        {shift.issues.join('；')}
      </Typography.Text>
    ) : null
  const actions = (shift: DutyShift) =>
    canManage &&
    (shift.status === 'draft' ? (
      <Button size="small" onClick={() => setEditing(shift)}>
        编辑
      </Button>
    ) : (
      <Button size="small" onClick={() => setSwapping(shift)}>
        换班
      </Button>
    ))

  const rows = view ? rowsOf(view) : []
  return (
    <Flex vertical gap={16}>
      <div>
        <PageTitle>值班表</PageTitle>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          按日历区分工作日、双休日和节假日排班，带班领导和值班人员轮流值守；请假、外出的人员自动跳过，无人值班的班次标红并在开班前提醒。
        </Typography.Paragraph>
      </div>
      {units.error && <LoadError error={units.error} onRetry={units.reload} />}
      {units.data && units.data.units.length === 0 && (
        <Alert type="info" showIcon message="本辖区尚未设置值班单位" />
      )}
      <Card role="region" aria-label="值班期间">
        <Flex gap={8} wrap align="center">
          <Select
            aria-label="值班单位"
            style={{ minWidth: 200 }}
            value={unitId ?? undefined}
            options={(units.data?.units ?? []).map((u) => ({
              value: u.id,
              label: `${u.departmentName}（${u.seasonLabel}）`,
            }))}
            onChange={(value: string) => setParams({ ...Object.fromEntries(params), unit: value })}
          />
          <DatePicker.RangePicker
            aria-label="起止日期"
            inputReadOnly
            allowClear={false}
            value={view ? [dayjs(view.from), dayjs(view.to)] : undefined}
            onChange={(range) =>
              range?.[0] &&
              range[1] &&
              setSpan({ from: range[0].format(DATE_FORMAT), to: range[1].format(DATE_FORMAT) })
            }
          />
          <Select
            aria-label="节假日"
            placeholder="节假日"
            style={{ minWidth: 180 }}
            value={view?.holiday ? view.holiday.code : undefined}
            options={(view?.holidays ?? []).map((h) => ({
              value: h.code,
              label: `${h.name}（${h.from.slice(5)}至${h.to.slice(5)}）`,
            }))}
            onChange={(code: string) =>
              setSpan({ holiday: code, ...(view ? { year: view.from.slice(0, 4) } : {}) })
            }
          />
        </Flex>
        {view?.holiday && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {view.holiday.name}放假 {view.from} 至 {view.to}（依据：{view.holiday.source}）
          </Typography.Paragraph>
        )}
        {canManage && unitId && (
          <Flex gap={8} wrap style={{ marginTop: 12 }}>
            <Button
              type="primary"
              loading={busy}
              onClick={() => act(() => generateDutyRoster(unitId, shown), '已生成值班表草稿')}
            >
              生成值班表
            </Button>
            <Button
              loading={busy}
              disabled={(view?.drafts ?? 0) === 0}
              onClick={() => act(() => publishDutyRoster(unitId, shown), '已发布，已通知在班人员')}
            >
              发布
            </Button>
            {unit?.canManage && <Button onClick={() => setSettings(true)}>班次与人员设置</Button>}
            <Button href={dutyRosterPrintUrl(unitId, shown)} target="_blank">
              打印
            </Button>
          </Flex>
        )}
      </Card>
      {roster.error && <LoadError error={roster.error} onRetry={roster.reload} />}
      {view && (
        <Card title={`${view.unit.departmentName}值班表`} role="region" aria-label="值班表">
          {view.rule && (
            <Typography.Paragraph type="secondary">
              依据：{view.rule.citations.map((c) => `${c.source}${c.article}`).join('、')}
              {view.rule.leaderOnCall ? '（24小时值班，领导带班）' : ''}
            </Typography.Paragraph>
          )}
          {canManage && (
            <Typography.Paragraph type="secondary">
              带班领导轮值：{view.leaders.map((c) => c.name).join('、') || '未设置'}；值班人员轮值：
              {view.staff.map((c) => c.name).join('、') || '未设置'}
            </Typography.Paragraph>
          )}
          {view.gaps > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={`有 ${view.gaps} 个班次存在空缺${view.uncovered ? `，其中 ${view.uncovered} 个无人值班` : ''}`}
            />
          )}
          {narrow ? (
            <Flex vertical gap={8}>
              {rows.map((row) => (
                <Card
                  key={row.key}
                  size="small"
                  style={row.shift?.issues.length ? { borderColor: '#ff4d4f' } : undefined}
                  title={
                    <span>
                      {row.date} <Tag color={row.holiday ? 'red' : undefined}>{row.dayLabel}</Tag>
                    </span>
                  }
                  extra={row.shift && status(row.shift)}
                >
                  {row.shift ? (
                    <Flex vertical gap={4}>
                      <span>{shiftTime(row.shift)}</span>
                      <span>带班领导：{leader(row.shift)}</span>
                      <span>值班人员：{people(row.shift)}</span>
                      {issues(row.shift)}
                      <div>{actions(row.shift)}</div>
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">不排班</Typography.Text>
                  )}
                </Card>
              ))}
            </Flex>
          ) : (
            <Table<Row>
              size="small"
              pagination={false}
              loading={roster.loading}
              dataSource={rows}
              onRow={(row) =>
                row.shift?.issues.length ? { style: { background: '#fff1f0' } } : {}
              }
              columns={[
                { title: '日期', dataIndex: 'date', width: 110 },
                {
                  title: '类别',
                  dataIndex: 'dayLabel',
                  width: 90,
                  render: (label: string, row) => (
                    <Tag color={row.holiday ? 'red' : undefined}>{label}</Tag>
                  ),
                },
                {
                  title: '班次',
                  width: 190,
                  render: (_, row) => (row.shift ? shiftTime(row.shift) : '不排班'),
                },
                {
                  title: '带班领导',
                  width: 100,
                  render: (_, row) => row.shift && leader(row.shift),
                },
                {
                  title: '值班人员',
                  width: 150,
                  render: (_, row) => row.shift && people(row.shift),
                },
                { title: '状态', width: 80, render: (_, row) => row.shift && status(row.shift) },
                { title: '空缺', render: (_, row) => row.shift && issues(row.shift) },
                { title: '', width: 70, render: (_, row) => row.shift && actions(row.shift) },
              ]}
            />
          )}
        </Card>
      )}
      {settings && unit && (
        <UnitSettingsModal
          unit={unit}
          onClose={() => setSettings(false)}
          onDone={() => {
            setSettings(false)
            units.reload()
            roster.reload()
          }}
        />
      )}
      {editing && view && (
        <EditShiftModal
          shift={editing}
          leaders={view.leaders}
          staff={view.staff}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null)
            roster.reload()
          }}
        />
      )}
      {swapping && view && (
        <SwapShiftModal
          shift={swapping}
          leaders={view.leaders}
          staff={view.staff}
          onClose={() => setSwapping(null)}
          onDone={() => {
            setSwapping(null)
            roster.reload()
          }}
        />
      )}
    </Flex>
  )
}
