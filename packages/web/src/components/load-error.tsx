import { Alert, Button } from 'antd'
import type { ApiError } from '../api/client.ts'

/** The server's own message, with a retry for failures that may pass. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      description={error.issues.length > 0 ? <IssueList issues={error.issues} /> : undefined}
      action={
        onRetry && error.status !== 403 && error.status !== 404 ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
    />
  )
}

function IssueList({ issues }: { issues: ApiError['issues'] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>
          {issue.path ? `${issue.path}：` : ''}
          {issue.message}
        </li>
      ))}
    </ul>
  )
}
