import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd'
import { useState } from 'react'
import { confirmOwnEnrolment, fetchSecondFactor, startOwnEnrolment } from '../api/second-factor.ts'
import { useLoad } from '../api/use-load.ts'
import { PageLoading } from '../components/page-loading.tsx'
import { EnrolmentSteps } from './second-factor/enrolment-steps.tsx'

/** 两步验证: whether it is on, required, how many recovery codes are left; turning it on. */
export function SecondFactorPage() {
  const { data: status, error, reload } = useLoad('second-factor', fetchSecondFactor)
  const [enrolling, setEnrolling] = useState(false)

  if (error) return <Alert type="error" showIcon title={error.message} />
  if (!status) return <PageLoading />
  return (
    <Flex vertical gap={16} style={{ maxWidth: 560 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        两步验证
      </Typography.Title>
      <Card>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="状态">{status.active ? '已启用' : '未启用'}</Descriptions.Item>
          <Descriptions.Item label="要求">
            {status.required ? '本账户必须使用两步验证' : '可自行选择是否启用'}
          </Descriptions.Item>
          {status.active && (
            <Descriptions.Item label="剩余恢复码">{status.recoveryCodesLeft} 个</Descriptions.Item>
          )}
        </Descriptions>
        {status.active && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            更换或丢失手机时，请联系安全保密管理员重置两步验证。
          </Typography.Paragraph>
        )}
      </Card>
      {!status.active &&
        (enrolling ? (
          <Card title="启用两步验证">
            <EnrolmentSteps
              start={startOwnEnrolment}
              confirm={confirmOwnEnrolment}
              doneLabel="完成"
              onDone={() => {
                setEnrolling(false)
                reload()
              }}
            />
          </Card>
        ) : (
          <Button type="primary" onClick={() => setEnrolling(true)} style={{ alignSelf: 'start' }}>
            启用两步验证
          </Button>
        ))}
    </Flex>
  )
}
