import { Button, DatePicker, Input, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { referDocument } from '../../api/documents.ts'
import type { Department, DocumentRecord } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { useAct } from './use-act.ts'
import { Form } from '../../components/form.tsx'
import { DATE_FORMAT } from '../../format.ts'

interface Values {
  departmentIds: string[]
  dueDate?: Dayjs | null
  note?: string
}

/** 转办 to the handling units; the first chosen leads (主办). */
export function ReferForm({
  document,
  departments,
  onDone,
}: {
  document: DocumentRecord
  departments: Department[] | undefined
  onDone: () => void
}) {
  const { submitting, error, act } = useAct(onDone)

  function handleFinish(values: Values) {
    act(() =>
      referDocument(document.id, {
        departmentIds: values.departmentIds,
        dueDate: values.dueDate ? values.dueDate.format(DATE_FORMAT) : undefined,
        note: values.note?.trim() || undefined,
      }),
    )
  }

  return (
    <Form<Values> name="refer" layout="vertical" requiredMark={false} onFinish={handleFinish}>
      <Form.Item
        label="承办单位"
        name="departmentIds"
        extra="先选的单位为主办单位，其余为协办单位。"
        rules={[{ required: true, message: '请至少选择一个承办单位' }]}
      >
        <Select
          mode="multiple"
          placeholder="选择承办单位"
          loading={!departments}
          // Not before the units have loaded: a pick while the list fills in would be lost.
          disabled={!departments}
          options={(departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item
        label="办理期限"
        name="dueDate"
        extra={document.dueDate ? `不填则沿用收文办理期限 ${document.dueDate}。` : undefined}
      >
        <DatePicker
          format={DATE_FORMAT}
          disabledDate={(date) => date.isBefore(dayjs(), 'day')}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item label="转办说明" name="note">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        转办
      </Button>
    </Form>
  )
}
