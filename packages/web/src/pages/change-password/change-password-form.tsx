import { App, Button, Input } from 'antd'
import { changePassword } from '../../api/password.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { Form } from '../../components/form.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { useSession } from '../../session/session-context.ts'
import { PASSWORD_POLICY_HELP } from '../accounts/password-policy.ts'

interface Values {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

/** Current password, new password twice; the server checks the policy and the history. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const [form] = Form.useForm<Values>()
  const { message } = App.useApp()
  const { me, retry } = useSession()
  const { submitting, error, submit } = useSubmit()

  function handleFinish({ currentPassword, newPassword }: Values) {
    void submit(async () => {
      const { revokedOtherSessions } = await changePassword(currentPassword, newPassword)
      message.success(
        revokedOtherSessions > 0
          ? `密码已修改，其他设备上的 ${revokedOtherSessions} 个登录已结束`
          : '密码已修改',
      )
      form.resetFields()
      // A must-change is lifted: read the session again, which opens the application.
      if (me?.mustChangePassword) retry()
      else onChanged?.()
    })
  }

  return (
    <Form<Values>
      form={form}
      name="change-password"
      layout="vertical"
      requiredMark={false}
      onFinish={handleFinish}
      style={{ maxWidth: 420 }}
    >
      <Form.Item
        label="当前密码"
        name="currentPassword"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra={`${PASSWORD_POLICY_HELP}也不得与最近用过的密码相同。`}
        rules={[{ required: true, message: '请输入新密码' }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error && <SubmitError error={error} />}
      <Button type="primary" htmlType="submit" loading={submitting}>
        修改密码
      </Button>
    </Form>
  )
}
