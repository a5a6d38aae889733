import { Alert } from 'antd'
import type { DocumentView } from '../../api/types.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { formatShanghaiTime } from '../../format.ts'

const TURNED_BACK = ['returnForRevision', 'countersignDisagree', 'withdraw']

/**
 * Why a draft waits with its drafter: the 退回修改 opinion (核稿 or a 会签 disagreement) with who
 * gave it and the articles, or the drafter's own 撤回.
 */
export function RevisionNotice({ view }: { view: DocumentView }) {
  const event = view.events.filter((e) => TURNED_BACK.includes(e.action)).at(-1)
  if (!event) return null
  const ruleIds = new Set(event.ruleIds)
  const citations = view.citations.filter((citation) => ruleIds.has(citation.ruleId))
  const who = `${event.actor ?? ''}（${formatShanghaiTime(event.occurredAt)}）`
  const title =
    event.action === 'withdraw'
      ? `已撤回：${who}${event.opinion ? `，${event.opinion}` : ''}`
      : `退回修改意见：${event.opinion ?? ''} —— ${who}${event.action === 'countersignDisagree' ? '，会签有不同意见' : ''}`
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="revision-notice"
      title={title}
      description={citations.length > 0 ? <CitationList citations={citations} /> : undefined}
    />
  )
}
