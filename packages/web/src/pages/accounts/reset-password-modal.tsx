import { App, Input, Modal, Typography } from 'antd'
import { resetPassword } from '../../api/accounts.ts'
import type { AccountSummary } from '../../api/types.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { PASSWORD_POLICY_HELP } from './password-policy.ts'
import { Form } from '../../components/form.tsx'

interface Values {
  password: string
}

export function ResetPasswordModal({
  account,
  onClose,
  onReset,
}: {
  account: AccountSummary
  onClose: () => void
  onReset: () => void
}) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()

  function handleFinish({ password }: Values) {
    void submit(async () => {
      const { revokedSessions } = await resetPassword(account.id, password)
      message.success(`已重置密码，已结束 ${revokedSessions} 个会话`)
      onReset()
    })
  }

  return (
    <Modal
      open
      title={`重置密码：${account.username}`}
      okText="重置"
      okButtonProps={{ htmlType: 'submit' }}
      confirmLoading={submitting}
      onCancel={onClose}
      modalRender={(dialog) => (
        <Form<Values>
          form={form}
          name="reset-password"
          layout="vertical"
          requiredMark={false}
          onFinish={handleFinish}
        >
          {dialog}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        重置后，该账户在所有设备上的登录都将结束，须以新密码重新登录。
      </Typography.Paragraph>
      <Form.Item
        label="新密码"
        name="password"
        extra={PASSWORD_POLICY_HELP}
        rules={[{ required: true, message: '请输入新密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error && <SubmitError error={error} />}
    </Modal>
  )
}
