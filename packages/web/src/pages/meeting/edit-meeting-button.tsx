import { Button, DatePicker, Input, Select, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { editMeeting, type MeetingView } from '../../api/meetings.ts'
import type { OrganisationPost } from '../../api/types.ts'
import { Form } from '../../components/form.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { LIMITS } from '../../limits.ts'
import { meetingTimeLabel, shanghaiInstantOf } from '../meetings/meeting-time.ts'
import { ActModal } from './act-modal.tsx'
import { useMeetingAct } from './use-meeting-act.ts'

interface Values {
  title: string
  startsAt: Dayjs
  location?: string
  presiderPostId?: string
}

/**
 * 编辑: the office corrects the meeting's name, time, place or presider until it opens. The
 * server checks each change as it checked scheduling (无会周, who may preside, the notice
 * already sent) and says why not with the article.
 */
export function EditMeetingButton({
  meeting,
  posts,
  onDone,
}: {
  meeting: MeetingView['meeting']
  posts: OrganisationPost[] | undefined
  onDone: () => void
}) {
  return (
    <ActModal label="编辑" title="修改会议" ariaLabel="编辑会议">
      {(close) => (
        <EditMeetingForm
          meeting={meeting}
          posts={posts}
          onDone={() => {
            close()
            onDone()
          }}
        />
      )}
    </ActModal>
  )
}

function EditMeetingForm({
  meeting,
  posts,
  onDone,
}: {
  meeting: MeetingView['meeting']
  posts: OrganisationPost[] | undefined
  onDone: () => void
}) {
  const { submitting, error, act } = useMeetingAct(onDone)
  const initial: Values = {
    title: meeting.title,
    startsAt: dayjs(meetingTimeLabel(meeting.startsAt)),
    location: meeting.location,
    presiderPostId: meeting.presiderPostId ?? undefined,
  }

  function handleFinish(values: Values) {
    const startsAt = shanghaiInstantOf(values.startsAt)
    const changes = {
      ...(values.title.trim() !== meeting.title ? { title: values.title.trim() } : {}),
      ...(Date.parse(startsAt) !== Date.parse(meeting.startsAt) ? { startsAt } : {}),
      ...((values.location ?? '').trim() !== meeting.location
        ? { location: (values.location ?? '').trim() }
        : {}),
      ...(values.presiderPostId && values.presiderPostId !== meeting.presiderPostId
        ? { presiderPostId: values.presiderPostId }
        : {}),
    }
    act(() => editMeeting(meeting.id, changes), undefined, '会议已修改')
  }

  return (
    <Form<Values>
      name="edit-meeting"
      layout="vertical"
      requiredMark={false}
      initialValues={initial}
      onFinish={handleFinish}
    >
      <Form.Item
        label="会议名称"
        name="title"
        rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}
      >
        <Input maxLength={LIMITS.title} showCount />
      </Form.Item>
      <Form.Item
        label="会议时间"
        name="startsAt"
        extra="北京时间。会议通知已发出的，改期须仍满足工作规则的通知期限。"
        rules={[{ required: true, message: '请选择会议时间' }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm', minuteStep: 5 }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item label="地点" name="location">
        <Input maxLength={100} showCount />
      </Form.Item>
      <Form.Item label="主持人" name="presiderPostId" extra="须为工作规则规定可召集该会议的职务。">
        <Select
          loading={!posts}
          options={(posts ?? [])
            .filter((post) => !post.vacant)
            .map((post) => ({
              value: post.postId,
              label: `${post.title}（${post.holders.map((h) => h.name).join('、')}）`,
            }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {error && (
        <Form.Item>
          <SubmitError error={error} />
        </Form.Item>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting}>
          保存修改
        </Button>
        <Typography.Text type="secondary">会议种类和密级不能修改。</Typography.Text>
      </Space>
    </Form>
  )
}
