import { Col, Input, Row, Select } from 'antd'
import { CLEARANCE_LABELS, URGENCY_LABELS } from '../labels.ts'
import { Form } from './form.tsx'

// 密级 in words, as the server parses them; 绝密 is not offered (and refused if typed).
const SECRECY_OPTIONS = Object.values(CLEARANCE_LABELS).map((label) => ({ value: label, label }))
const URGENCY_OPTIONS = Object.entries(URGENCY_LABELS).map(([value, label]) => ({ value, label }))

const LONGEST_YEARS: Record<string, number> = { 秘密: 10, 机密: 20 }

/** What is wrong with a 保密期限 for a 密级 (the server checks the same), or undefined. */
export function secrecyPeriodProblem(secrecy: string | undefined, value?: string) {
  const period = (value ?? '').replace(/\s+/g, '')
  if (!period) return undefined
  const ceiling = secrecy ? LONGEST_YEARS[secrecy] : undefined
  if (ceiling === undefined) return '只有秘密、机密公文标注保密期限'
  if (period === '长期') return undefined
  const match = /^([1-9][0-9]{0,2})(年|个月)$/.exec(period)
  if (!match) return '请写作“N年”“N个月”或“长期”'
  const months = Number(match[1]) * (match[2] === '年' ? 12 : 1)
  return months > ceiling * 12 ? `${secrecy}级不超过${ceiling}年` : undefined
}

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
