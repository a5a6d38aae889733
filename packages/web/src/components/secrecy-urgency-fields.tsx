import { Col, Input, Row, Select } from 'antd'
import { CLEARANCE_LABELS, URGENCY_LABELS } from '../labels.ts'
import { Form } from './form.tsx'
import { secrecyPeriodProblem } from './secrecy-period.ts'

// 密级 in words, as the server parses them; 绝密 is not offered (and refused if typed).
const SECRECY_OPTIONS = Object.values(CLEARANCE_LABELS).map((label) => ({ value: label, label }))
const URGENCY_OPTIONS = Object.entries(URGENCY_LABELS).map(([value, label]) => ({ value, label }))

/** 密级, 保密期限 and 紧急程度: one row of every form that creates a document. */
export function SecrecyUrgencyFields() {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          label="密级"
          name="secrecy"
          extra="绝密级公文不得在本系统中处理。"
          rules={[{ required: true, message: '请选择密级' }]}
        >
          <Select placeholder="选择密级" options={SECRECY_OPTIONS} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label="保密期限"
          name="secrecyPeriod"
          dependencies={['secrecy']}
          extra="秘密不超过10年，机密不超过20年；内部、公开公文不填。"
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                secrecyPeriodProblem(getFieldValue('secrecy'), value)
                  ? Promise.reject(new Error(secrecyPeriodProblem(getFieldValue('secrecy'), value)))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input placeholder="如：10年" maxLength={32} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          label="紧急程度"
          name="urgency"
          rules={[{ required: true, message: '请选择紧急程度' }]}
        >
          <Select options={URGENCY_OPTIONS} />
        </Form.Item>
      </Col>
    </Row>
  )
}
