import { App, Button, Card, Flex, InputNumber, Typography } from 'antd'
import { useEffect } from 'react'
import {
  fetchSecuritySettings,
  saveSecuritySettings,
  type SecuritySettings,
} from '../../api/password.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { Form } from '../../components/form.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { SubmitError } from '../../components/submit-error.tsx'

/** 登录安全策略: the security admin sets them, the system admin reads them (ADR 0021). */
export function SecuritySettingsCard({ editable }: { editable: boolean }) {
  const settings = useLoad('security-settings', fetchSecuritySettings)
  const [form] = Form.useForm<SecuritySettings>()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data)
  }, [settings.data, form])

  function handleFinish(values: SecuritySettings) {
    void submit(async () => {
      await saveSecuritySettings(values)
      message.success('登录安全策略已保存')
      settings.reload()
    })
  }

  if (settings.error) return <LoadError error={settings.error} onRetry={settings.reload} />
  const field = (
    name: keyof SecuritySettings,
    label: string,
    min: number,
    max: number,
    extra: string,
  ) => (
    <Form.Item
      label={label}
      name={name}
      extra={extra}
      rules={[{ required: true, message: `请填写${label}` }]}
      style={{ flex: '1 1 200px', marginBottom: 8 }}
    >
      <InputNumber
        min={min}
        max={max}
        precision={0}
        disabled={!editable}
        style={{ width: '100%' }}
      />
    </Form.Item>
  )
  return (
    <Card title="登录安全策略" size="small" loading={!settings.data}>
      <Form<SecuritySettings>
        form={form}
        name="security-settings"
        layout="vertical"
        requiredMark={false}
        onFinish={handleFinish}
      >
        <Flex gap={16} wrap>
          {field(
            'passwordExpiryDays',
            '密码有效期（天）',
            0,
            3650,
            '0 表示不过期；过期后登录须先修改密码',
          )}
          {field('passwordHistoryCount', '历史密码个数', 0, 24, '新密码不得与最近这么多个密码相同')}
          {field('maxSessionsPerAccount', '同时在线会话数', 1, 100, '超出时最早的登录被结束')}
        </Flex>
        {error && <SubmitError error={error} />}
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Typography.Text type="secondary">
            {settings.data?.updatedBy
              ? `最近由 ${settings.data.updatedBy} 修改`
              : '尚未修改，使用默认值'}
            {editable ? '' : '；仅安全保密管理员可修改'}
          </Typography.Text>
          {editable && (
            <Button type="primary" htmlType="submit" loading={submitting}>
              保存策略
            </Button>
          )}
        </Flex>
      </Form>
    </Card>
  )
}
