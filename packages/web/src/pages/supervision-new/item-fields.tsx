import { Col, DatePicker, Input, Row, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import type { NewSupervisionItem, SupervisionSource } from '../../api/supervision.ts'
import { CLEARANCE_LABELS } from '../../labels.ts'
import { SOURCE_OPTIONS } from '../supervision/supervision-labels.ts'
import { MilestoneList } from './milestone-list.tsx'
import { Form } from '../../components/form.tsx'
import { LIMITS } from '../../limits.ts'
import { DATE_FORMAT } from '../../format.ts'

// 密级 in words, as the server parses them; 绝密 is not offered (and refused if sent).
const SECRECY_OPTIONS = Object.values(CLEARANCE_LABELS).map((label) => ({ value: label, label }))

export interface ItemValues {
  source: SupervisionSource
  title: string
  requirement?: string
  leadDepartmentId: string
  coDepartmentIds?: string[]
  responsiblePerson?: string
  assignedOn?: Dayjs | null
  dueDate?: Dayjs | null
  milestones?: { title: string; dueDate: Dayjs }[]
  secrecy: string
}

const optional = (text: string | undefined) => text?.trim() || undefined

export function newItemOf(values: ItemValues): NewSupervisionItem {
  return {
    source: values.source,
    title: values.title.trim(),
    requirement: optional(values.requirement),
    leadDepartmentId: values.leadDepartmentId,
    coDepartmentIds: values.coDepartmentIds?.length ? values.coDepartmentIds : undefined,
    responsiblePerson: optional(values.responsiblePerson),
    assignedOn: values.assignedOn?.format(DATE_FORMAT),
    dueDate: values.dueDate?.format(DATE_FORMAT),
    milestones: values.milestones?.length
      ? values.milestones.map((m) => ({
          title: m.title.trim(),
          dueDate: m.dueDate.format(DATE_FORMAT),
        }))
      : undefined,
    secrecy: values.secrecy,
  }
}

/** The fields of 立项督办; units come from the jurisdiction's organisation chart. */
export function ItemFields({
  departments,
  departmentsLoading,
}: {
  departments: { value: string; label: string }[]
  departmentsLoading: boolean
}) {
  // A unit leading the item is not also one of its co-units; the server drops it too.
  const lead = Form.useWatch<string | undefined>('leadDepartmentId')
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            label="来源"
            name="source"
            rules={[{ required: true, message: '请选择督办事项的来源' }]}
          >
            <Select placeholder="选择来源" options={SOURCE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item
            label="督办事项"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请填写督办事项' }]}
          >
            <Input placeholder="如：完成背街小巷改造一期" maxLength={LIMITS.title} showCount />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="具体要求" name="requirement">
        <Input.TextArea rows={3} maxLength={5000} placeholder="工作目标、标准和要求" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item
            label="牵头单位"
            name="leadDepartmentId"
            rules={[{ required: true, message: '请选择牵头单位' }]}
          >
            <Select
              placeholder="选择牵头单位"
              loading={departmentsLoading}
              disabled={departmentsLoading}
              options={departments}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item label="配合单位" name="coDepartmentIds">
            <Select
              mode="multiple"
              placeholder="选择配合单位（可多选）"
              loading={departmentsLoading}
              disabled={departmentsLoading}
              options={departments.filter((d) => d.value !== lead)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="责任人" name="responsiblePerson">
            <Input placeholder="姓名及职务" maxLength={64} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="交办日期" name="assignedOn" extra="不填则为今天。">
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="办理时限" name="dueDate" extra="不填则按规则库的办理时限。">
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <MilestoneList />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            label="密级"
            name="secrecy"
            extra="绝密级事项不得在本系统中处理。"
            rules={[{ required: true, message: '请选择密级' }]}
          >
            <Select options={SECRECY_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
    </>
  )
}
