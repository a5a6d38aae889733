import { Button, Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd'
import type { HeldPost, Me } from '../../api/types.ts'
import { PageTitle } from '../../components/page-title.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { postLabel } from '../../labels.ts'
import { useSwitchPost } from '../../session/use-switch-post.ts'
import { AwaitingWorkList } from './awaiting-work.tsx'
import { MeetingNotices } from './meeting-notices.tsx'

export function PostHolderWorkbench({ me }: { me: Me }) {
  const current = me.posts.find((post) => post.postId === me.currentPostId)
  const name = me.person?.name ?? me.username

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <PageTitle>工作台</PageTitle>
        <Typography.Paragraph>
          您好，{name}。{current ? `您当前以“${postLabel(current)}”身份办理事务。` : ''}
        </Typography.Paragraph>
      </div>
      {/* What waits on the current post comes first: a leader opens the day on it. */}
      {current && <AwaitingWorkList />}
      <MeetingNotices />
      <Card title="我的职务">
        {me.posts.length === 0 ? (
          <Empty description="今天没有任职记录" />
        ) : (
          <HeldPostList posts={me.posts} currentPostId={me.currentPostId} />
        )}
      </Card>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'jurisdiction', label: '所在辖区', children: me.jurisdiction?.name ?? '—' },
          { key: 'post', label: '当前职务', children: current ? postLabel(current) : '未选择' },
          { key: 'expires', label: '登录有效期至', children: formatShanghaiTime(me.expiresAt) },
        ]}
      />
    </Space>
  )
}

function HeldPostList({
  posts,
  currentPostId,
}: {
  posts: HeldPost[]
  currentPostId: string | null
}) {
  const { switchTo, switching } = useSwitchPost()
  return (
    <ul aria-label="我的职务" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {posts.map((post, index) => {
        const isCurrent = post.postId === currentPostId
        return (
          <li
            key={post.postId}
            style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f0f0' }}
          >
            <Flex justify="space-between" align="center" gap={16}>
              <Space>
                <Typography.Text strong>{post.title}</Typography.Text>
                {post.actingFor && <Tag color="orange">代理</Tag>}
                {isCurrent && <Tag color="blue">当前</Tag>}
              </Space>
              {!isCurrent && (
                <Button size="small" disabled={switching} onClick={() => void switchTo(post)}>
                  切换到此职务
                </Button>
              )}
            </Flex>
          </li>
        )
      })}
    </ul>
  )
}
