import { Button, Checkbox, Space, Tooltip, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { fetchScreeningConditions, screenDocument } from '../../api/documents.ts'
import type { DocumentRecord } from '../../api/types.ts'
import { useLoad } from '../../api/use-load.ts'
import { LoadError } from '../../components/load-error.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

/**
 * 初审: the checklist is the jurisdiction's rulebook (its screening conditions for this 文种),
 * each with the article it comes from; the rulebook then decides whether a finding sends the
 * document back.
 */
export function ScreenForm({ document, onDone }: { document: DocumentRecord; onDone: () => void }) {
  const conditions = useLoad(`screening:${document.id}`, (signal) =>
    fetchScreeningConditions(document.id, signal),
  )
  const [found, setFound] = useState<string[]>([])
  // What the record itself shows is ticked from the start, as the server counts it anyway.
  useEffect(() => {
    if (conditions.data) setFound(conditions.data.filter((c) => c.foundOnRecord).map((c) => c.code))
  }, [conditions.data])
  const { submitting, error, act } = useAct(onDone)

  const screen = (findings: string[]) =>
    act(() => screenDocument(document.id, Object.fromEntries(findings.map((name) => [name, true]))))

  if (conditions.error) return <LoadError error={conditions.error} onRetry={conditions.reload} />
  const options = (conditions.data ?? []).map((condition) => ({
    value: condition.code,
    label: (
      <Tooltip
        title={condition.citations.map((c) => `${c.source}${c.article}：${c.excerpt}`).join('\n')}
      >
        <span>
          {condition.label}
          <Typography.Text type="secondary">
            （{condition.citations.map((c) => c.article).join('、')}）
          </Typography.Text>
        </span>
      </Tooltip>
    ),
  }))

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div role="group" aria-labelledby="screen-findings">
        <Typography.Paragraph id="screen-findings" type="secondary">
          按本辖区规则勾选初审发现的问题；没有问题即予受理。
        </Typography.Paragraph>
        <Checkbox.Group
          value={found}
          onChange={setFound}
          options={options}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        />
      </div>
      <Space>
        <Button
          type="primary"
          loading={submitting}
          disabled={!conditions.data || found.length > 0}
          onClick={() => screen([])}
        >
          受理
        </Button>
        <Button
          danger
          loading={submitting}
          disabled={found.length === 0}
          onClick={() => screen(found)}
        >
          退回
        </Button>
      </Space>
      {error && <SubmitError error={error} />}
    </Space>
  )
}
