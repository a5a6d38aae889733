import { Card, Empty, Space, Tag, Timeline, Typography } from 'antd'
import type { AbsenceHistoryEntry } from '../../api/absences.ts'
import { RuleBasis, RuleIdSwitch } from '../../components/rule-basis.tsx'
import { formatShanghaiTime } from '../../format.ts'

const COLORS: Record<string, string> = {
  file: 'blue',
  approve: 'green',
  refuse: 'red',
  return: 'green',
  withdraw: 'gray',
}

/** 办理记录: every act on the request, with who did it, in which post, and under which article. */
export function AbsenceHistory({ entries }: { entries: AbsenceHistoryEntry[] }) {
  return (
    <Card title="办理记录" extra={<RuleIdSwitch />} role="region" aria-label="办理记录">
      {entries.length === 0 ? (
        <Empty description="尚无办理记录" />
      ) : (
        <Timeline
          items={entries.map((entry, index) => ({
            key: `${entry.at}:${index}`,
            color: COLORS[entry.action] ?? 'blue',
            content: <Entry entry={entry} />,
          }))}
        />
      )}
    </Card>
  )
}

function Entry({ entry }: { entry: AbsenceHistoryEntry }) {
  const who = [entry.personName, entry.postTitle && `（${entry.postTitle}）`]
    .filter(Boolean)
    .join('')
  return (
    <Space orientation="vertical" size={2}>
      <Space size="middle" wrap>
        <Typography.Text strong>{entry.actionLabel}</Typography.Text>
        <Typography.Text>{who || '系统'}</Typography.Text>
        <Typography.Text type="secondary">{formatShanghaiTime(entry.at)}</Typography.Text>
      </Space>
      {entry.actingNote && <Tag color="purple">{entry.actingNote}</Tag>}
      {entry.opinion && (
        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.opinion}</Typography.Text>
      )}
      <RuleBasis
        ruleIds={entry.citations.map((citation) => citation.ruleId)}
        citations={entry.citations}
      />
    </Space>
  )
}
