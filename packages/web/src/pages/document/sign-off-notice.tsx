import { Alert } from 'antd'
import type { SignOff } from './use-sign-off.ts'

/**
 * Who must sign, with the article saying so: '需区长签发 — 《…工作规则》第三十二条', and the
 * article's words beneath, so the signer and everyone before can check it.
 */
export function SignOffNotice({ signOff }: { signOff: SignOff }) {
  const articles = [...new Set(signOff.citations.map((c) => `${c.source}${c.article}`))]
  const excerpts = [...new Set(signOff.citations.map((c) => c.excerpt))]
  return (
    <Alert
      type="info"
      showIcon
      title={`需${signOff.signer}签发${articles.length > 0 ? ` — ${articles.join('；')}` : ''}`}
      description={
        excerpts.length > 0 ? (
          <blockquote style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {excerpts.join('\n')}
          </blockquote>
        ) : undefined
      }
    />
  )
}
