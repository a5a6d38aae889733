import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { Link, useSearchParams } from 'react-router-dom'
import {
  type DutyHandover,
  type DutyLogEntry,
  type DutyLogKind,
  type DutyLogShift,
  type DutyLogView,
  dispatchDutyLogEntry,
  fetchDutyLog,
  handOverDutyShift,
  receiveDutyHandover,
  recordDutyLogEntry,
} from '../../api/duty-log.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { Form } from '../../components/form.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { DATE_FORMAT } from '../../format.ts'
import { useMe } from '../../session/session-context.ts'
import { useDepartments } from '../supervision/use-departments.ts'
import { beijingInstant, beijingLocal, shanghaiMinute } from './duty-time.ts'

export function DutyLogPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不任职务，不值班" />
  return <DutyLog />
}

const KIND_COLORS: Record<DutyLogKind, string> = {
  call: 'blue',
  instruction: 'magenta',
  hotline: 'purple',
  incident: 'red',
  other: 'default',
}

/**
 * 值班日志: the shift on duty now (or one asked) of a duty unit — what came in, to the minute, what
 * was done, what passes on; instructions and hotline items dispatched to the supervision ledger;
 * the handover from the shift before (to sign received) and this shift's own.
 */
function DutyLog() {
  const [params, setParams] = useSearchParams()
  const unit = params.get('unit') ?? undefined
  const shift = params.get('shift') ?? undefined
  const log = useLoad(`duty-log:${unit ?? ''}:${shift ?? ''}`, (signal) =>
    fetchDutyLog({ unit, shift }, signal),
  )
  const view = log.data
  const go = (next: { unit?: string; shift?: string }) => {
    const search = new URLSearchParams()
    if (next.unit) search.set('unit', next.unit)
    if (next.shift) search.set('shift', next.shift)
    setParams(search)
  }
  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <div>
        <PageTitle>值班日志</PageTitle>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          逐条登记值班期间收到的来电来报、领导指示和热线事项（时间精确到分钟）及处理情况；领导指示、
          热线事项可分办为督办事项；交班、接班双方签字。
        </Typography.Paragraph>
      </div>
      {log.error && <LoadError error={log.error} onRetry={log.reload} />}
      {view && view.units.length > 1 && (
        <Select
          aria-label="值班单位"
          style={{ maxWidth: 360 }}
          value={view.unit?.id}
          options={view.units.map((u) => ({ value: u.id, label: u.name }))}
          onChange={(value: string) => go({ unit: value })}
        />
      )}
      {view && !view.unit && <Empty description="您不在任何值班单位，也没有排到值班" />}
      {view?.unit && (
        <>
          <ShiftCard view={view} onGo={(s) => go({ unit: view.unit?.id, shift: s })} />
          {view.handoverIn && (
            <HandoverIn
              handover={view.handoverIn}
              passedOn={view.passedOn}
              view={view}
              onDone={log.reload}
            />
          )}
          {!view.handoverIn && view.shift && view.previousShift && (
            <Typography.Text type="warning">
              上一班（{shanghaiMinute(view.previousShift.startsAt)} 起）尚未交班。
            </Typography.Text>
          )}
          <Entries view={view} onChange={log.reload} />
          {view.shift && view.mayWrite && <NewEntry view={view} onDone={log.reload} />}
          {view.shift && <HandoverOut view={view} onDone={log.reload} />}
        </>
      )}
      {view && view.citations.length > 0 && (
        <Card size="small" title="依据">
          <CitationList citations={view.citations} />
        </Card>
      )}
    </Flex>
  )
}

const people = (shift: DutyLogShift) => ({
  leader: shift.leader?.name ?? '（未排）',
  staff: shift.staff.map((p) => p.name).join('、') || '（未排）',
})

function ShiftCard({ view, onGo }: { view: DutyLogView; onGo: (shiftId: string) => void }) {
  const { shift, previousShift, nextShift } = view
  if (!shift)
    return (
      <Card size="small" title={view.unit?.name}>
        <Typography.Text type="warning">现在没有排班（值班表中此时段无班次）。</Typography.Text>
      </Card>
    )
  const on = people(shift)
  return (
    <Card
      size="small"
      title={`${view.unit?.name ?? ''} · ${shift.label || '班次'}`}
      extra={
        <Space size={4} wrap>
          {previousShift && (
            <Button size="small" onClick={() => onGo(previousShift.id)}>
              上一班
            </Button>
          )}
          {nextShift && (
            <Button size="small" onClick={() => onGo(nextShift.id)}>
              下一班
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
        <Descriptions.Item label="时间">
          {shanghaiMinute(shift.startsAt)} 至 {shanghaiMinute(shift.endsAt)}
        </Descriptions.Item>
        <Descriptions.Item label="带班领导">{on.leader}</Descriptions.Item>
        <Descriptions.Item label="值班员">{on.staff}</Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

function Signatures({ handover }: { handover: DutyHandover }) {
  return (
    <Typography.Text type="secondary">
      交班：{handover.handedBy.name} {shanghaiMinute(handover.handedAt)}
      {' · '}
      {handover.receivedBy && handover.receivedAt
        ? `接班：${handover.receivedBy.name} ${shanghaiMinute(handover.receivedAt)}`
        : '待接班签收'}
    </Typography.Text>
  )
}

function HandoverIn({
  handover,
  passedOn,
  view,
  onDone,
}: {
  handover: DutyHandover
  passedOn: DutyLogEntry[]
  view: DutyLogView
  onDone: () => void
}) {
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  return (
    <Card
      size="small"
      title="上一班交接"
      extra={handover.receivedBy ? <Tag color="green">已接班</Tag> : <Tag color="gold">待接班</Tag>}
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {handover.notes && (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {handover.notes}
          </Typography.Paragraph>
        )}
        {passedOn.length > 0 && (
          <List
            size="small"
            aria-label="交接事项"
            dataSource={passedOn}
            renderItem={(entry) => (
              <List.Item style={{ paddingInline: 0 }}>
                <EntryLine entry={entry} view={view} />
              </List.Item>
            )}
          />
        )}
        <Signatures handover={handover} />
        {error && <SubmitError error={error} />}
        {handover.mayReceive && (
          <Button
            type="primary"
            loading={submitting}
            onClick={() =>
              void submit(async () => {
                await receiveDutyHandover(handover.id)
                message.success('已接班签收')
                onDone()
              })
            }
          >
            接班签收
          </Button>
        )}
      </Space>
    </Card>
  )
}

function EntryLine({ entry, view }: { entry: DutyLogEntry; view: DutyLogView }) {
  const kind = view.kinds.find((k) => k.code === entry.kind)
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Space wrap size={6}>
        <Typography.Text strong>{shanghaiMinute(entry.receivedAt)}</Typography.Text>
        <Tag color={KIND_COLORS[entry.kind]}>{kind?.label ?? entry.kind}</Tag>
        {entry.fromText && (
          <Typography.Text type="secondary">来自 {entry.fromText}</Typography.Text>
        )}
        {entry.passOn && <Tag color="orange">交接事项</Tag>}
        {entry.supervisionItemId && (
          <Link to={`/supervision/${entry.supervisionItemId}`}>
            <Tag color="green">已分办督办</Tag>
          </Link>
        )}
      </Space>
      <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.summary}</Typography.Text>
      {entry.actionTaken && (
        <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          处理：{entry.actionTaken}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {entry.recordedBy.name} 记录
      </Typography.Text>
    </Space>
  )
}

function Entries({ view, onChange }: { view: DutyLogView; onChange: () => void }) {
  const [dispatching, setDispatching] = useState<DutyLogEntry | null>(null)
  return (
    <Card size="small" title={`本班记录（${view.entries.length}）`}>
      {view.entries.length === 0 ? (
        <Empty description="本班暂无记录" />
      ) : (
        <List
          aria-label="值班记录"
          dataSource={view.entries}
          renderItem={(entry) => {
            const dispatchAs = view.kinds.find((k) => k.code === entry.kind)?.dispatchAs
            return (
              <List.Item
                style={{ paddingInline: 0 }}
                actions={
                  dispatchAs && !entry.supervisionItemId && view.mayWrite
                    ? [
                        <Button key="dispatch" size="small" onClick={() => setDispatching(entry)}>
                          分办督办
                        </Button>,
                      ]
                    : []
                }
              >
                <EntryLine entry={entry} view={view} />
              </List.Item>
            )
          }}
        />
      )}
      {dispatching && (
        <DispatchModal
          entry={dispatching}
          view={view}
          onClose={() => setDispatching(null)}
          onDone={() => {
            setDispatching(null)
            onChange()
          }}
        />
      )}
    </Card>
  )
}

interface DispatchValues {
  title?: string
  leadDepartmentId: string
  coDepartmentIds?: string[]
  due?: Dayjs
}

function DispatchModal({
  entry,
  view,
  onClose,
  onDone,
}: {
  entry: DutyLogEntry
  view: DutyLogView
  onClose: () => void
  onDone: () => void
}) {
  const { message } = App.useApp()
  const departments = useDepartments()
  const [form] = Form.useForm<DispatchValues>()
  const { submitting, error, submit } = useSubmit()
  const lead = Form.useWatch('leadDepartmentId', form)
  const dispatchAs = view.kinds.find((k) => k.code === entry.kind)?.dispatchAs
  function handleFinish(values: DispatchValues) {
    void submit(async () => {
      const answer = await dispatchDutyLogEntry(entry.id, {
        leadDepartmentId: values.leadDepartmentId,
        coDepartmentIds: values.coDepartmentIds,
        due: values.due?.format(DATE_FORMAT),
        title: values.title?.trim() || undefined,
      })
      message.success(`已分办，督办事项办理时限 ${answer.supervisionItem.dueDate}`)
      onDone()
    })
  }
  return (
    <Modal
      open
      title={`分办为督办事项（${dispatchAs ?? ''}）`}
      okText="分办"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<DispatchValues>
        form={form}
        layout="vertical"
        initialValues={{ title: entry.summary.slice(0, 100) }}
        onFinish={handleFinish}
      >
        <Form.Item
          label="督办事项"
          name="title"
          rules={[{ max: 100, message: '不得超过 100 个字' }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          label="牵头单位"
          name="leadDepartmentId"
          rules={[{ required: true, message: '请选择牵头单位' }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={departments.loading}
            options={departments.options}
          />
        </Form.Item>
        <Form.Item label="配合单位" name="coDepartmentIds">
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={departments.loading}
            options={departments.options.filter((d) => d.value !== lead)}
          />
        </Form.Item>
        <Form.Item
          label="办理时限"
          name="due"
          extra="不填则按工作规则对该类事项规定的时限；规则没有规定的，须填写。"
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        {error && <SubmitError error={error} />}
      </Form>
    </Modal>
  )
}

interface EntryValues {
  kind: DutyLogKind
  receivedAt: string
  fromText?: string
  summary: string
  actionTaken?: string
  passOn?: boolean
}

function NewEntry({ view, onDone }: { view: DutyLogView; onDone: () => void }) {
  const { message } = App.useApp()
  const [form] = Form.useForm<EntryValues>()
  const { submitting, error, submit } = useSubmit()
  function handleFinish(values: EntryValues) {
    void submit(async () => {
      await recordDutyLogEntry({
        unitId: view.unit?.id ?? '',
        kind: values.kind,
        receivedAt: beijingInstant(values.receivedAt),
        fromText: values.fromText?.trim() || undefined,
        summary: values.summary,
        actionTaken: values.actionTaken?.trim() || undefined,
        passOn: values.passOn ?? false,
      })
      message.success('已登记')
      form.resetFields()
      form.setFieldValue('receivedAt', beijingLocal(Date.parse(view.serverNow)))
      onDone()
    })
  }
  return (
    <Card size="small" title="登记">
      <Form<EntryValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'call', receivedAt: beijingLocal(Date.parse(view.serverNow)) }}
        onFinish={handleFinish}
      >
        <Flex gap={12} wrap>
          <Form.Item label="类别" name="kind" style={{ minWidth: 200, flex: 1 }}>
            <Select options={view.kinds.map((k) => ({ value: k.code, label: k.label }))} />
          </Form.Item>
          <Form.Item
            label="收到时间"
            name="receivedAt"
            extra="北京时间，精确到分钟。"
            style={{ minWidth: 200, flex: 1 }}
            rules={[{ required: true, message: '请填写收到时间' }]}
          >
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item label="来电来报单位或人员" name="fromText" style={{ minWidth: 200, flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item
          label="主要内容"
          name="summary"
          rules={[{ required: true, whitespace: true, message: '请填写主要内容' }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label="处理情况" name="actionTaken">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="passOn" valuePropName="checked">
          <Checkbox>列为交接事项（交下一班继续办理）</Checkbox>
        </Form.Item>
        {error && <SubmitError error={error} />}
        <Button type="primary" htmlType="submit" loading={submitting}>
          登记
        </Button>
      </Form>
    </Card>
  )
}

function HandoverOut({ view, onDone }: { view: DutyLogView; onDone: () => void }) {
  const { message } = App.useApp()
  const [notes, setNotes] = useState('')
  const { submitting, error, submit } = useSubmit()
  const handover = view.handoverOut
  const passing = view.entries.filter((e) => e.passOn).length
  if (!handover && !view.mayHand) return null
  return (
    <Card
      size="small"
      title="本班交班"
      extra={
        handover ? (
          handover.receivedBy ? (
            <Tag color="green">已接班</Tag>
          ) : (
            <Tag color="gold">已交班，待接班</Tag>
          )
        ) : null
      }
    >
      {handover ? (
        <Space orientation="vertical" size={4}>
          {handover.notes && (
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {handover.notes}
            </Typography.Paragraph>
          )}
          <Signatures handover={handover} />
        </Space>
      ) : (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            本班有 {passing} 条交接事项，交班后随交班记录交下一班
            {view.nextShift
              ? `（${view.nextShift.label || ''} ${people(view.nextShift).staff}）`
              : ''}
            。交班后本班不能再补记。
          </Typography.Text>
          <Input.TextArea
            aria-label="交班说明"
            placeholder="需下一班继续关注、办理的事项"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={4000}
            value={notes}
            onChange={(event) => setNotes(event.target.value)}
          />
          {error && <SubmitError error={error} />}
          <Popconfirm
            title="确认交班签字？交班后本班不能再补记。"
            okText="交班签字"
            cancelText="取消"
            onConfirm={() =>
              submit(async () => {
                if (!view.shift) return
                await handOverDutyShift(view.shift.id, notes)
                message.success('已交班，待下一班签收')
                setNotes('')
                onDone()
              })
            }
          >
            <Button type="primary" loading={submitting}>
              交班签字
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  )
}
