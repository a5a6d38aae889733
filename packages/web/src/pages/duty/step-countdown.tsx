import { Flex, Tag, Typography } from 'antd'
import type { TimedStep } from '../../api/duty.ts'
import { formatSpan, formatWithin, shanghaiMinute, shanghaiShort, stepState } from './duty-time.ts'

export { stepState, type StepState } from './duty-time.ts'

/** The step's standing as a tag: 剩余 0:49:05, 已超时 0:01:10, 已按时报送, 迟报 20 分钟. */
function StateTag({ step, now }: { step: TimedStep; now: number | null }) {
  const state = stepState(step, now)
  const due = Date.parse(step.due)
  switch (state) {
    case 'done':
      return <Tag color="green">已按时完成 {shanghaiShort(step.satisfiedAt!)}</Tag>
    case 'doneLate':
      // The server's figure, so the board and the 迟报漏报 register say the same minutes.
      return (
        <Tag color="volcano">
          迟报{typeof step.minutesLate === 'number' ? ` ${step.minutesLate} 分钟` : ''}
        </Tag>
      )
    case 'overdue':
      // 立即 (a period of zero): no deadline to count down or past — the time since the clock
      // started (the incident happened or became known), which is the due instant itself.
      if (step.immediate)
        return (
          <Tag color="red" className="duty-overdue" style={{ fontVariantNumeric: 'tabular-nums' }}>
            立即报送 · 已过 {now !== null ? formatSpan(now - due) : '—'}
          </Tag>
        )
      return (
        <Tag color="red" className="duty-overdue">
          已超时{now !== null ? ` ${formatSpan(now - due)}` : ''}
        </Tag>
      )
    default:
      return (
        <Tag
          color={state === 'soon' ? 'orange' : 'blue'}
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          剩余 {now !== null ? formatSpan(due - now) : '—'}
        </Tag>
      )
  }
}

/**
 * The timed steps of an incident or an opinion item, each with its period from the rulebook, its
 * due time in Beijing (the date shown when the count runs past midnight) and a live countdown on
 * the server's clock.
 */
export function StepCountdowns({
  steps,
  now,
  label = '报送时限',
}: {
  steps: TimedStep[]
  now: number | null
  label?: string
}) {
  return (
    <ul aria-label={label} style={{ margin: 0, padding: 0, listStyle: 'none' }}>
      {steps.map((step) => (
        <li
          key={step.act}
          aria-label={step.label}
          data-state={stepState(step, now)}
          style={{ padding: '4px 0' }}
        >
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Text>
              {step.label}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {step.immediate
                  ? `（立即，自 ${shanghaiShort(step.due)} 起）`
                  : `（${formatWithin(step.within)}内，${shanghaiShort(step.due)} 前）`}
              </Typography.Text>
            </Typography.Text>
            <StateTag step={step} now={now} />
          </Flex>
          {step.satisfiedAt && stepState(step, now) === 'doneLate' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              报送于 {shanghaiMinute(step.satisfiedAt)}
            </Typography.Text>
          )}
        </li>
      ))}
    </ul>
  )
}
