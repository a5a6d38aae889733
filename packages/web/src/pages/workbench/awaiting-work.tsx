import { ExclamationCircleOutlined } from '@ant-design/icons'
import { Badge, Card, Empty, Flex, Spin, Tag, Tooltip, Typography } from 'antd'
import { Link } from 'react-router-dom'
import type { AwaitingWork } from '../../api/workbench.ts'
import { fetchAwaitingWork } from '../../api/workbench.ts'
import { useLoad } from '../../api/use-load.ts'
import { LoadError } from '../../components/load-error.tsx'

const SECTION_COLOURS: Record<AwaitingWork['section'], string> = {
  documents: 'blue',
  meetings: 'purple',
  supervision: 'gold',
  absences: 'cyan',
  events: 'geekblue',
}

const PATHS: Record<AwaitingWork['target']['type'], string> = {
  document: '/documents',
  meeting: '/meetings',
  supervision: '/supervision',
  absence: '/absences',
  eventRequest: '/event-requests',
  abroadFollowUp: '/abroad-follow-ups',
}

/** The countdown on the official calendar: 剩 N 个工作日, 今日到期, 已逾期 N 个工作日 in red. */
export function countdownOf(work: Pick<AwaitingWork, 'dueDate' | 'workingDaysLeft' | 'overdue'>) {
  const left = work.workingDaysLeft
  if (work.dueDate === null || left === null) return { text: '无办理时限', colour: undefined }
  if (work.overdue) return { text: left < 0 ? `已逾期 ${-left} 个工作日` : '已逾期', colour: 'red' }
  if (left === 0) return { text: '今日到期', colour: 'orange' }
  return { text: `剩 ${left} 个工作日`, colour: left <= 2 ? 'orange' : 'blue' }
}

/**
 * 待我办理: what waits on the current post across documents, meetings and supervision, most
 * urgent first as the server orders it, each with its countdown and a link to the record.
 */
export function AwaitingWorkList() {
  const awaiting = useLoad('awaiting-work', (signal) => fetchAwaitingWork(signal))
  const items = awaiting.data?.items ?? []
  const overdue = items.filter((item) => item.overdue).length
  return (
    <Card
      role="region"
      aria-label="待我办理"
      title={
        <Flex gap={8} align="center" wrap>
          <span>待我办理</span>
          <Badge count={items.length} showZero color="blue" overflowCount={999} />
          {overdue > 0 && <Tag color="red">逾期 {overdue} 项</Tag>}
        </Flex>
      }
    >
      {awaiting.error ? (
        <LoadError error={awaiting.error} onRetry={awaiting.reload} />
      ) : items.length === 0 ? (
        <Empty description={awaiting.loading ? '正在加载' : '目前没有等待您办理的事项'} />
      ) : (
        <Spin spinning={awaiting.loading}>
          <ol aria-label="待我办理事项" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {items.map((item, index) => (
              <AwaitingRow
                key={`${item.target.id}:${item.kind}:${item.title}`}
                item={item}
                first={index === 0}
              />
            ))}
          </ol>
        </Spin>
      )}
    </Card>
  )
}

function AwaitingRow({ item, first }: { item: AwaitingWork; first: boolean }) {
  const countdown = countdownOf(item)
  return (
    <li
      style={{
        padding: '10px 0',
        borderTop: first ? undefined : '1px solid #f0f0f0',
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
            <Tag color={SECTION_COLOURS[item.section]} style={{ flex: 'none' }}>
              {item.kindLabel}
            </Tag>
            <Link
              to={`${PATHS[item.target.type]}/${item.target.id}`}
              style={{ fontSize: 15, wordBreak: 'break-word' }}
            >
              {item.title}
            </Link>
          </Flex>
          {item.from && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              来自：{item.from}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={6} align="center" style={{ flex: 'none' }}>
          {item.dueDate && (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {item.dueDate}
            </Typography.Text>
          )}
          <Typography.Text
            strong={item.overdue}
            style={countdown.colour === 'red' ? { color: '#cf1322' } : undefined}
          >
            {countdown.colour && countdown.colour !== 'red' ? (
              <Tag color={countdown.colour} style={{ marginInlineEnd: 0 }}>
                {countdown.text}
              </Tag>
            ) : (
              countdown.text
            )}
          </Typography.Text>
          {item.warnings.length > 0 && (
            <Tooltip title={item.warnings.map((warning) => warning.message).join('；')}>
              <ExclamationCircleOutlined
                aria-label="工作日为暂定"
                style={{ color: '#d48806' }}
                tabIndex={0}
              />
            </Tooltip>
          )}
        </Flex>
      </Flex>
    </li>
  )
}
