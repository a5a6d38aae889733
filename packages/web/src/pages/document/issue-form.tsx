import { Button, Input, Radio } from 'antd'
import { issueDocument } from '../../api/documents.ts'
import type { Disclosure } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { DISCLOSURE_LABELS } from '../../labels.ts'
import { useAct } from './use-act.ts'
import { Form } from '../../components/form.tsx'

interface Values {
  disclosure: Disclosure
  disclosureReason?: string
}

const OPTIONS = Object.entries(DISCLOSURE_LABELS).map(([value, label]) => ({ value, label }))

/** 用印印发 with the disclosure class (《政府信息公开条例》); 不予公开 needs its reason. */
export function IssueForm({ documentId, onDone }: { documentId: string; onDone: () => void }) {
  const { submitting, error, act } = useAct(onDone)

  return (
    <Form<Values>
      name="issue"
      layout="vertical"
      requiredMark={false}
      onFinish={({ disclosure, disclosureReason }) =>
        act(() =>
          issueDocument(documentId, {
            disclosure,
            disclosureReason:
              disclosure === 'withheld' ? disclosureReason?.trim() || undefined : undefined,
          }),
        )
      }
    >
      <Form.Item
        label="公开属性"
        name="disclosure"
        rules={[{ required: true, message: '请选择公开属性' }]}
      >
        <Radio.Group options={OPTIONS} />
      </Form.Item>
      <Form.Item
        noStyle
        shouldUpdate={(previous: Values, next: Values) => previous.disclosure !== next.disclosure}
      >
        {({ getFieldValue }) =>
          getFieldValue('disclosure') === 'withheld' && (
            <Form.Item
              label="不予公开理由"
              name="disclosureReason"
              rules={[{ required: true, whitespace: true, message: '不予公开的，请写明理由' }]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          )
        }
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        用印印发
      </Button>
    </Form>
  )
}
