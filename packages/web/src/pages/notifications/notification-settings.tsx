import { Alert, App, Button, Input, Space, Switch, Typography } from 'antd'
import { useEffect } from 'react'
import {
  fetchNotificationPreferences,
  type NotificationPreferences,
  saveNotificationPreferences,
} from '../../api/notifications.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { Form } from '../../components/form.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { SubmitError } from '../../components/submit-error.tsx'

interface Values {
  emailEnabled: boolean
  emailAddress: string
  webhookEnabled: boolean
  webhookRecipient: string
}

/** 接收设置: 站内 always; e-mail and the messaging gateway where the deployment offers them. */
export function NotificationSettings() {
  const loaded = useLoad('notification-preferences', (signal) =>
    fetchNotificationPreferences(signal),
  )
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const [form] = Form.useForm<Values>()
  const emailEnabled = Form.useWatch('emailEnabled', form)
  const webhookEnabled = Form.useWatch('webhookEnabled', form)
  const data = loaded.data

  useEffect(() => {
    if (!data) return
    form.setFieldsValue({
      emailEnabled: data.email.enabled,
      emailAddress: data.email.address ?? '',
      webhookEnabled: data.webhook.enabled,
      webhookRecipient: data.webhook.recipientId ?? '',
    })
  }, [data, form])

  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />
  if (!data) return <PageLoading />
  const offers = (channel: 'email' | 'webhook') => data.available.includes(channel)

  function save(values: Values) {
    const preferences: NotificationPreferences = {
      email: { enabled: values.emailEnabled, address: values.emailAddress.trim() || null },
      webhook: {
        enabled: values.webhookEnabled,
        recipientId: values.webhookRecipient.trim() || null,
      },
    }
    return submit(async () => {
      await saveNotificationPreferences(preferences)
      message.success('接收设置已保存')
      loaded.reload()
    })
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={save}
      style={{ maxWidth: 560 }}
      aria-label="接收设置"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          新待办、催办、逾期、会议通知和审批结果都会出现在消息中心，打开的页面即时提示。还可以同时通过以下方式接收。
        </Typography.Paragraph>
        <Form.Item label="站内消息" extra="始终开启">
          <Switch checked disabled aria-label="站内消息（始终开启）" />
        </Form.Item>
        <Form.Item
          name="emailEnabled"
          label="电子邮件"
          valuePropName="checked"
          extra={offers('email') ? undefined : '本系统未配置邮件服务器，暂不能开启'}
        >
          <Switch disabled={!offers('email')} aria-label="电子邮件提醒" />
        </Form.Item>
        <Form.Item
          name="emailAddress"
          label="电子邮箱地址"
          rules={[
            { required: Boolean(emailEnabled), message: '开启邮件提醒须填写电子邮箱地址' },
            { type: 'email', message: '电子邮箱地址格式不正确' },
            { max: 254, message: '电子邮箱地址不超过 254 个字符' },
          ]}
        >
          <Input
            placeholder="name@example.gov.cn"
            autoComplete="email"
            inputMode="email"
            disabled={!offers('email')}
          />
        </Form.Item>
        <Form.Item
          name="webhookEnabled"
          label="消息网关（如政务微信）"
          valuePropName="checked"
          extra={offers('webhook') ? undefined : '本系统未配置消息网关，暂不能开启'}
        >
          <Switch disabled={!offers('webhook')} aria-label="消息网关提醒" />
        </Form.Item>
        <Form.Item
          name="webhookRecipient"
          label="网关账号"
          extra="消息网关识别您的账号（如政务微信的用户 ID）"
          rules={[
            { required: Boolean(webhookEnabled), message: '开启消息网关提醒须填写网关账号' },
            {
              pattern: /^[\w.@:-]{1,128}$/,
              message: '网关账号只能由字母、数字和 . _ - @ : 组成，不超过 128 个字符',
            },
          ]}
        >
          <Input autoComplete="off" disabled={!offers('webhook')} />
        </Form.Item>
        {error && <SubmitError error={error} />}
        {!data.available.length && (
          <Alert type="info" showIcon title="本系统目前只提供站内消息。" />
        )}
        <Button type="primary" htmlType="submit" loading={submitting}>
          保存
        </Button>
      </Space>
    </Form>
  )
}
