import { App, Breadcrumb, Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd'
import { Link, useParams } from 'react-router-dom'
import {
  type AbroadFollowUp,
  fetchAbroadFollowUps,
  recordAbroadFollowUp,
} from '../api/abroad-follow-ups.ts'
import { useLoad } from '../api/use-load.ts'
import { useSubmit } from '../api/use-submit.ts'
import { CitationList } from '../components/citation-list.tsx'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { SubmitError } from '../components/submit-error.tsx'
import { useMe } from '../session/session-context.ts'

export function AbroadFollowUpsPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不任职务，不办理出访后续事项" />
  return <AbroadFollowUps />
}

/**
 * 出访后续事项: after a trip abroad closed by 销假, what the rulebook asks by when (上缴公务护照,
 * 报送出访总结), with its article; one trip's (from the workbench) or all the viewer may see.
 */
function AbroadFollowUps() {
  const absenceId = useParams().absenceId
  const list = useLoad('abroad-follow-ups', (signal) => fetchAbroadFollowUps(signal))
  const items = (list.data?.items ?? []).filter(
    (item) => !absenceId || item.absenceId === absenceId,
  )
  return (
    <Flex vertical gap={16}>
      <Breadcrumb
        items={[
          { key: 'absences', title: <Link to="/absences">请销假</Link> },
          { key: 'follow-ups', title: '出访后续事项' },
        ]}
      />
      <div>
        <PageTitle>出访后续事项</PageTitle>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          因公出国（境）回国销假后，按本辖区工作规则在规定期限内办理的事项。
        </Typography.Paragraph>
      </div>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {!list.error && (
        <Card loading={list.loading && !list.data}>
          {items.length === 0 ? (
            <Empty description="没有出访后续事项" />
          ) : (
            <List
              aria-label="出访后续事项"
              dataSource={items}
              renderItem={(item) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <FollowUp item={item} onDone={list.reload} />
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
    </Flex>
  )
}

function FollowUp({ item, onDone }: { item: AbroadFollowUp; onDone: () => void }) {
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{item.act}</Typography.Text>
        {item.doneOn ? (
          <Tag color="green">{item.doneOn} 已办结</Tag>
        ) : item.overdue ? (
          <Tag color="red">已逾期（截止 {item.due}）</Tag>
        ) : (
          <Tag color="gold">截止 {item.due}</Tag>
        )}
      </Space>
      <Typography.Text type="secondary">
        {item.personName}（{item.postTitle}）· {item.destination} · {item.from}至{item.to} ·{' '}
        {item.returnedOn} 销假
      </Typography.Text>
      <CitationList citations={item.citations} />
      {error && <SubmitError error={error} />}
      {item.mayRecord && (
        <Button
          loading={submitting}
          onClick={() =>
            void submit(async () => {
              await recordAbroadFollowUp(item.absenceId, item.ruleId)
              message.success('已登记办结')
              onDone()
            })
          }
        >
          登记已办结
        </Button>
      )}
    </Space>
  )
}
