import { InboxOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Checkbox,
  Col,
  DatePicker,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
  Upload,
  type UploadFile,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { fetchExternalSenders, fetchReceiptAccess, receiveExternal } from '../api/receipts.ts'
import type { Urgency } from '../api/types.ts'
import { useLoad } from '../api/use-load.ts'
import { useSubmit } from '../api/use-submit.ts'
import { CitationList } from '../components/citation-list.tsx'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { Form } from '../components/form.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { SecrecyUrgencyFields } from '../components/secrecy-urgency-fields.tsx'
import { SubmitError } from '../components/submit-error.tsx'
import { LIMITS } from '../limits.ts'
import { useMe } from '../session/session-context.ts'

interface ReceiptValues {
  externalSender: string
  senderReference?: string
  kind: string
  title: string
  secrecy: string
  secrecyPeriod?: string
  urgency: Urgency
  copies: number
  receivedOn: Dayjs
  complex?: boolean
  body?: string
}

/** The 文种 a received document may be (条例第八条); the server checks the rulebook's list. */
const KIND_OPTIONS = [
  '通知',
  '通报',
  '批复',
  '函',
  '意见',
  '决定',
  '纪要',
  '报告',
  '请示',
  '公告',
  '通告',
  '决议',
  '命令',
  '公报',
  '议案',
].map((kind) => ({ value: kind, label: kind }))

/** As the server takes them (MAX_SCANS, PDF or OFD). */
const MAX_SCANS = 5
const SCAN_ACCEPT = '.pdf,.ofd,application/pdf,application/ofd'

export function ReceiveDocumentPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理公文，不能登记来文" />
  return <ReceiveDocument />
}

/**
 * 登记来文: the desk registers a document received from a 上级机关, another organ or on paper,
 * with its scanned (PDF) or electronic (OFD) originals. The server gives the 收文编号 and puts the
 * document to 初审 like one a unit submitted.
 */
function ReceiveDocument() {
  const me = useMe()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const [scans, setScans] = useState<UploadFile[]>([])
  const access = useLoad(`receipt-access:${me.currentPostId}`, (signal) =>
    fetchReceiptAccess(signal),
  )
  const senders = useLoad('external-senders', (signal) => fetchExternalSenders(signal))
  const [senderText, setSenderText] = useState('')

  if (access.loading && !access.data) return <PageLoading />
  if (access.data && !access.data.allowed)
    return (
      <Space orientation="vertical" style={{ width: '100%', maxWidth: 760 }}>
        <PageTitle>登记来文</PageTitle>
        <Alert
          type="warning"
          showIcon
          title={`当前职务不负责收文登记。${access.data.summary}`}
          description={<CitationList citations={access.data.citations} />}
        />
      </Space>
    )

  const suggestions = (senders.data?.senders ?? [])
    .filter((name) => name.includes(senderText.trim()))
    .map((name) => ({ value: name }))

  function handleFinish(values: ReceiptValues) {
    void submit(async () => {
      const received = await receiveExternal(
        {
          externalSender: values.externalSender?.trim() ?? '',
          senderReference: values.senderReference?.trim() || undefined,
          kind: values.kind,
          title: values.title.trim(),
          body: values.body ?? '',
          secrecy: values.secrecy,
          secrecyPeriod: values.secrecyPeriod?.trim() || undefined,
          urgency: values.urgency,
          copies: values.copies,
          receivedOn: values.receivedOn.format('YYYY-MM-DD'),
          ...(values.complex ? { complex: true } : {}),
        },
        scans.flatMap((scan) => (scan.originFileObj ? [scan.originFileObj] : [])),
        me.csrfToken,
      )
      message.success(`已登记，收文编号：${received.receiptNumber}`)
      navigate(`/documents/${received.id}`)
    })
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 760 }}>
      <div>
        <PageTitle>登记来文</PageTitle>
        <Typography.Paragraph type="secondary">
          登记上级机关、其他机关来文和纸质来文。登记时自动编收文编号，并转入初审、拟办、批示、转办、办结流程。
        </Typography.Paragraph>
      </div>
      <Form<ReceiptValues>
        name="receive-document"
        layout="vertical"
        initialValues={{ urgency: 'normal', copies: 1, receivedOn: dayjs() }}
        onFinish={handleFinish}
      >
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              label="来文单位"
              name="externalSender"
              rules={[{ required: true, whitespace: true, message: '请填写来文单位' }]}
            >
              <AutoComplete
                options={suggestions}
                onSearch={setSenderText}
                placeholder="如：省人民政府办公厅"
                maxLength={100}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label="来文字号" name="senderReference">
              <Input placeholder="如：省府办发〔2026〕8号" maxLength={64} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="标题"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写来文标题' }]}
        >
          <Input placeholder="关于……的通知" maxLength={LIMITS.title} showCount />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label="文种" name="kind" rules={[{ required: true, message: '请选择文种' }]}>
              <Select placeholder="选择文种" options={KIND_OPTIONS} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label="份数"
              name="copies"
              rules={[{ required: true, type: 'integer', min: 1, message: '份数应为正整数' }]}
            >
              <InputNumber min={1} max={9999} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item
              label="收文日期"
              name="receivedOn"
              rules={[{ required: true, message: '请选择收文日期' }]}
            >
              <DatePicker
                style={{ width: '100%' }}
                disabledDate={(day) => day.isAfter(dayjs(), 'day')}
                allowClear={false}
              />
            </Form.Item>
          </Col>
        </Row>
        <SecrecyUrgencyFields />
        <Form.Item
          label="来文原件"
          extra={`扫描件（PDF）或电子公文（OFD），至多 ${MAX_SCANS} 个，每个不超过 20 MB。`}
        >
          <Upload.Dragger
            multiple
            accept={SCAN_ACCEPT}
            fileList={scans}
            maxCount={MAX_SCANS}
            beforeUpload={() => false}
            onChange={({ fileList }) => setScans(fileList.slice(0, MAX_SCANS))}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">点击或拖入 PDF、OFD 文件</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item
          name="complex"
          valuePropName="checked"
          extra="事项复杂、涉及面广的，按规则库规定的较长时限办理（规则库有规定时）。"
        >
          <Checkbox>事项复杂</Checkbox>
        </Form.Item>
        <Form.Item label="内容摘要或正文（可选）" name="body">
          <Input.TextArea rows={5} maxLength={LIMITS.body} />
        </Form.Item>
        {error && (
          <Form.Item>
            <SubmitError error={error} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={submitting}>
          登记
        </Button>
      </Form>
    </Space>
  )
}
