import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd'
import { type AbsencePreview, postNames } from '../../api/absences.ts'
import type { ApiError } from '../../api/client.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { RuleIdSwitch } from '../../components/rule-basis.tsx'
import { ActingSpans } from './acting-spans.tsx'
import { modeLabel } from './absence-labels.ts'

/**
 * What the rulebook answers before the request is filed: approval or 报备, who approves, who is
 * informed, by when it must be filed, conflicts with other leaders' absences and who will act,
 * each with its article. Nothing here is decided by the page.
 */
export function PreviewCard({
  preview,
  error,
  loading,
}: {
  preview: AbsencePreview | undefined
  error: ApiError | undefined
  loading: boolean
}) {
  return (
    <Card
      title="审批与报备（按工作规则）"
      extra={<RuleIdSwitch />}
      loading={loading && !preview}
      role="region"
      aria-label="审批与报备"
    >
      {error && <LoadError error={error} />}
      {!error && !preview && (
        <Typography.Text type="secondary">
          选择职务、类别和起止日期后，这里显示由谁审批或向谁报备、告知哪些人、最迟何时提交、由谁代行职责及所依据的条款。
        </Typography.Text>
      )}
      {!error && preview && <PreviewBody preview={preview} />}
    </Card>
  )
}

function PreviewBody({ preview }: { preview: AbsencePreview }) {
  const filing = preview.mode === 'filing'
  const lines = [
    {
      key: 'mode',
      label: '办理方式',
      children: (
        <Space size={4} wrap>
          <Tag color={filing ? 'cyan' : 'gold'}>{modeLabel(preview.mode)}</Tag>
          {filing ? '报备后即生效，无需审批' : '经批准后方可离开'}
          <Typography.Text type="secondary">（共 {preview.days} 天）</Typography.Text>
        </Space>
      ),
    },
    ...(filing
      ? []
      : [{ key: 'approvers', label: '审批人', children: postNames(preview.approvers) || '—' }]),
    ...(preview.via.length
      ? [{ key: 'via', label: '经由', children: postNames(preview.via) }]
      : []),
    ...(postNames(preview.fileWith)
      ? [{ key: 'fileWith', label: '报备', children: postNames(preview.fileWith) }]
      : []),
    ...(preview.inform.length
      ? [{ key: 'inform', label: '告知', children: postNames(preview.inform) }]
      : []),
    ...(postNames(preview.reportBackTo)
      ? [{ key: 'reportBackTo', label: '销假报告', children: postNames(preview.reportBackTo) }]
      : []),
    {
      key: 'latestFiling',
      label: '最迟提交',
      children: preview.latestFiling ? (
        <Space size={4} wrap>
          {preview.latestFiling}
          {preview.filedInTime === false ? (
            <Tag color="red">已过时限，将记为迟报</Tag>
          ) : (
            <Tag color="green">在时限内</Tag>
          )}
        </Space>
      ) : (
        '规则未规定提前时限'
      ),
    },
  ]
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {preview.summary && (
        <Typography.Paragraph style={{ margin: 0 }}>{preview.summary}</Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        column={1}
        bordered
        items={lines}
        styles={{ label: { whiteSpace: 'nowrap', width: 96 } }}
      />
      {preview.conflict?.conflict && (
        <Alert
          type={preview.conflict.forbidden ? 'error' : 'warning'}
          showIcon
          title={
            preview.conflict.forbidden
              ? `不得同时外出：${preview.conflict.summary}`
              : `外出时间冲突：${preview.conflict.summary}`
          }
          description={<CitationList citations={preview.conflict.citations} />}
        />
      )}
      <div>
        <Typography.Paragraph strong style={{ marginBottom: 4 }}>
          外出期间代行职责
        </Typography.Paragraph>
        <ActingSpans spans={preview.acting} empty="该职务外出期间规则未安排他人代行。" />
      </div>
      {preview.citations.length > 0 && <CitationList citations={preview.citations} />}
    </Space>
  )
}
