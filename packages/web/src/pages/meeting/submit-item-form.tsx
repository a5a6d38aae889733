import { Alert, Button, Checkbox, Input, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import {
  type AgendaGate,
  type GateCondition,
  type ItemWithGate,
  submitAgendaItem,
} from '../../api/meetings.ts'
import type { Department } from '../../api/types.ts'
import { SubmitError } from '../../components/submit-error.tsx'
import { GateVerdict } from './gate-verdict.tsx'
import { submissionChecklist } from './submission-checklist.ts'
import { useMeetingAct } from './use-meeting-act.ts'
import { Form } from '../../components/form.tsx'
import { LIMITS } from '../../limits.ts'

interface Values {
  title: string
  summary?: string
  characteristics?: string[]
  completed?: string[]
  /** Notes on the steps ticked, by step code. */
  notes?: Record<string, string | undefined>
  involvedDepartmentIds?: string[]
  portfolioDeputyPostId?: string
}

/**
 * 报送议题: the unit describes the item in the rulebook's terms and ticks the steps it has done;
 * the server stores it whatever the gates say and answers the verdict, which shows at once.
 */
export function SubmitItemForm({
  meetingId,
  checklist: conditions,
  departments,
  departmentId,
  onSubmitted,
  onClose,
}: {
  meetingId: string
  checklist: GateCondition[]
  departments: Department[] | undefined
  /** The submitting post's unit. */
  departmentId: string | null
  onSubmitted: () => void
  onClose: () => void
}) {
  const [form] = Form.useForm<Values>()
  const ticked = Form.useWatch('completed', form) ?? []
  const [answer, setAnswer] = useState<ItemWithGate | null>(null)
  const { submitting, error, act } = useMeetingAct(onSubmitted)
  const checklist = submissionChecklist(conditions)
  const stepLabel = new Map(checklist.ownSteps.map((step) => [step.code, step.label]))
  // A unit no deputy oversees (the office) names its 分管领导, as a draft does (ADR 0010).
  const own = departments?.find((department) => department.id === departmentId)
  const namesDeputy = departments !== undefined && own !== undefined && own.overseers.length === 0
  const deputies = [
    ...new Map(
      (departments ?? []).flatMap((d) => d.overseers).map((post) => [post.postId, post]),
    ).values(),
  ]

  function handleFinish(values: Values) {
    act(
      () =>
        submitAgendaItem(meetingId, {
          title: values.title.trim(),
          summary: values.summary?.trim() || undefined,
          characteristics: values.characteristics ?? [],
          completed: (values.completed ?? []).map((code) => ({
            code,
            note: values.notes?.[code]?.trim() || undefined,
          })),
          involvedDepartmentIds: values.involvedDepartmentIds ?? [],
          portfolioDeputyPostId: values.portfolioDeputyPostId || undefined,
        }),
      setAnswer,
      '已报送',
    )
  }

  if (answer)
    return <SubmittedVerdict title={answer.item.title} gate={answer.gate} onClose={onClose} />
  return (
    <Form<Values>
      form={form}
      name="submit-item"
      layout="vertical"
      requiredMark={false}
      onFinish={handleFinish}
    >
      <Form.Item
        label="议题名称"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写议题名称' }]}
      >
        <Input maxLength={LIMITS.title} showCount placeholder="如：关于……的议题" />
      </Form.Item>
      <Form.Item label="议题说明" name="summary">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {conditions.length === 0 && (
        <Typography.Paragraph type="secondary">
          工作规则对本会议的议题未设准入条件。报送后即显示准入判断。
        </Typography.Paragraph>
      )}
      {checklist.characteristics.length > 0 && (
        <Form.Item
          label="议题情形"
          name="characteristics"
          extra="按工作规则勾选议题所属情形，准入判断据此要求相应程序。"
        >
          <Checkbox.Group
            options={checklist.characteristics.map(({ code, label }) => ({ value: code, label }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          />
        </Form.Item>
      )}
      {checklist.ownSteps.length > 0 && (
        <Form.Item label="已完成的程序" name="completed">
          <Checkbox.Group
            options={checklist.ownSteps.map(({ code, label }) => ({ value: code, label }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          />
        </Form.Item>
      )}
      {ticked.map((code) => (
        <Form.Item key={code} label={`${stepLabel.get(code) ?? code}说明`} name={['notes', code]}>
          <Input maxLength={500} placeholder="可填写完成情况，如：已征求区教育局意见" />
        </Form.Item>
      ))}
      {checklist.othersSteps.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="以下程序不由报送单位自行填报，由相关职务在议题上登记："
          description={
            <>
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {checklist.othersSteps.map((step) => (
                  <li key={step.code}>
                    {step.label}（由{step.recorder}登记）
                  </li>
                ))}
              </ul>
              {/* Items are shown to the units they concern: a unit that records a step on the
                  item (the legal office its review) must be one of them to find it. */}
              <Typography.Text type="secondary">
                由其他单位登记的，请将该单位列为涉及单位，以便其在议题表中登记。
              </Typography.Text>
            </>
          }
        />
      )}
      <Form.Item
        label="涉及单位"
        name="involvedDepartmentIds"
        extra="涉及单位的主要负责人列席会议，可提出不同意见。"
      >
        <Select
          mode="multiple"
          placeholder="选择议题涉及的其他单位"
          loading={!departments}
          // Not before the units have loaded: a pick while the list fills in would be lost.
          disabled={!departments}
          options={(departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {namesDeputy && (
        <Form.Item
          label="分管领导"
          name="portfolioDeputyPostId"
          extra="报送单位没有分管领导：工作规则由分管领导提出、审核或审定的议题，请指定分管此事项的领导（按规则库的议题条款）。"
        >
          <Select
            allowClear
            placeholder="选择分管领导"
            options={deputies.map((post) => ({ value: post.postId, label: post.title }))}
          />
        </Form.Item>
      )}
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        报送
      </Button>
    </Form>
  )
}

/** The verdict on the item just submitted, with the articles, before the dialog closes. */
function SubmittedVerdict({
  title,
  gate,
  onClose,
}: {
  title: string
  gate: AgendaGate
  onClose: () => void
}) {
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ margin: 0 }}>
        已报送：<Typography.Text strong>{title}</Typography.Text>
      </Typography.Paragraph>
      <section aria-label="准入判断">
        <GateVerdict gate={gate} />
      </section>
      {!gate.admitted && (
        <Typography.Text type="secondary">
          议题已保存。完成所缺程序并在议题表中登记后，即可由审定人列入议程。
        </Typography.Text>
      )}
      <Button type="primary" onClick={onClose}>
        完成
      </Button>
    </Space>
  )
}
