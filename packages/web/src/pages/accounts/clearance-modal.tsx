import { Alert, App, Modal, Select, Space } from 'antd'
import { setClearance } from '../../api/accounts.ts'
import type { AccountSummary, Clearance } from '../../api/types.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { CLEARANCE_LABELS } from '../../labels.ts'
import { Form } from '../../components/form.tsx'

interface Values {
  clearance: Clearance
}

const OPTIONS = Object.entries(CLEARANCE_LABELS).map(([value, label]) => ({ value, label }))

export function ClearanceModal({
  person,
  onClose,
  onSet,
}: {
  person: NonNullable<AccountSummary['person']>
  onClose: () => void
  onSet: () => void
}) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()

  function handleFinish({ clearance }: Values) {
    void submit(async () => {
      const result = await setClearance(person.id, clearance)
      message.success(`已设定密级：${person.name} → ${CLEARANCE_LABELS[result.clearance]}`)
      onSet()
    })
  }

  return (
    <Modal
      open
      title={`设定密级：${person.name}`}
      okText="设定"
      okButtonProps={{ htmlType: 'submit' }}
      confirmLoading={submitting}
      onCancel={onClose}
      modalRender={(dialog) => (
        <Form<Values>
          form={form}
          name="set-clearance"
          layout="vertical"
          requiredMark={false}
          initialValues={{ clearance: person.clearance }}
          onFinish={handleFinish}
        >
          {dialog}
        </Form>
      )}
    >
      <Form.Item
        label="知悉密级"
        name="clearance"
        extra="该人员可以知悉的最高密级。"
        rules={[{ required: true, message: '请选择密级' }]}
      >
        <Select options={OPTIONS} />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="warning" showIcon title="绝密级信息不得在本系统中处理" />
        {error && <SubmitError error={error} />}
      </Space>
    </Modal>
  )
}
