import { App, Breadcrumb, Button, Space, Typography } from 'antd'
import { Link, useNavigate } from 'react-router-dom'
import { createSupervisionItem } from '../../api/supervision.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { useMe } from '../../session/session-context.ts'
import { useDepartments } from '../supervision/use-departments.ts'
import { ItemFields, type ItemValues, newItemOf } from './item-fields.tsx'
import { Form } from '../../components/form.tsx'

export function NewSupervisionItemPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理督查事项，不能立项督办" />
  return <NewItem />
}

/**
 * 立项督办 by the supervision office (or the office the rulebook makes keep the ledger). The
 * server sets the time limit from the rulebook when none is given, and refuses a later one, or a
 * missing one where the rulebook sets none, with the article.
 */
function NewItem() {
  const navigate = useNavigate()
  const { message } = App.useApp()
  const departments = useDepartments()
  const { submitting, error, submit } = useSubmit()

  function handleFinish(values: ItemValues) {
    void submit(async () => {
      const view = await createSupervisionItem(newItemOf(values))
      message.success('已立项督办')
      navigate(`/supervision/${view.item.id}`)
    })
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 860 }}>
      <Breadcrumb
        items={[
          { key: 'ledger', title: <Link to="/supervision">督查台账</Link> },
          { key: 'new', title: '立项督办' },
        ]}
      />
      <div>
        <PageTitle>立项督办</PageTitle>
        <Typography.Paragraph type="secondary">
          由督查部门（或规则库指定的台账管理部门）将需要督办的事项列入督查台账，明确牵头单位、配合单位、
          办理时限和时间节点。会议议定事项在会议决定时自动立项。
        </Typography.Paragraph>
      </div>
      {departments.error && <LoadError error={departments.error} />}
      <Form<ItemValues>
        name="new-supervision-item"
        layout="vertical"
        initialValues={{ secrecy: '内部' }}
        onFinish={handleFinish}
      >
        <ItemFields departments={departments.options} departmentsLoading={departments.loading} />
        {error && (
          <Form.Item>
            <SubmitError error={error} />
          </Form.Item>
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={submitting}>
            立项
          </Button>
          <Button onClick={() => navigate('/supervision')}>取消</Button>
        </Space>
      </Form>
    </Space>
  )
}
