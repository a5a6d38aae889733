import { Checkbox, Col, Input, Row, Select } from 'antd'
import type { IncomingSubmission, Urgency } from '../../api/types.ts'
import { SecrecyUrgencyFields } from '../../components/secrecy-urgency-fields.tsx'
import { Form } from '../../components/form.tsx'
import { LIMITS } from '../../limits.ts'

export interface SubmissionValues {
  kind: string
  title: string
  senderReference?: string
  secrecy: string
  secrecyPeriod?: string
  urgency: Urgency
  mainRecipients: string[]
  signatories?: string[]
  contact?: string
  body?: string
  normativeDocument?: boolean
}

/** The 文种 a unit sends up to the government (上行文 and 函); the server checks 第八条. */
const KIND_OPTIONS = ['请示', '报告', '函', '意见'].map((kind) => ({ value: kind, label: kind }))

const optional = (text: string | undefined) => text?.trim() || undefined

export function submissionOf(values: SubmissionValues): IncomingSubmission {
  return {
    kind: values.kind,
    title: values.title.trim(),
    body: values.body ?? '',
    senderReference: optional(values.senderReference),
    secrecy: values.secrecy,
    secrecyPeriod: optional(values.secrecyPeriod),
    urgency: values.urgency,
    mainRecipients: values.mainRecipients.map((name) => name.trim()).filter(Boolean),
    signatories: values.signatories?.map((name) => name.trim()).filter(Boolean),
    contact: optional(values.contact),
    ...(values.normativeDocument ? { normativeDocument: true } : {}),
  }
}

export function SubmissionFields() {
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="文种" name="kind" rules={[{ required: true, message: '请选择文种' }]}>
            <Select placeholder="选择文种" options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label="来文文号" name="senderReference">
            <Input placeholder="如：荷街呈〔2026〕3号" maxLength={64} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="标题"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
      >
        <Input placeholder="关于……的请示" maxLength={LIMITS.title} showCount />
      </Form.Item>
      <SecrecyUrgencyFields />
      <Form.Item
        label="主送机关"
        name="mainRecipients"
        extra="请示只主送一个上级机关。输入后按回车添加。"
        rules={[{ required: true, type: 'array', min: 1, message: '请填写主送机关' }]}
      >
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="签发人" name="signatories" extra="输入后按回车添加。">
            <Select mode="tags" open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="联系人" name="contact">
            <Input placeholder="姓名及电话" maxLength={64} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="normativeDocument"
        valuePropName="checked"
        extra="报请审定或备案的规范性文件，初审时按规定审查其内容（如不得设定行政许可、行政处罚）。"
      >
        <Checkbox>本件为规范性文件</Checkbox>
      </Form.Item>
      <Form.Item label="正文" name="body">
        <Input.TextArea rows={10} maxLength={LIMITS.body} showCount />
      </Form.Item>
    </>
  )
}
