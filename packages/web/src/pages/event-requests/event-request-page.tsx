import {
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Popconfirm,
  Row,
  Space,
  Timeline,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import {
  approveEventRequest,
  type EventRequestView,
  fetchEventRequest,
  refuseEventRequest,
  withdrawEventRequest,
} from '../../api/event-requests.ts'
import { useLoad } from '../../api/use-load.ts'
import { useSubmit } from '../../api/use-submit.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { RuleBasis, RuleIdSwitch } from '../../components/rule-basis.tsx'
import { SubmitError } from '../../components/submit-error.tsx'
import { formatShanghaiTime } from '../../format.ts'
import { useMe } from '../../session/session-context.ts'
import { EventRequestChecks, EventRequestTags } from './event-request-parts.tsx'

export function EventRequestPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不任职务，不办理会议活动申请" />
  return <EventRequest />
}

/** One request: what was asked, the rules it was checked against, the office's decision. */
function EventRequest() {
  const id = useParams().id ?? ''
  const loaded = useLoad(`event-request:${id}`, (signal) => fetchEventRequest(id, signal))
  // An act answers the request as it now stands: shown at once, without reading it again.
  const [acted, setActed] = useState<EventRequestView>()
  useEffect(() => setActed(undefined), [loaded.data])
  const view = acted ?? loaded.data
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/event-requests">会议活动申请</Link> },
          { key: 'one', title: view?.title ?? '申请' },
        ]}
      />
      {loaded.error && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      {!view && !loaded.error && <PageLoading />}
      {view && (
        <>
          <Space wrap align="center">
            <PageTitle>{view.title}</PageTitle>
            <EventRequestTags request={view} />
          </Space>
          <Row gutter={[24, 24]}>
            <Col xs={24} lg={13}>
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Card>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      {
                        key: 'kind',
                        label: '类别',
                        children: `${view.kindLabel}（${view.scopeLabel}）`,
                      },
                      {
                        key: 'date',
                        label: '日期',
                        children: [view.date, view.time].filter(Boolean).join(' '),
                      },
                      { key: 'place', label: '地点', children: view.place || '—' },
                      { key: 'unit', label: '申请单位', children: view.unitName },
                      {
                        key: 'by',
                        label: '提出人',
                        children: `${view.filedBy.personName}（${view.filedBy.postTitle}），${view.filedOn}`,
                      },
                      {
                        key: 'invited',
                        label: '邀请领导',
                        children: view.invited.map((post) => post.title).join('、') || '—',
                      },
                      ...(view.opinion
                        ? [{ key: 'opinion', label: '审核意见', children: view.opinion }]
                        : []),
                    ]}
                  />
                </Card>
                <Acts view={view} onDone={setActed} />
                <History view={view} />
              </Space>
            </Col>
            <Col xs={24} lg={11}>
              <Card title="规则检查" extra={<RuleIdSwitch />} role="region" aria-label="规则检查">
                <EventRequestChecks
                  checks={view.checks}
                  empty="本辖区工作规则对此类申请未规定提前时限或其他限制"
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  )
}

/** 审核 (the office) and 撤回 (the department), as the server says the post may (view.acts). */
function Acts({
  view,
  onDone,
}: {
  view: EventRequestView
  onDone: (view: EventRequestView) => void
}) {
  const { message } = App.useApp()
  const { submitting, error, submit } = useSubmit()
  const [opinion, setOpinion] = useState('')
  if (view.acts.length === 0) return null
  const act = (call: () => Promise<EventRequestView>, done: string) =>
    void submit(async () => {
      const after = await call()
      message.success(done)
      onDone(after)
    })
  const decides = view.acts.includes('approve')
  return (
    <Card title="办理" role="region" aria-label="办理">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {decides && (
          <Input.TextArea
            aria-label="审核意见"
            placeholder="审核意见（不同意时必填）"
            value={opinion}
            maxLength={2000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(event) => setOpinion(event.target.value)}
          />
        )}
        {error && <SubmitError error={error} />}
        <Space wrap>
          {decides && (
            <Button
              type="primary"
              loading={submitting}
              onClick={() =>
                act(() => approveEventRequest(view.id, opinion.trim() || undefined), '已同意')
              }
            >
              同意
            </Button>
          )}
          {view.acts.includes('refuse') && (
            <Button
              danger
              loading={submitting}
              onClick={() => act(() => refuseEventRequest(view.id, opinion.trim()), '已不同意')}
            >
              不同意
            </Button>
          )}
          {view.acts.includes('withdraw') && (
            <Popconfirm
              title="撤回这份申请？"
              okText="撤回"
              cancelText="取消"
              onConfirm={() => act(() => withdrawEventRequest(view.id), '已撤回')}
            >
              <Button loading={submitting}>撤回申请</Button>
            </Popconfirm>
          )}
        </Space>
      </Space>
    </Card>
  )
}

/** 办理记录: every act on the request, who did it in which post, under which article. */
function History({ view }: { view: EventRequestView }) {
  return (
    <Card title="办理记录" role="region" aria-label="办理记录">
      {view.history.length === 0 ? (
        <Empty description="尚无办理记录" />
      ) : (
        <Timeline
          items={view.history.map((entry, index) => ({
            key: `${entry.at}:${index}`,
            content: (
              <Space orientation="vertical" size={2}>
                <Space size="middle" wrap>
                  <Typography.Text strong>{entry.actionLabel}</Typography.Text>
                  <Typography.Text>
                    {entry.personName}
                    {entry.postTitle && `（${entry.postTitle}）`}
                  </Typography.Text>
                  <Typography.Text type="secondary">{formatShanghaiTime(entry.at)}</Typography.Text>
                </Space>
                {entry.text && (
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Typography.Text>
                )}
                <RuleBasis
                  ruleIds={entry.citations.map((citation) => citation.ruleId)}
                  citations={entry.citations}
                />
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  )
}
