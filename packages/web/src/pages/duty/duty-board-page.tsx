import {
  AlertOutlined,
  FileAddOutlined,
  SoundOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Space,
  Statistic,
  Switch,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useRef, useState } from 'react'
import { Link } from 'react-router-dom'
import {
  type DutyBoard,
  type DutyEvent,
  fetchDutyBoard,
  type IncidentSummary,
  type OpinionSummary,
} from '../../api/duty.ts'
import { useLoad } from '../../api/use-load.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { TimeLimitWarningAlert } from '../incidents/time-limit-warning.tsx'
import { RuleBasis } from '../../components/rule-basis.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { useMe } from '../../session/session-context.ts'
import { playAlert, unlockAudio, useDutyStream, useSoundOn } from './duty-alerts.ts'
import { PassingLedger, shanghaiMinute } from './duty-time.ts'
import { useServerNow } from './duty-time.ts'
import { StepCountdowns, stepState } from './step-countdown.tsx'
import { FLASH_CSS } from './flash.ts'

/** The board asks again this often even without a pushed event (and so keeps the session alive). */
const REFRESH_MS = 60_000
/** How long a card that just changed keeps flashing. */
const FLASH_MS = 12_000

export function DutyBoardPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不参加值班，不能查看值班台" />
  return <Board />
}

interface Raised {
  type: string
  id: string
  /** What the tone did: played, muted, blocked (the page not yet touched). */
  sound: string
  seq: number
}

/**
 * 值班台: the open incidents with a live countdown to each due step (on the server's clock), the
 * open public-opinion items, who is on duty now; a new report or a passed deadline flashes and
 * sounds as the server pushes it (/api/duty/stream), without a reload.
 */
function Board() {
  const board = useLoad('duty-board', (signal) => fetchDutyBoard(signal))
  const now = useServerNow(board.data?.serverNow)
  const [soundOn, setSoundOn] = useSoundOn()
  const [raised, setRaised] = useState<Raised | null>(null)
  const [flashing, setFlashing] = useState<Map<string, number>>(new Map())
  const seq = useRef(0)
  // Each deadline passing alerts once, from the countdown or from the server, whichever is first.
  const passings = useRef(new PassingLedger())

  function raise(type: string, id: string) {
    seq.current += 1
    const sound = playAlert(type === 'overdue')
    setRaised({ type, id, sound, seq: seq.current })
    setFlashing((previous) => new Map(previous).set(id, Date.now() + FLASH_MS))
  }

  const live = useDutyStream((event: DutyEvent) => {
    board.reload()
    if (event.type !== 'overdue' || passings.current.serverPassed(event.id))
      raise(event.type, event.id)
  })

  // Reload now and then: a missed event still shows, and the session stays in use.
  const { reload } = board
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])

  // A touch anywhere lets the browser sound the next alert.
  useEffect(() => {
    const unlock = () => {
      if (soundOn) unlockAudio()
    }
    window.addEventListener('pointerdown', unlock, { once: true })
    window.addEventListener('keydown', unlock, { once: true })
    return () => {
      window.removeEventListener('pointerdown', unlock)
      window.removeEventListener('keydown', unlock)
    }
  }, [soundOn])

  // A deadline that passes while the board is open alerts at once, before the server's timer.
  useEffect(() => {
    if (now === null || !board.data) return
    const items = [...board.data.incidents, ...board.data.opinions]
    for (const id of passings.current.passedAt(items, now)) raise('overdue', id)
  })

  const stillFlashing = (id: string) => (flashing.get(id) ?? 0) > Date.now()

  return (
    <>
      {/* Outside the Space: an item of its own would add a gap above the title. */}
      <style>{FLASH_CSS}</style>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Flex justify="space-between" align="start" gap={12} wrap>
          <div>
            <PageTitle>值班台</PageTitle>
            <Space wrap size={8}>
              <Typography.Text type="secondary" aria-label="服务器时间">
                北京时间 {now !== null ? formatShanghaiTime(new Date(now).toISOString()) : '—'}
              </Typography.Text>
              <Tag color={live ? 'green' : 'default'}>{live ? '实时更新中' : '正在连接…'}</Tag>
            </Space>
          </div>
          <Space wrap>
            <Link to="/incidents/new">
              <Button type="primary" icon={<FileAddOutlined aria-hidden />}>
                报告突发事件
              </Button>
            </Link>
            <Link to="/duty/late-register">
              <Button icon={<UnorderedListOutlined aria-hidden />}>迟报漏报登记</Button>
            </Link>
            <Space size={6}>
              <SoundOutlined aria-hidden />
              <Switch checked={soundOn} onChange={setSoundOn} aria-label="提示音" size="small" />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                提示音
              </Typography.Text>
            </Space>
          </Space>
        </Flex>
        {raised && board.data && (
          <RaisedBanner raised={raised} board={board.data} onClose={() => setRaised(null)} />
        )}
        {board.error && <LoadError error={board.error} onRetry={board.reload} />}
        {board.loading && !board.data && <PageLoading />}
        {board.data && (
          <>
            <TimeLimitWarningAlert warning={board.data.timeLimitWarning} />
            <Figures board={board.data} now={now} />
            <OnDutyCard board={board.data} />
            <Card title="突发事件" size="small">
              {board.data.incidents.length === 0 ? (
                <Empty description="没有在办的突发事件" />
              ) : (
                <Space orientation="vertical" size="small" style={{ width: '100%' }}>
                  {sortByUrgency(board.data.incidents, now).map((incident) => (
                    <IncidentCard
                      key={incident.id}
                      incident={incident}
                      now={now}
                      flashing={stillFlashing(incident.id)}
                    />
                  ))}
                </Space>
              )}
            </Card>
            <Card title="政务舆情" size="small" extra={<Link to="/opinions">全部舆情</Link>}>
              {board.data.opinions.length === 0 ? (
                <Empty description="没有在办的政务舆情" />
              ) : (
                <Space orientation="vertical" size="small" style={{ width: '100%' }}>
                  {board.data.opinions.map((item) => (
                    <OpinionCard
                      key={item.id}
                      item={item}
                      now={now}
                      flashing={stillFlashing(item.id)}
                    />
                  ))}
                </Space>
              )}
            </Card>
          </>
        )}
      </Space>
    </>
  )
}

const RAISED_TEXT: Record<string, string> = {
  incident: '新报告突发事件',
  report: '收到报告',
  overdue: '报送时限已过',
  opinion: '新政务舆情',
}

/** The flashing banner for what the stream (or a countdown) just raised. */
function RaisedBanner({
  raised,
  board,
  onClose,
}: {
  raised: Raised
  board: DutyBoard
  onClose: () => void
}) {
  const incident = board.incidents.find((candidate) => candidate.id === raised.id)
  const opinion = board.opinions.find((candidate) => candidate.id === raised.id)
  const title = incident?.title ?? opinion?.title
  const link = incident ? `/incidents/${incident.id}` : opinion ? `/opinions/${opinion.id}` : null
  const what = RAISED_TEXT[raised.type] ?? '值班动态'
  return (
    <Alert
      key={raised.seq}
      role="alert"
      className="duty-flash"
      data-sound={raised.sound}
      type={raised.type === 'overdue' ? 'error' : 'warning'}
      showIcon
      icon={<AlertOutlined aria-hidden />}
      title={
        <span>
          {what}
          {title && '：'}
          {title && link ? <Link to={link}>{title}</Link> : title}
        </span>
      }
      description={
        raised.sound === 'blocked'
          ? '浏览器尚未允许发声：点击页面任意处后，下次提醒将有提示音。'
          : undefined
      }
      closable={{ 'aria-label': '关闭提醒', onClose }}
    />
  )
}

function overdueSteps(incident: { steps: IncidentSummary['steps'] }, now: number | null): number {
  return incident.steps.filter((step) => stepState(step, now) === 'overdue').length
}

/** Overdue first, then the nearest open deadline. */
function sortByUrgency(incidents: IncidentSummary[], now: number | null): IncidentSummary[] {
  const nextDue = (incident: IncidentSummary) =>
    Math.min(
      ...incident.steps.filter((step) => !step.satisfiedAt).map((step) => Date.parse(step.due)),
      Number.MAX_SAFE_INTEGER,
    )
  return [...incidents].sort(
    (a, b) => overdueSteps(b, now) - overdueSteps(a, now) || nextDue(a) - nextDue(b),
  )
}

function Figures({ board, now }: { board: DutyBoard; now: number | null }) {
  const overdue =
    board.incidents.filter((incident) => overdueSteps(incident, now) > 0).length +
    board.opinions.filter((item) => overdueSteps(item, now) > 0).length
  return (
    <Row gutter={[12, 12]}>
      <Col xs={8}>
        <Card size="small">
          <Statistic title="在办突发事件" value={board.incidents.length} />
        </Card>
      </Col>
      <Col xs={8}>
        <Card size="small">
          <Statistic
            title="超时未报"
            value={overdue}
            styles={{ content: { color: overdue > 0 ? '#cf1322' : undefined } }}
          />
        </Card>
      </Col>
      <Col xs={8}>
        <Card size="small">
          <Statistic title="在办舆情" value={board.opinions.length} />
        </Card>
      </Col>
    </Row>
  )
}

/** 带班领导 on call now: the duty office's published shift covering the server's now. */
function OnDutyCard({ board }: { board: DutyBoard }) {
  return (
    <Card size="small">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <span>
          当前带班领导：
          {board.leaderOnCall ? (
            <Typography.Text strong>{board.leaderOnCall.name}</Typography.Text>
          ) : (
            <Typography.Text type="danger">当前时段没有已发布的带班安排</Typography.Text>
          )}
        </span>
        <Link to="/duty/rosters">值班表</Link>
      </Flex>
    </Card>
  )
}

function IncidentCard({
  incident,
  now,
  flashing,
}: {
  incident: IncidentSummary
  now: number | null
  flashing: boolean
}) {
  const overdue = overdueSteps(incident, now) > 0
  return (
    <Card
      size="small"
      role="region"
      aria-label={`突发事件：${incident.title}`}
      className={flashing ? 'duty-flash-card' : undefined}
      style={overdue ? { borderColor: '#ff4d4f' } : undefined}
      title={
        <Link to={`/incidents/${incident.id}`} style={{ whiteSpace: 'normal' }}>
          {incident.title}
        </Link>
      }
    >
      {/* The category beside the facts, not in the title bar: a long title keeps the phone's width. */}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 12 }}>
        <Tag style={{ marginInlineEnd: 6 }}>{incident.categoryLabel ?? incident.category}</Tag>
        {[
          incident.reportingDepartment.name,
          incident.place,
          `${incident.knownAt ? '获知' : '发生'}于 ${shanghaiMinute(incident.clockFrom)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Paragraph>
      <StepCountdowns steps={incident.steps} now={now} />
      {incident.untimed && (
        <div>
          <Typography.Text type="danger">未载入报送时限，不计时</Typography.Text>
        </div>
      )}
      <RuleBasis ruleIds={incident.ruleIds ?? []} citations={[]} />
    </Card>
  )
}

function OpinionCard({
  item,
  now,
  flashing,
}: {
  item: OpinionSummary
  now: number | null
  flashing: boolean
}) {
  return (
    <Card
      size="small"
      role="region"
      aria-label={`政务舆情：${item.title}`}
      className={flashing ? 'duty-flash-card' : undefined}
      title={
        <Link to={`/opinions/${item.id}`} style={{ whiteSpace: 'normal' }}>
          {item.title}
        </Link>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4, fontSize: 12 }}>
        <Tag style={{ marginInlineEnd: 6 }}>{item.categoryLabel ?? item.category}</Tag>
        {item.source} · 发现于 {shanghaiMinute(item.surfacedAt)}
        {item.responsibleDepartmentName ? ` · 回应：${item.responsibleDepartmentName}` : ''}
      </Typography.Paragraph>
      <StepCountdowns steps={item.steps} now={now} label="回应时限" />
      <RuleBasis ruleIds={item.ruleIds} citations={[]} />
    </Card>
  )
}
