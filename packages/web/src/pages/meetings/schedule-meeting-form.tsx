import { App, Button, DatePicker, Input, Select, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useNavigate } from 'react-router-dom'
import { fetchMeetingTypes, scheduleMeeting } from '../../api/meetings.ts'
import { fetchOrganisation } from '../../api/organisation.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { LoadError } from '../../components/load-error.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { CLEARANCE_LABELS } from '../../labels.ts'
import { useMe } from '../../session/session-context.ts'
import { shanghaiInstantOf } from './meeting-time.ts'
import { Form } from '../../components/form.tsx'
import { LIMITS } from '../../limits.ts'

interface Values {
  meetingType: string
  title?: string
  startsAt: Dayjs
  location?: string
  presiderPostId?: string
  secrecy: string
}

// 密级 in words, as the server parses them for documents and meetings alike.
const SECRECY_OPTIONS = Object.values(CLEARANCE_LABELS).map((label) => ({ value: label, label }))

/**
 * 安排会议: a meeting of a kind the rulebook defines. The server takes its members and
 * attendees from the rulebook's composition of that kind, and refuses a post other than the
 * office's, or a presider the rulebook does not let convene it, with the article.
 */
export function ScheduleMeetingForm() {
  const me = useMe()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const chosen = Form.useWatch('meetingType', form)
  const types = useLoad('meeting-types', (signal) => fetchMeetingTypes(signal))
  const jurisdictionId = me.jurisdiction?.id
  const chart = useLoad(jurisdictionId ? `organisation:${jurisdictionId}` : null, (signal) =>
    fetchOrganisation(jurisdictionId ?? '', undefined, signal),
  )
  const { submitting, error, submit } = useSubmit()
  const type = types.data?.find((candidate) => candidate.id === chosen)

  function handleFinish(values: Values) {
    void submit(async () => {
      const view = await scheduleMeeting({
        meetingType: values.meetingType,
        title: values.title?.trim() || undefined,
        startsAt: shanghaiInstantOf(values.startsAt),
        location: values.location?.trim() || undefined,
        presiderPostId: values.presiderPostId,
        secrecy: values.secrecy,
      })
      message.success('会议已安排')
      navigate(`/meetings/${view.meeting.id}`)
    })
  }

  if (types.error) return <LoadError error={types.error} onRetry={types.reload} />
  return (
    <Form<Values>
      form={form}
      name="schedule-meeting"
      layout="vertical"
      requiredMark={false}
      initialValues={{ secrecy: CLEARANCE_LABELS.internal }}
      onFinish={handleFinish}
    >
      <Form.Item
        label="会议种类"
        name="meetingType"
        rules={[{ required: true, message: '请选择会议种类' }]}
        extra={type && <MeetingTypeNote frequency={type.frequency} article={type.article} />}
      >
        <Select
          placeholder="选择本辖区工作规则规定的会议"
          loading={types.loading}
          options={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        />
      </Form.Item>
      <Form.Item label="会议名称" name="title" extra="不填则以会议种类为名称。">
        <Input maxLength={LIMITS.title} showCount placeholder="如：区人民政府第12次常务会议" />
      </Form.Item>
      <Form.Item
        label="会议时间"
        name="startsAt"
        extra="北京时间。"
        rules={[{ required: true, message: '请选择会议时间' }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item label="地点" name="location">
        <Input maxLength={100} showCount placeholder="如：区政府三楼会议室" />
      </Form.Item>
      <Form.Item
        label="主持人"
        name="presiderPostId"
        extra="不选则由政府主要负责人召集和主持；须为工作规则规定可召集该会议的职务。"
      >
        <Select
          allowClear
          placeholder="政府主要负责人"
          loading={chart.loading}
          options={(chart.data?.posts ?? [])
            .filter((post) => !post.vacant)
            .map((post) => ({
              value: post.postId,
              label: `${post.title}（${post.holders.map((h) => h.name).join('、')}）`,
            }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item label="密级" name="secrecy" extra="绝密级会议不得在本系统中处理。">
        <Select options={SECRECY_OPTIONS} />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={submitting}>
        确定安排
      </Button>
    </Form>
  )
}

/** How often the rulebook has the meeting held, and the article defining it. */
function MeetingTypeNote({
  frequency,
  article,
}: {
  frequency: string | null
  article: { number: string; excerpt: string } | null
}) {
  return (
    <>
      {frequency && <div>会议频次：{frequency}</div>}
      {article && (
        <div>
          <Typography.Text type="secondary" strong>
            依据：{article.number}
          </Typography.Text>
          <blockquote style={{ margin: '2px 0 0' }}>{article.excerpt}</blockquote>
        </div>
      )}
    </>
  )
}
