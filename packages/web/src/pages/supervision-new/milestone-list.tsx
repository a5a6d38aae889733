import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, DatePicker, Flex, Input } from 'antd'
import { Form } from '../../components/form.tsx'
import { LIMITS } from '../../limits.ts'
import { DATE_FORMAT } from '../../format.ts'

/**
 * 时间节点: the steps of a long item, each with its own date (明确进度安排和时间节点, 木里 第八十一条
 * （一）). None may fall after the item's time limit; the server checks that against the date it
 * settles on, which may be the rulebook's.
 */
export function MilestoneList() {
  return (
    <Form.Item label="时间节点" extra="可选。分阶段推进的事项列出各阶段的内容和完成时限。">
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'title']}
                  rules={[{ required: true, whitespace: true, message: '请填写节点内容' }]}
                  style={{ flex: 1, marginBottom: 0 }}
                >
                  <Input
                    aria-label={`时间节点${index + 1}内容`}
                    placeholder="节点内容，如：完成方案制定"
                    maxLength={LIMITS.title}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'dueDate']}
                  rules={[{ required: true, message: '请选择节点时限' }]}
                  style={{ marginBottom: 0 }}
                >
                  <DatePicker
                    aria-label={`时间节点${index + 1}时限`}
                    placeholder="节点时限"
                    format={DATE_FORMAT}
                  />
                </Form.Item>
                <Button
                  aria-label={`删除时间节点${index + 1}`}
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add()}
              style={{ alignSelf: 'start' }}
            >
              添加时间节点
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  )
}
