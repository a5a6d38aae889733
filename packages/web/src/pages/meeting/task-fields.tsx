import { Button, Col, DatePicker, Input, Row, Select, Typography } from 'antd'
import dayjs from 'dayjs'
import type { Department } from '../../api/types.ts'
import { Form } from '../../components/form.tsx'

/**
 * 议定事项 of a decision, each a 督办事项 once recorded: what, which unit leads, who helps, who
 * answers for it, and by when. Where the rulebook sets no period for meeting decisions (钟山) the
 * meeting must set one, and the server refuses a task without it.
 */
export function TaskFields({ departments }: { departments: Department[] | undefined }) {
  const units = (departments ?? []).map((d) => ({ value: d.id, label: d.name }))
  return (
    <Form.List name="tasks">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <div
              key={field.key}
              role="group"
              aria-label={`议定事项 ${index + 1}`}
              style={{
                border: '1px solid #f0f0f0',
                borderRadius: 8,
                padding: 12,
                marginBottom: 12,
              }}
            >
              <Typography.Text strong>议定事项 {index + 1}</Typography.Text>
              <Form.Item
                label="事项名称"
                name={[field.name, 'title']}
                rules={[{ required: true, whitespace: true, message: '请填写议定事项' }]}
              >
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item label="工作要求" name={[field.name, 'requirement']}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="牵头单位"
                    name={[field.name, 'leadDepartmentId']}
                    rules={[{ required: true, message: '请选择牵头单位' }]}
                  >
                    <Select
                      placeholder="选择牵头单位"
                      loading={!departments}
                      // Not before the units have loaded: a pick while the list fills in would be lost.
                      disabled={!departments}
                      options={units}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="配合单位" name={[field.name, 'coDepartmentIds']}>
                    <Select
                      mode="multiple"
                      placeholder="选择配合单位"
                      loading={!departments}
                      // Not before the units have loaded: a pick while the list fills in would be lost.
                      disabled={!departments}
                      options={units}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="责任人" name={[field.name, 'responsiblePerson']}>
                    <Input maxLength={64} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    label="办理时限"
                    name={[field.name, 'dueDate']}
                    extra="工作规则未规定办理时限的，须由会议确定。"
                  >
                    <DatePicker
                      format="YYYY-MM-DD"
                      disabledDate={(date) => date.isBefore(dayjs(), 'day')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Button size="small" onClick={() => remove(field.name)}>
                删除此事项
              </Button>
            </div>
          ))}
          <Form.Item>
            <Button type="dashed" onClick={() => add()} block>
              添加议定事项
            </Button>
          </Form.Item>
        </>
      )}
    </Form.List>
  )
}
