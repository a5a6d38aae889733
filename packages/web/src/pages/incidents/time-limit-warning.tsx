import { Alert } from 'antd'
import type { TimeLimitWarning } from '../../api/duty.ts'
import { CitationList } from '../../components/citation-list.tsx'

/**
 * The loud warning where the county has loaded no reporting time limit (国家、省、市规定): the
 * server's words and the county's articles on reporting it cites (钟山 第五十八条 …), if any.
 */
export function TimeLimitWarningAlert({ warning }: { warning?: TimeLimitWarning | null }) {
  if (!warning) return null
  return (
    <Alert
      type="error"
      showIcon
      aria-label="未载入报送时限"
      title="未载入报送时限"
      description={
        <>
          <div style={{ marginBottom: warning.citations.length ? 8 : 0 }}>{warning.message}</div>
          {warning.citations.length > 0 && <CitationList citations={warning.citations} />}
        </>
      }
    />
  )
}
