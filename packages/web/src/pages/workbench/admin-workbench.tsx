import { Alert, Button, Card, Col, Row, Space, Tag, Typography } from 'antd'
import { useNavigate } from 'react-router-dom'
import type { AdminRole, Me } from '../../api/types.ts'
import { PageTitle } from '../../components/page-title.tsx'
import { ADMIN_ROLE_LABELS } from '../../labels.ts'

/** 三员分立: each administrator does one of three jobs and none can do another's. */
const DUTIES: Record<AdminRole, { duties: string; barred: string }> = {
  systemAdmin: {
    duties: '负责系统的安装、配置和运行维护，管理用户账号、组织机构和规则库的部署。',
    barred: '不能设置安全保密策略，不能查看或处理审计记录。',
  },
  securityAdmin: {
    duties: '负责安全保密策略：用户的密级与权限、访问控制、口令策略和账号的锁定与解锁。',
    barred: '不能进行系统配置，不能查看或处理审计记录。',
  },
  auditAdmin: {
    duties: '负责查看和校验审计日志，对系统管理员、安全保密管理员和所有用户的操作进行审计。',
    barred: '不能进行系统配置，不能设置安全保密策略。',
  },
}

const ROLES: AdminRole[] = ['systemAdmin', 'securityAdmin', 'auditAdmin']

export function AdminWorkbench({ me, adminRole }: { me: Me; adminRole: AdminRole }) {
  const navigate = useNavigate()
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <PageTitle>工作台</PageTitle>
        <Typography.Paragraph>
          您好，{me.username}。您的角色是{ADMIN_ROLE_LABELS[adminRole]}。
        </Typography.Paragraph>
      </div>
      <Alert
        type="info"
        showIcon
        title="三员分立"
        description="本系统的管理职责由系统管理员、安全保密管理员和安全审计员分别承担，相互制约。管理员不担任政府职务，不办理公文和政务事项。"
      />
      <Row gutter={[16, 16]}>
        {ROLES.map((role) => (
          <Col key={role} xs={24} lg={8}>
            <Card
              title={ADMIN_ROLE_LABELS[role]}
              extra={role === adminRole ? <Tag color="blue">您的角色</Tag> : undefined}
              style={{ height: '100%' }}
            >
              <Typography.Paragraph>{DUTIES[role].duties}</Typography.Paragraph>
              <Typography.Paragraph type="secondary">{DUTIES[role].barred}</Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      {adminRole !== 'auditAdmin' && (
        <Button type="primary" onClick={() => navigate('/accounts')}>
          管理账户
        </Button>
      )}
      {adminRole === 'auditAdmin' && (
        <Button type="primary" onClick={() => navigate('/audit')}>
          查看审计日志
        </Button>
      )}
    </Space>
  )
}
