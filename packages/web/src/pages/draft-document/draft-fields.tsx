import { Checkbox, Col, Input, Radio, Row, Select } from 'antd'
import type {
  Department,
  DocumentPrefix,
  DocumentSubject,
  OutgoingDraft,
  PostRef,
  Urgency,
  WritingDirection,
} from '../../api/types.ts'
import { WRITING_DIRECTION_LABELS } from '../../labels.ts'
import { SecrecyUrgencyFields } from '../../components/secrecy-urgency-fields.tsx'
import { Form } from '../../components/form.tsx'
import { LIMITS } from '../../limits.ts'
import { fetchRecipientOptions } from '../../api/distribution.ts'
import { useLoad } from '../../api/use-load.ts'
import { LoadError } from '../../components/load-error.tsx'
import {
  hasRecipients,
  recipientChoicesOf,
  RecipientsInput,
  type RecipientsValue,
} from './recipients-input.tsx'

export interface DraftValues {
  prefix: string
  kind: string
  title: string
  body: string
  direction: WritingDirection
  mainRecipients: RecipientsValue
  copyRecipients?: RecipientsValue
  secrecy: string
  secrecyPeriod?: string
  urgency: Urgency
  countersignDepartmentIds?: string[]
  portfolioDeputyPostId?: string
  important?: boolean
  subjects?: DocumentSubject[]
}

/** What the sign-off rules ask of a draft besides its kind and direction (托克逊 六十四, 延津 三十二). */
const SUBJECT_OPTIONS: { value: DocumentSubject; label: string }[] = [
  { value: 'personnelAppointment', label: '人事任免' },
  { value: 'normativeDocument', label: '行政规范性文件' },
  { value: 'toPeoplesCongress', label: '向人大或其常委会提出的议案、报告' },
]

/** The 文种 of 《党政机关公文处理工作条例》第八条; the server checks the choice against it. */
const KIND_OPTIONS = [
  '决议',
  '决定',
  '命令',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
].map((kind) => ({ value: kind, label: kind }))

const DIRECTION_OPTIONS = Object.entries(WRITING_DIRECTION_LABELS).map(([value, label]) => ({
  value,
  label,
}))

const optional = (text: string | undefined) => text?.trim() || undefined

export function draftOf(values: DraftValues): OutgoingDraft {
  return {
    prefix: values.prefix,
    kind: values.kind,
    title: values.title.trim(),
    body: values.body,
    direction: values.direction,
    mainRecipients: recipientChoicesOf(values.mainRecipients),
    copyRecipients: recipientChoicesOf(values.copyRecipients),
    secrecy: values.secrecy,
    secrecyPeriod: optional(values.secrecyPeriod),
    urgency: values.urgency,
    countersignDepartmentIds: values.countersignDepartmentIds ?? [],
    portfolioDeputyPostId: values.portfolioDeputyPostId,
    important: values.important ?? false,
    subjects: values.subjects ?? [],
  }
}

export function DraftFields({
  prefixes,
  departments,
  deputies,
  draftingDepartmentId,
}: {
  prefixes: DocumentPrefix[] | undefined
  departments: Department[] | undefined
  /** The posts with a portfolio (分管), from the organisation chart. */
  deputies: PostRef[] | undefined
  draftingDepartmentId: string | null
}) {
  // A unit no deputy oversees (the office) or a leader names the 分管副职, or the 会签 units' serves.
  const recipientOptions = useLoad('recipient-options', fetchRecipientOptions)
  const drafting = departments?.find((department) => department.id === draftingDepartmentId)
  const namesDeputy = departments !== undefined && (drafting?.overseers.length ?? 0) === 0
  // The drafting unit is on the document already; 会签 is asked of the other units.
  const countersignOptions = (departments ?? [])
    .filter((department) => department.id !== draftingDepartmentId)
    .map((department) => ({ value: department.id, label: department.name }))

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            label="发文字号前缀"
            name="prefix"
            extra="前缀决定以谁的名义发文，以及按规则由谁核稿、签发；字号在签发后登记编号时编定。"
            rules={[{ required: true, message: '请选择发文字号前缀' }]}
          >
            <Select
              placeholder="选择机关代字"
              loading={!prefixes}
              options={(prefixes ?? []).map((p) => ({
                value: p.prefix,
                label: `${p.prefix}（${p.label}）`,
              }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="文种" name="kind" rules={[{ required: true, message: '请选择文种' }]}>
            <Select placeholder="选择文种" options={KIND_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            label="行文方向"
            name="direction"
            rules={[{ required: true, message: '请选择行文方向' }]}
          >
            <Radio.Group optionType="button" options={DIRECTION_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="标题"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
      >
        <Input placeholder="关于……的通知" maxLength={LIMITS.title} showCount />
      </Form.Item>
      <SecrecyUrgencyFields />
      {recipientOptions.error && (
        <LoadError error={recipientOptions.error} onRetry={recipientOptions.reload} />
      )}
      <Form.Item
        label="主送机关"
        name="mainRecipients"
        extra="本辖区单位从列表中选择，印发后送达各单位签收；上级机关等外部单位填写名称，纸质分送。"
        required
        rules={[
          {
            validator: (_, value: RecipientsValue | undefined) =>
              hasRecipients(value)
                ? Promise.resolve()
                : Promise.reject(new Error('请填写主送机关')),
          },
        ]}
      >
        <RecipientsInput options={recipientOptions.data} role="main" />
      </Form.Item>
      <Form.Item label="抄送机关" name="copyRecipients">
        <RecipientsInput options={recipientOptions.data} role="copy" />
      </Form.Item>
      <Form.Item
        label="会签单位"
        name="countersignDepartmentIds"
        extra="涉及其他单位职权的，请其会签；回复期限按规则库计算，逾期按规定处理。"
      >
        <Select
          mode="multiple"
          placeholder="选择需要会签的单位"
          loading={!departments}
          // Not before the units have loaded: a pick while the list fills in would be lost.
          disabled={!departments}
          options={countersignOptions}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {namesDeputy && (
        <Form.Item
          label="分管领导"
          name="portfolioDeputyPostId"
          extra="拟稿单位没有分管领导：请指定审核此件的分管领导；不指定的，由第一个有分管领导的会签单位的分管领导审核（按规则库的审核签发条款）。"
        >
          <Select
            allowClear
            placeholder="选择分管领导"
            loading={!deputies}
            disabled={!deputies}
            options={(deputies ?? []).map((post) => ({ value: post.postId, label: post.title }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="important"
        valuePropName="checked"
        extra="事关全局的重要部署或重大事项：按规则库由县（区、市）长签发的，勾选后签发人随之确定。"
      >
        <Checkbox>重要/全局性公文</Checkbox>
      </Form.Item>
      <Form.Item
        label="公文所涉事项"
        name="subjects"
        extra="人事任免、行政规范性文件、向人大报告的公文，规则库另有签署人的，按其确定。"
      >
        <Checkbox.Group options={SUBJECT_OPTIONS} />
      </Form.Item>
      <Form.Item
        label="正文"
        name="body"
        rules={[{ required: true, whitespace: true, message: '请填写正文' }]}
      >
        <Input.TextArea rows={10} maxLength={LIMITS.body} showCount />
      </Form.Item>
    </>
  )
}
