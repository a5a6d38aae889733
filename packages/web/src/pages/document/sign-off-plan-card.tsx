import { Card, Space, Steps, type StepsProps, Typography } from 'antd'
import type { DocumentView, OutgoingPlan } from '../../api/types.ts'
import { CountersignStatus } from './countersign-status.tsx'
import { SignOffNotice } from './sign-off-notice.tsx'
import type { SignOff } from './use-sign-off.ts'

/** States once signing is done: every step of the plan is finished. */
const SIGNED = new Set(['signed', 'numbered', 'issued', 'archived'])

/** Who did each step: the i-th 核稿 event is step i, the sign event the last one. */
function actorsOf(view: DocumentView): (string | null)[] {
  return [
    ...view.events.filter((event) => event.action === 'review'),
    ...view.events.filter((event) => event.action === 'sign'),
  ].map((event) => event.actor)
}

function stepsOf(view: DocumentView, plan: OutgoingPlan, signOff: SignOff): StepsProps {
  const actors = actorsOf(view)
  const posts = [...signOff.reviewers, signOff.signer]
  const items = posts.map((post, index) => ({
    key: `${index}`,
    title: index < signOff.reviewers.length ? `核稿：${post}` : `签发：${post}`,
    content: actors[index] ?? undefined,
  }))
  if (SIGNED.has(view.document.state)) return { items, current: items.length - 1, status: 'finish' }
  const current = view.document.state === 'awaitingSignature' ? signOff.reviewers.length : plan.step
  return { items, current }
}

/**
 * 审核签发: the plan the rulebook fixed at drafting (ADR 0007), shown from the start so everyone
 * on the way knows who reviews and who alone may sign, with the article; then the 会签.
 */
export function SignOffPlanCard({
  view,
  plan,
  signOff,
  departmentNames,
}: {
  view: DocumentView
  plan: OutgoingPlan
  signOff: SignOff | undefined
  departmentNames: ReadonlyMap<string, string>
}) {
  return (
    <Card title="审核签发">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text>{plan.summary}</Typography.Text>
        {signOff && (
          <>
            <Steps size="small" orientation="vertical" {...stepsOf(view, plan, signOff)} />
            <SignOffNotice signOff={signOff} />
          </>
        )}
        <CountersignStatus
          events={view.events}
          tasks={view.tasks}
          standings={view.countersigns ?? []}
          departmentNames={departmentNames}
        />
      </Space>
    </Card>
  )
}
