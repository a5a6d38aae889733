import { Button, Checkbox, Input, Select } from 'antd'
import { proposeHandling } from '../../api/documents.ts'
import type { Department, DocumentRecord } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'
import { Form } from '../../components/form.tsx'
import { PhrasePicker, withPhrase } from './phrase-picker.tsx'

interface Values {
  opinion: string
  concernedDepartmentIds?: string[]
  major?: boolean
}

/** 拟办: the server routes it to the leaders whose portfolios cover the units concerned. */
export function ProposeForm({
  document,
  departments,
  onDone,
}: {
  document: DocumentRecord
  departments: Department[] | undefined
  onDone: () => void
}) {
  const { submitting, error, act } = useAct(onDone)
  const [form] = Form.useForm<Values>()
  // The sender's unit is counted by the server already.
  const options = (departments ?? [])
    .filter((department) => department.id !== document.senderDepartmentId)
    .map((department) => ({ value: department.id, label: department.name }))

  function handleFinish(values: Values) {
    act(() =>
      proposeHandling(document.id, {
        opinion: values.opinion.trim(),
        concernedDepartmentIds: values.concernedDepartmentIds ?? [],
        major: values.major ?? false,
      }),
    )
  }

  return (
    <Form<Values>
      form={form}
      name="propose"
      layout="vertical"
      requiredMark={false}
      onFinish={handleFinish}
    >
      <Form.Item
        label="拟办意见"
        name="opinion"
        rules={[{ required: true, whitespace: true, message: '请填写拟办意见' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item>
        <PhrasePicker
          onPick={(phrase) =>
            form.setFieldValue('opinion', withPhrase(form.getFieldValue('opinion'), phrase))
          }
        />
      </Form.Item>
      <Form.Item
        label="其他涉及单位"
        name="concernedDepartmentIds"
        extra="涉及其他分管领导分管的单位时，将同时呈相关分管领导批示。"
      >
        <Select
          mode="multiple"
          placeholder="来文单位之外涉及的单位"
          loading={!departments}
          // Not before the units have loaded: a pick while the list fills in would be lost.
          disabled={!departments}
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item name="major" valuePropName="checked">
        <Checkbox>重大事项（按规定呈主要领导审批）</Checkbox>
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        呈批
      </Button>
    </Form>
  )
}
