import { Button, Checkbox, Space, Typography } from 'antd'
import { useState } from 'react'
import { screenDocument } from '../../api/documents.ts'
import type { DocumentRecord } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'

/** What 初审 may find; the rulebook decides whether each finding sends the document back. */
const FINDINGS = [
  { value: 'notOneMatterPerDocument', label: '请示未一文一事' },
  { value: 'requestInReport', label: '报告夹带请示事项' },
  { value: 'multipleMainRecipients', label: '多头主送' },
  { value: 'missingSignatory', label: '上行文未标注签发人' },
  { value: 'missingSeal', label: '未加盖发文机关印章' },
  { value: 'forwardedVerbatim', label: '原文转报下级请示' },
  { value: 'addressedToLeaderPersonally', label: '直接报送领导个人' },
  { value: 'notForThisOrgan', label: '不应由本机关办理' },
  { value: 'breachesDocumentRules', label: '不符合行文规则' },
  { value: 'wrongKindOrFormat', label: '文种、格式不符合要求' },
  { value: 'consultationMissing', label: '涉及其他部门职权未经协商会签' },
]

export function ScreenForm({ document, onDone }: { document: DocumentRecord; onDone: () => void }) {
  // What the record itself shows is checked from the start, as the server finds it anyway.
  const [found, setFound] = useState<string[]>([
    ...(document.mainRecipients.length > 1 ? ['multipleMainRecipients'] : []),
    ...(document.signatories.length === 0 ? ['missingSignatory'] : []),
  ])
  const { submitting, error, act } = useAct(onDone)

  const screen = (findings: string[]) =>
    act(() => screenDocument(document.id, Object.fromEntries(findings.map((name) => [name, true]))))

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div role="group" aria-labelledby="screen-findings">
        <Typography.Paragraph id="screen-findings" type="secondary">
          勾选初审发现的问题；没有问题即予受理。
        </Typography.Paragraph>
        <Checkbox.Group
          value={found}
          onChange={setFound}
          options={FINDINGS}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        />
      </div>
      <Space>
        <Button
          type="primary"
          loading={submitting}
          disabled={found.length > 0}
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
