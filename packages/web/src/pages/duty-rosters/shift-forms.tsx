import { App, Input, Modal, Radio, Select } from 'antd'
import { Form } from '../../components/form.tsx'
import { useState } from 'react'
import {
  type DutyCandidate,
  type DutyShift,
  editDutyShift,
  swapDutyShift,
} from '../../api/duty-rosters.ts'
import { asApiError } from '../../api/use-load.ts'
import { shiftTime } from './shift-time.ts'

const options = (candidates: DutyCandidate[]) =>
  candidates.map((c) => ({ value: c.personId, label: `${c.name}（${c.postTitle}）` }))

/** 编辑: who stands a draft shift, from the unit's candidates. */
export function EditShiftModal(props: {
  shift: DutyShift
  leaders: DutyCandidate[]
  staff: DutyCandidate[]
  onClose: () => void
  onDone: () => void
}) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{ leaderPersonId?: string; staffPersonIds: string[] }>()
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    const values = await form.validateFields()
    setBusy(true)
    try {
      await editDutyShift(props.shift.id, {
        leaderPersonId: values.leaderPersonId ?? null,
        staffPersonIds: values.staffPersonIds ?? [],
        version: props.shift.version,
      })
      message.success('已保存')
      props.onDone()
    } catch (error) {
      message.error(asApiError(error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open
      title={`编辑班次：${shiftTime(props.shift)}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          leaderPersonId: props.shift.leader?.personId,
          staffPersonIds: props.shift.staff.map((s) => s.personId),
        }}
      >
        <Form.Item name="leaderPersonId" label="带班领导">
          <Select allowClear options={options(props.leaders)} placeholder="选择带班领导" />
        </Form.Item>
        <Form.Item name="staffPersonIds" label="值班人员">
          <Select mode="multiple" options={options(props.staff)} placeholder="选择值班人员" />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** 换班: a published shift given to another candidate, with the reason (audited). */
export function SwapShiftModal(props: {
  shift: DutyShift
  leaders: DutyCandidate[]
  staff: DutyCandidate[]
  onClose: () => void
  onDone: () => void
}) {
  const { message } = App.useApp()
  const [form] = Form.useForm<{
    role: 'leader' | 'staff'
    fromPersonId?: string
    toPersonId: string
    reason: string
  }>()
  const role = Form.useWatch('role', form) ?? 'leader'
  const [busy, setBusy] = useState(false)
  const onShift = new Set([
    props.shift.leader?.personId,
    ...props.shift.staff.map((s) => s.personId),
  ])
  const submit = async () => {
    const values = await form.validateFields()
    setBusy(true)
    try {
      await swapDutyShift(props.shift.id, {
        role: values.role,
        fromPersonId:
          values.role === 'leader'
            ? (props.shift.leader?.personId ?? null)
            : (values.fromPersonId ?? null),
        toPersonId: values.toPersonId,
        reason: values.reason,
      })
      message.success('已换班')
      props.onDone()
    } catch (error) {
      message.error(asApiError(error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Modal
      open
      title={`换班：${shiftTime(props.shift)}`}
      okText="换班"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onClose}
    >
      <Form form={form} layout="vertical" initialValues={{ role: 'leader' }}>
        <Form.Item name="role" label="换哪一岗">
          <Radio.Group
            options={[
              { value: 'leader', label: '带班领导' },
              { value: 'staff', label: '值班人员' },
            ]}
          />
        </Form.Item>
        {role === 'staff' && (
          <Form.Item name="fromPersonId" label="换出">
            <Select
              allowClear
              placeholder="（增加一名值班人员则不选）"
              options={props.shift.staff.map((s) => ({ value: s.personId, label: s.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="toPersonId"
          label="换入"
          rules={[{ required: true, message: '请选择接班的人' }]}
        >
          <Select
            options={options(role === 'leader' ? props.leaders : props.staff).filter(
              (o) => !onShift.has(o.value),
            )}
            placeholder="选择接班的人"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="换班事由"
          rules={[{ required: true, whitespace: true, message: '请填写换班事由' }]}
        >
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
