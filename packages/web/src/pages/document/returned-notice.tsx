import { Alert } from 'antd'
import type { DocumentView } from '../../api/types.ts'
import { CitationList } from '../../components/citation-list.tsx'

/** Why the office sent the document back: the screening's reasons with their articles. */
export function ReturnedNotice({ view }: { view: DocumentView }) {
  const returned = view.events.filter((event) => event.action === 'return').at(-1)
  const ruleIds = new Set(returned?.ruleIds ?? [])
  const citations = view.citations.filter((citation) => ruleIds.has(citation.ruleId))
  return (
    <Alert
      type="warning"
      showIcon
      title={returned?.opinion ?? '公文已退回'}
      description={citations.length > 0 ? <CitationList citations={citations} /> : undefined}
    />
  )
}
