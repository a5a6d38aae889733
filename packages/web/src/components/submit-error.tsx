import { Alert, Space } from 'antd'
import type { ApiError } from '../api/client.ts'
import { CitationList } from './citation-list.tsx'

/**
 * Why the server refused a form: its message, then any issue the message does not already say,
 * then the articles when a rule refused it.
 */
export function SubmitError({ error }: { error: ApiError }) {
  const further = error.issues.filter((issue) => !error.message.includes(issue.message))
  const described = further.length > 0 || error.citations.length > 0
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      description={
        described ? (
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            {further.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {further.map((issue) => (
                  <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
                ))}
              </ul>
            )}
            {error.citations.length > 0 && <CitationList citations={error.citations} />}
          </Space>
        ) : undefined
      }
    />
  )
}
