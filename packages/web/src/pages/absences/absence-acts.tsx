import { App, Button, Card, DatePicker, Divider, Input, Popconfirm, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import {
  type AbsenceView,
  approveAbsence,
  refuseAbsence,
  reportAbsenceReturn,
  withdrawAbsence,
} from '../../api/absences.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { Form } from '../../components/form.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { DATE_FORMAT } from '../../format.ts'

/** One act on the request: says what was done and shows the server's answer as the new view. */
function useAbsenceAct(onDone: (view: AbsenceView) => void) {
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  function act(call: () => Promise<AbsenceView>, done: string) {
    void submit(async () => {
      const view = await call()
      message.success(done)
      onDone(view)
    })
  }
  return { submitting, error, act }
}

/** 办理: what the current post may do on the request, as the server answers (view.acts). */
export function AbsenceActs({
  view,
  onDone,
}: {
  view: AbsenceView
  onDone: (view: AbsenceView) => void
}) {
  if (view.acts.length === 0) return null
  const decides = view.acts.includes('approve') || view.acts.includes('refuse')
  return (
    <Card title="办理" role="region" aria-label="办理">
      {decides && <DecideForm view={view} onDone={onDone} />}
      {view.acts.includes('return') && (
        <>
          {decides && <Divider />}
          <ReturnForm view={view} onDone={onDone} />
        </>
      )}
      {view.acts.includes('withdraw') && (
        <>
          {(decides || view.acts.includes('return')) && <Divider />}
          <WithdrawButton view={view} onDone={onDone} />
        </>
      )}
    </Card>
  )
}

/** 审批: approve with an optional opinion, or refuse with a reason. */
function DecideForm({ view, onDone }: { view: AbsenceView; onDone: (view: AbsenceView) => void }) {
  const [form] = Form.useForm<{ text?: string }>()
  const { submitting, error, act } = useAbsenceAct(onDone)

  function decide(approve: boolean) {
    const text = form.getFieldValue('text')?.trim() || undefined
    if (!approve && !text) {
      form.setFields([{ name: 'text', errors: ['不同意须说明理由'] }])
      return
    }
    form.setFields([{ name: 'text', errors: [] }])
    if (approve) act(() => approveAbsence(view.id, text), '已同意')
    else act(() => refuseAbsence(view.id, text!), '已不予批准')
  }

  return (
    <Form<{ text?: string }>
      form={form}
      name="decide-absence"
      layout="vertical"
      requiredMark={false}
    >
      <Form.Item label="审批意见" name="text" extra="同意时可不填；不同意时须说明理由。">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Space wrap>
        {view.acts.includes('approve') && (
          <Button type="primary" loading={submitting} onClick={() => decide(true)}>
            同意
          </Button>
        )}
        {view.acts.includes('refuse') && (
          <Button danger disabled={submitting} onClick={() => decide(false)}>
            不同意
          </Button>
        )}
      </Space>
    </Form>
  )
}

interface ReturnValues {
  returnedOn: Dayjs
  report?: string
}

/** 销假: the day of return and the report the article asks for. */
function ReturnForm({ view, onDone }: { view: AbsenceView; onDone: (view: AbsenceView) => void }) {
  const { submitting, error, act } = useAbsenceAct(onDone)
  return (
    <Form<ReturnValues>
      name="return-absence"
      layout="vertical"
      initialValues={{ returnedOn: dayjs() }}
      onFinish={(values) =>
        act(
          () =>
            reportAbsenceReturn(
              view.id,
              values.returnedOn.format(DATE_FORMAT),
              values.report?.trim() || undefined,
            ),
          '已销假',
        )
      }
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        销假
      </Typography.Title>
      <Form.Item
        label="返回日期"
        name="returnedOn"
        rules={[{ required: true, message: '请选择返回日期' }]}
      >
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item
        label="销假报告"
        name="report"
        extra={
          view.reportBackTo.length > 0
            ? `按规定向${view.reportBackTo.join('、')}报告外出期间的情况。`
            : '简要报告外出期间的情况（可选）。'
        }
      >
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        销假
      </Button>
    </Form>
  )
}

function WithdrawButton({
  view,
  onDone,
}: {
  view: AbsenceView
  onDone: (view: AbsenceView) => void
}) {
  const { submitting, error, act } = useAbsenceAct(onDone)
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Popconfirm
        title="撤回这份申请？"
        okText="撤回"
        cancelText="取消"
        onConfirm={() => act(() => withdrawAbsence(view.id), '已撤回')}
      >
        <Button loading={submitting}>撤回申请</Button>
      </Popconfirm>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
