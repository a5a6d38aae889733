import { Breadcrumb, Col, Row, Space } from 'antd'
import { Link, useParams } from 'react-router-dom'
import { fetchMeeting } from '../api/meetings.ts'
import { fetchOrganisation } from '../api/organisation.ts'
import { useLoad } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageLoading } from '../components/page-loading.tsx'
import { useMe } from '../session/session-context.ts'
import { AgendaCard } from './meeting/agenda-card.tsx'
import { DecisionsCard } from './meeting/decisions-card.tsx'
import { EditMeetingButton } from './meeting/edit-meeting-button.tsx'
import { MeetingHeading } from './meeting/meeting-heading.tsx'
import { MeetingTimeline } from './meeting/meeting-timeline.tsx'
import { MinutesCard } from './meeting/minutes-card.tsx'
import { ParticipantsCard } from './meeting/participants-card.tsx'

export function MeetingPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不参加政府会议，不能查看会议" />
  return <Meeting />
}

/**
 * One meeting from agenda to minutes. Every card redraws from the meeting as the server answers
 * it after each act; what the current post may do comes from the server (may) or, for acts it
 * does not foretell, from the rulebook facts on the page — and the server judges each act again.
 */
function Meeting() {
  const me = useMe()
  const id = useParams().id ?? ''
  const view = useLoad(`meeting:${id}`, (signal) => fetchMeeting(id, signal))
  const jurisdictionId = me.jurisdiction?.id
  // Units for 涉及单位 and the tasks of a decision.
  const chart = useLoad(jurisdictionId ? `organisation:${jurisdictionId}` : null, (signal) =>
    fetchOrganisation(jurisdictionId ?? '', undefined, signal),
  )
  const post = me.posts.find((held) => held.postId === me.currentPostId)
  const data = view.data
  const state = data?.meeting.state

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'meetings', title: <Link to="/meetings">会议</Link> },
          { key: 'meeting', title: data?.meeting.title ?? '会议' },
        ]}
      />
      {view.error && <LoadError error={view.error} onRetry={view.reload} />}
      {chart.error && <LoadError error={chart.error} onRetry={chart.reload} />}
      {view.loading && !data && <PageLoading />}
      {data && (
        <>
          <MeetingHeading
            meeting={data.meeting}
            actions={
              data.may.organise &&
              (state === 'planned' || state === 'agendaApproved') && (
                <EditMeetingButton
                  meeting={data.meeting}
                  posts={chart.data?.posts}
                  onDone={view.reload}
                />
              )
            }
          />
          <AgendaCard
            view={data}
            post={post}
            departments={chart.data?.departments}
            onChanged={view.reload}
          />
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={14}>
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                {(state === 'open' || state === 'closed') && (
                  <DecisionsCard
                    view={data}
                    currentPostId={me.currentPostId}
                    departments={chart.data?.departments}
                    onChanged={view.reload}
                  />
                )}
                {state === 'closed' && <MinutesCard view={data} onChanged={view.reload} />}
                <MeetingTimeline view={data} />
              </Space>
            </Col>
            <Col xs={24} xl={10}>
              <ParticipantsCard view={data} onChanged={view.reload} />
            </Col>
          </Row>
        </>
      )}
    </Space>
  )
}
