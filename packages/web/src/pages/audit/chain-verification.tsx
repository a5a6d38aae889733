import { Alert, Button, Space } from 'antd'
import { useState } from 'react'
import { verifyAuditChain } from '../../api/audit.ts'
import type { ApiError } from '../../api/client.ts'
import type { AuditVerification } from '../../api/types.ts'
import { asApiError } from '../../api/use-load.ts'
import { LoadError } from '../../components/load-error.tsx'

export function ChainVerification({ chain }: { chain: string }) {
  const [verifying, setVerifying] = useState(false)
  const [result, setResult] = useState<AuditVerification | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  async function verify() {
    setVerifying(true)
    setError(null)
    setResult(null)
    try {
      setResult(await verifyAuditChain(chain))
    } catch (failure) {
      setError(asApiError(failure))
    } finally {
      setVerifying(false)
    }
  }

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Button onClick={() => void verify()} loading={verifying}>
        校验链
      </Button>
      {error && <LoadError error={error} />}
      {result && <VerificationAlert result={result} />}
    </Space>
  )
}

function VerificationAlert({ result }: { result: AuditVerification }) {
  if (result.intact) {
    return <Alert type="success" showIcon title={`审计链完整（${result.records} 条记录）`} />
  }
  return (
    <Alert
      type="error"
      showIcon
      title={`审计链校验未通过：发现 ${result.problems.length} 处问题（共 ${result.records} 条记录）`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {result.problems.map((problem, index) => (
            <li key={`${problem.chainSeq ?? 'chain'}:${problem.kind}:${index}`}>
              {problem.chainSeq === null ? '整条链' : `第 ${problem.chainSeq} 条`}：
              {problem.message}（{problem.kind}）
            </li>
          ))}
        </ul>
      }
    />
  )
}
