import { App, Input, Modal, Select } from 'antd'
import { createAccount } from '../../api/accounts.ts'
import { fetchOrganisation } from '../../api/organisation.ts'
import type { AccountSummary, JurisdictionSummary } from '../../api/types.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { LoadError } from '../../components/load-error.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { holdersWithoutAccount } from './holder-options.ts'
import { PASSWORD_POLICY_HELP } from './password-policy.ts'
import { Form } from '../../components/form.tsx'

const USERNAME_FORMAT = '3–64 位小写字母、数字或 . _ -，以字母开头'

interface Values {
  jurisdictionId: string | undefined
  personId: string
  username: string
  password: string
}

export function CreateAccountModal({
  jurisdictions,
  accounts,
  onClose,
  onCreated,
}: {
  jurisdictions: JurisdictionSummary[]
  accounts: AccountSummary[]
  onClose: () => void
  onCreated: () => void
}) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const jurisdictionId = Form.useWatch('jurisdictionId', form)
  const chart = useLoad(jurisdictionId ? `organisation:${jurisdictionId}` : null, (signal) =>
    fetchOrganisation(jurisdictionId ?? '', undefined, signal),
  )
  // The previous jurisdiction's chart stays loaded until the next arrives; its people must not.
  const current = chart.data?.jurisdiction.id === jurisdictionId ? chart.data : undefined
  const holders = current ? holdersWithoutAccount(current, accounts) : []

  function handleFinish({ personId, username, password }: Values) {
    void submit(async () => {
      const account = await createAccount({ personId, username, password })
      message.success(`已开设账户：${account.username}`)
      onCreated()
    })
  }

  return (
    <Modal
      open
      title="开设账户"
      okText="开设"
      okButtonProps={{ htmlType: 'submit' }}
      confirmLoading={submitting}
      onCancel={onClose}
      modalRender={(dialog) => (
        <Form<Values>
          form={form}
          name="create-account"
          layout="vertical"
          requiredMark={false}
          initialValues={{
            jurisdictionId: jurisdictions.length === 1 ? jurisdictions[0]?.id : undefined,
          }}
          onValuesChange={(changed: Partial<Values>) => {
            if ('jurisdictionId' in changed) form.setFieldValue('personId', undefined)
          }}
          onFinish={handleFinish}
        >
          {dialog}
        </Form>
      )}
    >
      <Form.Item
        label="辖区"
        name="jurisdictionId"
        rules={[{ required: true, message: '请选择辖区' }]}
      >
        <Select
          placeholder="选择辖区"
          options={jurisdictions.map((j) => ({ value: j.id, label: j.name }))}
        />
      </Form.Item>
      <Form.Item
        label="人员"
        name="personId"
        extra="只列出该辖区在任、尚未开设账户的人员。"
        rules={[{ required: true, message: '请选择人员' }]}
      >
        <Select
          placeholder={jurisdictionId ? '选择人员' : '请先选择辖区'}
          disabled={!jurisdictionId}
          loading={chart.loading}
          showSearch={{ optionFilterProp: 'label' }}
          options={holders}
          notFoundContent={chart.loading ? '正在加载…' : '该辖区没有尚未开设账户的任职人员'}
        />
      </Form.Item>
      {chart.error && <LoadError error={chart.error} onRetry={chart.reload} />}
      <Form.Item
        label="用户名"
        name="username"
        extra={`${USERNAME_FORMAT}。`}
        rules={[
          { required: true, message: '请输入用户名' },
          { pattern: /^[a-z][a-z0-9._-]{2,63}$/, message: `用户名须为${USERNAME_FORMAT}` },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="密码"
        name="password"
        extra={PASSWORD_POLICY_HELP}
        rules={[{ required: true, message: '请输入密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error && <SubmitError error={error} />}
    </Modal>
  )
}
