import { Alert } from 'antd'
import type { ApiError } from '../api/client.ts'

/** Why the server refused a form: its message, then any issue the message does not already say. */
export function SubmitError({ error }: { error: ApiError }) {
  const further = error.issues.filter((issue) => !error.message.includes(issue.message))
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      description={
        further.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {further.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  )
}
