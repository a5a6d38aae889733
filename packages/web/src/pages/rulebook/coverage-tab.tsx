import { Col, Row, Space, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd'
import type { CoverageArticle, EnforcementStatus, RulebookCoverage } from '../../api/types.ts'
import { Mono } from '../../components/mono.tsx'
import { ARTICLE_CLASS_LABELS, ENFORCEMENT_LABELS } from '../../labels.ts'

type CoverageStatus = 'tested' | 'untested' | 'unencoded' | 'declarative'

function statusOf(article: CoverageArticle): CoverageStatus {
  if (article.testedRules.length > 0) return 'tested'
  if (article.rules.length > 0) return 'untested'
  return article.class === 'operational' ? 'unencoded' : 'declarative'
}

const STATUS_TAGS: Record<
  Exclude<CoverageStatus, 'declarative'>,
  { color: string; text: string }
> = {
  tested: { color: 'green', text: '已测试' },
  untested: { color: 'orange', text: '未测试' },
  unencoded: { color: 'red', text: '未编码' },
}

const ENFORCEMENT_COLORS: Record<EnforcementStatus, string> = {
  workflow: 'green',
  decisionOnly: 'gold',
  notForSoftware: 'default',
}

const columns: TableColumnsType<CoverageArticle> = [
  { title: '条', dataIndex: 'number', key: 'number', width: 110 },
  {
    title: '章',
    dataIndex: 'chapter',
    key: 'chapter',
    width: 180,
    render: (chapter: string | null) => chapter ?? '—',
  },
  {
    title: '类别',
    dataIndex: 'class',
    key: 'class',
    width: 100,
    filters: [
      { value: 'operational', text: '操作性' },
      { value: 'declarative', text: '宣示性' },
    ],
    onFilter: (value, article) => article.class === value,
    render: (articleClass: CoverageArticle['class']) => (
      <Tag color={articleClass === 'operational' ? 'blue' : 'default'}>
        {ARTICLE_CLASS_LABELS[articleClass]}
      </Tag>
    ),
  },
  { title: '要旨', dataIndex: 'gist', key: 'gist' },
  {
    title: '规则',
    key: 'rules',
    align: 'right',
    width: 80,
    render: (_, article) => article.rules.length,
  },
  {
    title: '执行',
    key: 'enforcement',
    width: 120,
    filters: (Object.keys(ENFORCEMENT_LABELS) as EnforcementStatus[]).map((status) => ({
      value: status,
      text: ENFORCEMENT_LABELS[status],
    })),
    onFilter: (value, article) => article.status === value,
    render: (_, article) =>
      article.status ? (
        <Tag color={ENFORCEMENT_COLORS[article.status]}>{ENFORCEMENT_LABELS[article.status]}</Tag>
      ) : (
        '—'
      ),
  },
  {
    title: '状态',
    key: 'status',
    width: 110,
    filters: [
      { value: 'tested', text: '已测试' },
      { value: 'untested', text: '未测试' },
      { value: 'unencoded', text: '未编码' },
      { value: 'declarative', text: '宣示性（无需编码）' },
    ],
    onFilter: (value, article) => statusOf(article) === value,
    render: (_, article) => {
      const status = statusOf(article)
      if (status === 'declarative') return '—'
      const tag = STATUS_TAGS[status]
      return <Tag color={tag.color}>{tag.text}</Tag>
    },
  },
]

export function CoverageTab({ coverage }: { coverage: RulebookCoverage }) {
  const { totals } = coverage
  const statistics = [
    { title: '条文', value: totals.articles },
    { title: '操作性', value: totals.operational },
    { title: '宣示性', value: totals.declarative },
    { title: ENFORCEMENT_LABELS.workflow, value: totals.workflow },
    { title: ENFORCEMENT_LABELS.decisionOnly, value: totals.decisionOnly },
    { title: ENFORCEMENT_LABELS.notForSoftware, value: totals.notForSoftware },
    { title: '已编码', value: totals.encoded },
    { title: '已测试', value: totals.tested },
  ]
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {statistics.map((statistic) => (
          <Col key={statistic.title} xs={12} sm={8} md={3}>
            <Statistic title={statistic.title} value={statistic.value} />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">
        底本：{coverage.seed}。{ENFORCEMENT_LABELS.workflow}
        ：运行中的流程向规则库询问引用本条的规则；
        {ENFORCEMENT_LABELS.decisionOnly}：只在有人询问该判定时作答；
        {ENFORCEMENT_LABELS.notForSoftware}：非软件所能执行，理由见说明。
      </Typography.Text>
      <Table
        rowKey="number"
        size="middle"
        columns={columns}
        dataSource={coverage.articles}
        pagination={false}
        expandable={{ expandedRowRender: (article) => <ArticleDetail article={article} /> }}
      />
    </Space>
  )
}

function ArticleDetail({ article }: { article: CoverageArticle }) {
  const tested = new Set(article.testedRules)
  return (
    <Space orientation="vertical" size="small">
      {article.status === 'workflow' && (
        <Typography.Text>
          流程执行：运行中的流程询问 {article.workflowRules.join('、')}
        </Typography.Text>
      )}
      {article.status === 'decisionOnly' && (
        <Typography.Text type="secondary">
          仅决策：没有运行中的流程询问本条的规则，只在询问判定时作答。
        </Typography.Text>
      )}
      {article.notForSoftware && (
        <Typography.Text>非软件事项：{article.notForSoftware}</Typography.Text>
      )}
      {article.rules.length === 0 ? (
        <Typography.Text type="secondary">本条没有对应的规则。</Typography.Text>
      ) : (
        <Space wrap size={[8, 8]}>
          <Typography.Text>对应规则：</Typography.Text>
          {article.rules.map((ruleId) => (
            <Tag key={ruleId} color={tested.has(ruleId) ? 'green' : 'orange'}>
              <Mono>{ruleId}</Mono>
              {tested.has(ruleId) ? '（已测试）' : '（未测试）'}
            </Tag>
          ))}
        </Space>
      )}
      {article.note && <Typography.Paragraph>说明：{article.note}</Typography.Paragraph>}
    </Space>
  )
}
