import { Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import type { OrganisationPost } from '../../api/types.ts'
import { formatDateRange } from '../../format.ts'

const columns: TableColumnsType<OrganisationPost> = [
  { title: '职务', dataIndex: 'title', key: 'title' },
  {
    title: '所属单位',
    dataIndex: 'department',
    key: 'department',
    render: (department: string | null) => department ?? '—',
  },
  {
    title: '任职人员',
    key: 'holders',
    render: (_, post) =>
      post.holders.length === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <Space orientation="vertical" size={0}>
          {post.holders.map((holder) => (
            <span key={`${holder.personId}@${holder.from}`}>
              {holder.name}{' '}
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                （{formatDateRange(holder.from, holder.to)}）
              </Typography.Text>
            </span>
          ))}
        </Space>
      ),
  },
  {
    title: '分管',
    key: 'portfolio',
    render: (_, post) =>
      post.portfolio.length === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <Space size={[0, 4]} wrap>
          {post.portfolio.map((department) => (
            <Tag key={department.departmentId}>{department.name}</Tag>
          ))}
        </Space>
      ),
  },
  {
    title: '状态',
    key: 'status',
    render: (_, post) => (
      <Space orientation="vertical" size={0}>
        <Space size={0}>
          {post.vacant && <Tag color="red">空缺</Tag>}
          {post.actedBy && <Tag color="orange">代理</Tag>}
          {!post.vacant && !post.actedBy && <Tag color="green">在任</Tag>}
        </Space>
        {post.actedBy && (
          <Typography.Text type="secondary">
            由{post.actedBy.title}代理（{formatDateRange(post.actedBy.from, post.actedBy.to)}）
          </Typography.Text>
        )}
      </Space>
    ),
  },
]

export function PostsTable({ posts, loading }: { posts: OrganisationPost[]; loading: boolean }) {
  return (
    <Table
      rowKey="postId"
      size="middle"
      columns={columns}
      dataSource={posts}
      loading={loading}
      pagination={false}
      locale={{ emptyText: '没有职务' }}
    />
  )
}
