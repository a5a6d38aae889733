import { Card, Divider, Empty, Typography } from 'antd'
import { Fragment, type ReactNode } from 'react'
import {
  decideSupervisionExtension,
  reviewSupervisionClosure,
  type SupervisionItemView,
} from '../../api/supervision.ts'
import { ClosureForm } from './closure-form.tsx'
import { DecisionForm } from './decision-form.tsx'
import { ExtensionForm } from './extension-form.tsx'
import { ProgressForm } from './progress-form.tsx'

/**
 * What the current post may do on the item, as the server's `may` says: the units report,
 * ask for more time and report done; the supervision office decides extensions and closings.
 */
export function ActsCard({ view, onDone }: { view: SupervisionItemView; onDone: () => void }) {
  const { item, may } = view
  const acts: { key: string; title: string; form: ReactNode }[] = []
  if (may.report)
    acts.push({
      key: 'report',
      title: '报送进展',
      form: <ProgressForm item={item} onDone={onDone} />,
    })
  if (may.requestClosure)
    acts.push({
      key: 'closure',
      title: '报办结',
      form: <ClosureForm itemId={item.id} onDone={onDone} />,
    })
  if (may.requestExtension)
    acts.push({
      key: 'extension',
      title: '申请延期',
      form: <ExtensionForm item={item} onDone={onDone} />,
    })
  if (may.decideExtension)
    acts.push({
      key: 'decideExtension',
      title: '审核延期',
      form: (
        <DecisionForm
          name="supervision-extension-decision"
          label="延期审核意见"
          approveLabel="批准延期"
          refuseLabel="不批准"
          reasonRequired={false}
          send={(decision) => decideSupervisionExtension(item.id, decision)}
          onDone={onDone}
        />
      ),
    })
  if (may.reviewClosure)
    acts.push({
      key: 'reviewClosure',
      title: '办结审核',
      form: (
        <DecisionForm
          name="supervision-closure-review"
          label="办结审核意见"
          approveLabel="审核通过"
          refuseLabel="退回"
          reasonRequired
          send={(decision) => reviewSupervisionClosure(item.id, decision)}
          onDone={onDone}
        />
      ),
    })

  return (
    <Card title="办理">
      {acts.length === 0 && <Empty description="您在此事项上没有可办理的事项" />}
      {acts.map((act, index) => (
        <Fragment key={act.key}>
          {index > 0 && <Divider />}
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {act.title}
          </Typography.Title>
          {act.form}
        </Fragment>
      ))}
    </Card>
  )
}
