import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons'
import { Form } from '../../components/form.tsx'
import { App, Button, Flex, Input, InputNumber, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import {
  DUTY_DAY_TYPE_LABELS,
  type DutyDayType,
  type DutyShiftPattern,
  type DutyUnit,
  updateDutyUnit,
} from '../../api/duty-rosters.ts'
import { fetchOrganisation } from '../../api/organisation.ts'
import { asApiError, useLoad } from '../../api/use-load.ts'
import { useMe } from '../../session/session-context.ts'

const DAY_TYPES: DutyDayType[] = ['workday', 'restday', 'holiday']
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

interface Values {
  leaderPostIds: string[]
  staffPostIds: string[]
  shiftPattern: DutyShiftPattern
}

/**
 * 值班单位设置: the unit's shifts for each kind of day (an end at or before the start is the next
 * morning's) and who takes turns as 带班领导 and 值班员, in the order picked.
 */
export function UnitSettingsModal(props: {
  unit: DutyUnit
  onClose: () => void
  onDone: () => void
}) {
  const me = useMe()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const chart = useLoad(`organisation:${me.jurisdiction?.id}`, (signal) =>
    fetchOrganisation(me.jurisdiction?.id ?? '', undefined, signal),
  )
  const posts = (chart.data?.posts ?? []).map((post) => ({
    value: post.postId,
    label: `${post.title}${post.holders.length ? `（${post.holders.map((h) => h.name).join('、')}）` : '（空缺）'}`,
  }))
  const submit = async () => {
    const values = await form.validateFields()
    setBusy(true)
    try {
      await updateDutyUnit(props.unit.id, values)
      message.success('已保存值班单位设置')
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
      title={`${props.unit.departmentName}值班设置`}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={submit}
      onCancel={props.onClose}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          leaderPostIds: props.unit.leaderPostIds,
          staffPostIds: props.unit.staffPostIds,
          shiftPattern: props.unit.shiftPattern,
        }}
      >
        <Form.Item name="leaderPostIds" label="带班领导（按轮值顺序）">
          <Select
            mode="multiple"
            options={posts}
            loading={chart.loading}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="staffPostIds" label="值班人员（按轮值顺序）">
          <Select
            mode="multiple"
            options={posts}
            loading={chart.loading}
            optionFilterProp="label"
          />
        </Form.Item>
        {DAY_TYPES.map((dayType) => (
          <div key={dayType}>
            <Typography.Text strong>{DUTY_DAY_TYPE_LABELS[dayType]}班次</Typography.Text>
            <Form.List name={['shiftPattern', dayType]}>
              {(fields, { add, remove }) => (
                <Flex vertical gap={4} style={{ margin: '4px 0 12px' }}>
                  {fields.map((field) => (
                    <Flex key={field.key} gap={4} wrap align="baseline">
                      <Form.Item
                        name={[field.name, 'label']}
                        rules={[{ required: true, whitespace: true, message: '班次名称' }]}
                        noStyle
                      >
                        <Input
                          aria-label="班次名称"
                          placeholder="班次"
                          style={{ width: 90 }}
                          maxLength={20}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'start']}
                        rules={[{ pattern: TIME, required: true, message: 'HH:MM' }]}
                        noStyle
                      >
                        <Input aria-label="开始" placeholder="08:30" style={{ width: 72 }} />
                      </Form.Item>
                      <span>至</span>
                      <Form.Item
                        name={[field.name, 'end']}
                        rules={[{ pattern: TIME, required: true, message: 'HH:MM' }]}
                        noStyle
                      >
                        <Input aria-label="结束" placeholder="08:30" style={{ width: 72 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'staff']} noStyle>
                        <InputNumber
                          aria-label="值班人数"
                          min={0}
                          max={10}
                          addonAfter="人"
                          style={{ width: 100 }}
                        />
                      </Form.Item>
                      <Button
                        type="text"
                        aria-label="删除班次"
                        icon={<MinusCircleOutlined aria-hidden />}
                        onClick={() => remove(field.name)}
                      />
                    </Flex>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined aria-hidden />}
                    onClick={() => add({ label: '全天', start: '08:30', end: '08:30', staff: 1 })}
                  >
                    添加班次
                  </Button>
                </Flex>
              )}
            </Form.List>
          </div>
        ))}
      </Form>
    </Modal>
  )
}
