import { Alert, Button, Card, Divider, Empty, Space, Typography } from 'antd'
import { Fragment } from 'react'
import { Link } from 'react-router-dom'
import type { ApiError } from '../../api/client.ts'
import type { Department, DocumentView } from '../../api/types.ts'
import { LoadError } from '../../components/load-error.tsx'
import { postLabel, taskKindLabel } from '../../labels.ts'
import { useMe } from '../../session/session-context.ts'
import { useSwitchPost } from '../../session/use-switch-post.ts'
import { ArchiveForm } from './archive-form.tsx'
import { CirculatedNotice } from './circulated-notice.tsx'
import { CompleteForm } from './complete-form.tsx'
import { CountersignForm } from './countersign-form.tsx'
import { InstructForm } from './instruct-form.tsx'
import { IssueForm } from './issue-form.tsx'
import { type MyTask, myTasks } from './my-tasks.ts'
import { NumberForm } from './number-form.tsx'
import { ProposeForm } from './propose-form.tsx'
import { ProposalNotice } from './proposal-notice.tsx'
import { ReadNotice } from './read-notice.tsx'
import { SignForReceiptForm } from './sign-for-receipt-form.tsx'
import { ReferForm } from './refer-form.tsx'
import { normativeSaidAt, RegisterForm } from './register-form.tsx'
import { ResubmitForm } from './resubmit-form.tsx'
import { ReviewForm } from './review-form.tsx'
import { ScreenForm } from './screen-form.tsx'
import { SignForm } from './sign-form.tsx'
import type { SignOff } from './use-sign-off.ts'

/**
 * Tasks done through an act of the API, in the post they were sent to; 退回修改 is for reading
 * only. 待阅 is closed by 已阅, which the server takes from the current post or its unit.
 */
const ACTED_ON = new Set([
  'register',
  'screen',
  'propose',
  'instruct',
  'refer',
  'handle',
  'review',
  'countersign',
  'sign',
  'number',
  'issue',
  'archive',
  'read',
  'redraft',
  'receipt',
])

/** The person's own open tasks on the document, each with what it takes to do it. */
export function TaskPanel({
  view,
  departments,
  departmentsError,
  signOff,
  onDone,
}: {
  view: DocumentView
  departments: Department[] | undefined
  departmentsError: ApiError | undefined
  /** Outgoing: who must sign and under which article, for the 签发 form. */
  signOff?: SignOff | undefined
  onDone: () => void
}) {
  const me = useMe()
  const mine = myTasks(view.tasks, me)
  const needsUnits = mine.some(({ task }) => task.kind === 'propose' || task.kind === 'refer')

  return (
    <Card title="办理">
      {mine.length === 0 && <Empty description="您在这份公文上没有待办事项" />}
      {needsUnits && departmentsError && <LoadError error={departmentsError} />}
      {mine.map((item, index) => (
        <Fragment key={item.task.id}>
          {index > 0 && <Divider />}
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {taskKindLabel(item.task.kind)}
          </Typography.Title>
          {ACTED_ON.has(item.task.kind) && item.post.postId !== me.currentPostId ? (
            <SwitchPostNotice item={item} />
          ) : (
            <TaskForm
              item={item}
              view={view}
              departments={departments}
              signOff={signOff}
              onDone={onDone}
            />
          )}
        </Fragment>
      ))}
    </Card>
  )
}

function TaskForm({
  item: { task },
  view: { document, events },
  departments,
  signOff,
  onDone,
}: {
  item: MyTask
  view: DocumentView
  departments: Department[] | undefined
  signOff: SignOff | undefined
  onDone: () => void
}) {
  switch (task.kind) {
    case 'register':
      return (
        <RegisterForm
          documentId={document.id}
          normativeSaid={normativeSaidAt(events)}
          onDone={onDone}
        />
      )
    case 'screen':
      return <ScreenForm document={document} onDone={onDone} />
    case 'propose':
      return <ProposeForm document={document} departments={departments} onDone={onDone} />
    case 'instruct':
      // The office's 拟办意见 right above the 批示 box.
      return (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ProposalNotice events={events} />
          <InstructForm documentId={document.id} onDone={onDone} />
        </Space>
      )
    case 'refer':
      return <ReferForm document={document} departments={departments} onDone={onDone} />
    case 'handle':
      return <CompleteForm documentId={document.id} onDone={onDone} />
    case 'revise':
      return (
        <Alert
          type="warning"
          showIcon
          title="公文已退回本单位"
          description={
            <>
              请按退回意见修改后重新<Link to="/documents/new">报送公文</Link>。
            </>
          }
        />
      )
    case 'redraft':
      // 撤回 or 退回修改: revise the body (正文版本) as the opinion asks, then send it again.
      return <ResubmitForm documentId={document.id} onDone={onDone} />
    case 'review':
      return <ReviewForm documentId={document.id} onDone={onDone} />
    case 'countersign':
      return <CountersignForm documentId={document.id} task={task} onDone={onDone} />
    case 'sign':
      return (
        <SignForm documentId={document.id} plan={document.plan} signOff={signOff} onDone={onDone} />
      )
    case 'number':
      return <NumberForm documentId={document.id} prefix={document.plan?.prefix} onDone={onDone} />
    case 'issue':
      return <IssueForm documentId={document.id} onDone={onDone} />
    case 'archive':
      return <ArchiveForm documentId={document.id} onDone={onDone} />
    case 'read':
      // A 待阅 addressed to a post is the office's 传阅; to a unit, a result or an issued document.
      if (task.assigneePostId) return <CirculatedNotice documentId={document.id} onDone={onDone} />
      return <ReadNotice document={document} onDone={onDone} />
    case 'receipt':
      return <SignForReceiptForm documentId={document.id} onDone={onDone} />
    default:
      return <Alert type="info" showIcon title="本页面暂不能办理此事项" />
  }
}

/** Acts are done in the current post; a task of another post the person holds needs a switch. */
function SwitchPostNotice({ item }: { item: MyTask }) {
  const { switchTo, switching } = useSwitchPost()
  return (
    <Alert
      type="info"
      showIcon
      title={`此事项须以“${postLabel(item.post)}”身份办理`}
      action={
        <Button size="small" loading={switching} onClick={() => void switchTo(item.post)}>
          切换到此职务
        </Button>
      }
    />
  )
}
