import { PlusOutlined } from '@ant-design/icons'
import { Button, Modal } from 'antd'
import { useState } from 'react'
import { ScheduleMeetingForm } from './schedule-meeting-form.tsx'

/**
 * 安排会议 for any post-holder: the office schedules meetings, and the server (not this page)
 * judges which post is the office's, so another post sees the refusal with its article.
 */
export function ScheduleMeetingButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>
        安排会议
      </Button>
      <Modal
        title="安排会议"
        open={open}
        footer={null}
        destroyOnHidden
        onCancel={() => setOpen(false)}
      >
        <ScheduleMeetingForm />
      </Modal>
    </>
  )
}
