import { Button, Card, DatePicker, Divider, Popconfirm, Space, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { Fragment } from 'react'
import { circulateCountersign, explainCountersign, remindCountersign } from '../../api/documents.ts'
import type { CountersignStanding, DocumentView } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { TextActForm } from './text-act-form.tsx'
import { useAct } from './use-act.ts'
import { Form } from '../../components/form.tsx'
import { DATE_FORMAT } from '../../format.ts'

/**
 * An overdue 会签 the current post can move on, as the server lists them (`countersigns[].may`):
 * the rule's reminder desk records the 催办 with the date the unit must now reply by (延津 三十);
 * the late unit files its 书面说明; the rule's office records the 通报 (二连浩特 五十一). Each shows
 * the rule's reading of the request, with its date, above the act.
 */
export function OverdueCountersignCard({
  view,
  departmentNames,
  onDone,
}: {
  view: DocumentView
  departmentNames: ReadonlyMap<string, string>
  onDone: () => void
}) {
  const open = (view.countersigns ?? []).filter(
    (standing) => standing.may.remind || standing.may.explain || standing.may.circulate,
  )
  if (open.length === 0) return null
  const documentId = view.document.id
  return (
    <Card title="逾期会签">
      {open.map((standing, index) => {
        const unit = departmentNames.get(standing.departmentId) ?? '会签单位'
        return (
          <Fragment key={standing.departmentId}>
            {index > 0 && <Divider />}
            <Typography.Paragraph>
              {unit}：{standing.summary}
            </Typography.Paragraph>
            {standing.may.remind && (
              <RemindForm documentId={documentId} standing={standing} onDone={onDone} />
            )}
            {standing.may.explain && (
              <TextActForm
                name="countersign-explain"
                label="书面说明情况和理由"
                maxLength={2000}
                placeholder="写明逾期未能回复会签意见的情况和理由"
                submitLabel="提交书面说明"
                send={(explanation) => explainCountersign(documentId, explanation)}
                onDone={onDone}
              />
            )}
            {standing.may.circulate && (
              <CirculateButton
                documentId={documentId}
                departmentId={standing.departmentId}
                unit={unit}
                onDone={onDone}
              />
            )}
          </Fragment>
        )
      })}
    </Card>
  )
}

function RemindForm({
  documentId,
  standing,
  onDone,
}: {
  documentId: string
  standing: CountersignStanding
  onDone: () => void
}) {
  const { submitting, error, act } = useAct(onDone)
  return (
    <Form<{ dueDate?: Dayjs }>
      name={`countersign-remind-${standing.departmentId}`}
      layout="vertical"
      requiredMark={false}
      onFinish={({ dueDate }) =>
        act(() =>
          remindCountersign(documentId, {
            departmentId: standing.departmentId,
            ...(dueDate ? { dueDate: dueDate.format(DATE_FORMAT) } : {}),
          }),
        )
      }
    >
      <Form.Item
        label="提醒后应于何日前反馈"
        name="dueDate"
        extra="规则未规定提醒后的反馈期限的，由催办部门确定。"
      >
        <DatePicker
          format={DATE_FORMAT}
          disabledDate={(date) => !date.isAfter(dayjs(), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        催办
      </Button>
    </Form>
  )
}

function CirculateButton({
  documentId,
  departmentId,
  unit,
  onDone,
}: {
  documentId: string
  departmentId: string
  unit: string
  onDone: () => void
}) {
  const { submitting, error, act } = useAct(onDone)
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Popconfirm
        title={`通报${unit}？`}
        description="会签逾期未回复，也未书面说明情况和理由。"
        okText="通报"
        cancelText="取消"
        onConfirm={() => act(() => circulateCountersign(documentId, departmentId))}
      >
        <Button loading={submitting}>通报</Button>
      </Popconfirm>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
