import { Breadcrumb, Col, Row, Space } from 'antd'
import { useMemo, useRef } from 'react'
import { Link, useParams } from 'react-router-dom'
import { fetchDocument, fetchInbox } from '../api/documents.ts'
import { fetchOrganisation } from '../api/organisation.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { useMe } from '../session/session-context.ts'
import { CurrentHolders } from '../components/current-holders.tsx'
import { taskKindLabel } from '../labels.ts'
import { AttachmentsCard } from './document/attachments-card.tsx'
import { BodyVersionsCard } from './document/body-versions-card.tsx'
import { CitationsCard } from './document/citations-card.tsx'
import { CirculationCard } from './document/circulation-card.tsx'
import { DistributionCard } from './document/distribution-card.tsx'
import { DocumentHeading } from './document/document-heading.tsx'
import { DocumentSummary } from './document/document-summary.tsx'
import { ExitsCard } from './document/exits-card.tsx'
import { OverdueCountersignCard } from './document/overdue-countersign-card.tsx'
import { FlowTimeline } from './document/flow-timeline.tsx'
import { OutgoingSummary } from './document/outgoing-summary.tsx'
import { PhoneTaskBar } from './document/phone-task-bar.tsx'
import { ReturnedNotice } from './document/returned-notice.tsx'
import { RevisionNotice } from './document/revision-notice.tsx'
import { SignOffPlanCard } from './document/sign-off-plan-card.tsx'
import { TaskPanel } from './document/task-panel.tsx'
import { useSignOff } from './document/use-sign-off.ts'

export function DocumentPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理公文，不能查看公文" />
  return <DocumentOfficeView />
}

function DocumentOfficeView() {
  const id = useParams().id ?? ''
  const view = useLoad(`document:${id}`, (signal) => fetchDocument(id, signal))
  // The document view carries no working-day count; the inbox does, for tasks of this person.
  const inbox = useLoad(`inbox-for:${id}`, (signal) => fetchInbox(200, signal))
  const jurisdictionId = view.data?.document.jurisdictionId
  // Department names for the sender, the history and the forms that pick units.
  const chart = useLoad(jurisdictionId ? `organisation:${jurisdictionId}` : null, (signal) =>
    fetchOrganisation(jurisdictionId ?? '', undefined, signal),
  )
  const departmentNames = useMemo(
    () => new Map((chart.data?.departments ?? []).map((d) => [d.id, d.name])),
    [chart.data],
  )

  const document = view.data?.document
  const signOff = useSignOff(view.data)
  // The 办理 card, which the phone's bottom bar brings into view.
  const taskPanel = useRef<HTMLDivElement>(null)
  const workingDaysLeft = inbox.data?.find(
    (entry) => entry.document.id === id && entry.task.dueDate === document?.dueDate,
  )?.workingDaysLeft

  function reload() {
    view.reload()
    inbox.reload()
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'inbox', title: <Link to="/inbox">待办</Link> },
          { key: 'document', title: document?.title ?? '公文' },
        ]}
      />
      {view.error && <LoadError error={view.error} onRetry={view.reload} />}
      {view.loading && !view.data && <PageLoading />}
      {view.data && document && (
        <>
          <DocumentHeading document={document} />
          {document.state === 'returned' && <ReturnedNotice view={view.data} />}
          {['returnedForRevision', 'withdrawn'].includes(document.state) && (
            <RevisionNotice view={view.data} />
          )}
          <CurrentHolders holdings={view.data.holders} kindLabel={taskKindLabel} />
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={15}>
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                {document.direction === 'outgoing' ? (
                  <OutgoingSummary
                    document={document}
                    draftingUnit={
                      document.senderDepartmentId
                        ? departmentNames.get(document.senderDepartmentId)
                        : undefined
                    }
                  />
                ) : (
                  <DocumentSummary
                    document={document}
                    senderName={
                      document.senderDepartmentId
                        ? departmentNames.get(document.senderDepartmentId)
                        : undefined
                    }
                    workingDaysLeft={workingDaysLeft}
                  />
                )}
                {document.plan && (
                  <SignOffPlanCard
                    view={view.data}
                    plan={document.plan}
                    signOff={signOff}
                    departmentNames={departmentNames}
                  />
                )}
                <AttachmentsCard view={view.data} onChanged={reload} />
                <BodyVersionsCard view={view.data} onChanged={reload} />
                <FlowTimeline
                  events={view.data.events}
                  citations={view.data.citations}
                  departmentNames={departmentNames}
                />
              </Space>
            </Col>
            <Col xs={24} xl={9}>
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                <div ref={taskPanel} style={{ scrollMarginTop: 72 }}>
                  <TaskPanel
                    view={view.data}
                    departments={chart.data?.departments}
                    departmentsError={chart.error}
                    signOff={signOff}
                    onDone={reload}
                  />
                </div>
                <OverdueCountersignCard
                  view={view.data}
                  departmentNames={departmentNames}
                  onDone={reload}
                />
                <ExitsCard view={view.data} posts={chart.data?.posts} onDone={reload} />
                {/* Keyed by the history: a new act (已阅, 传阅) reloads the receipts. */}
                <CirculationCard
                  key={view.data.events.length}
                  documentId={document.id}
                  posts={chart.data?.posts}
                  onChanged={reload}
                />
                {document.direction === 'outgoing' && (
                  <DistributionCard
                    key={`distribution:${view.data.events.length}`}
                    documentId={document.id}
                    onChanged={reload}
                  />
                )}
                <CitationsCard citations={view.data.citations} />
              </Space>
            </Col>
          </Row>
          <PhoneTaskBar view={view.data} panel={taskPanel} />
        </>
      )}
    </Space>
  )
}
