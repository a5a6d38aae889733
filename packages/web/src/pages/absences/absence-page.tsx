import { Alert, Breadcrumb, Card, Col, Descriptions, Row, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { type AbsenceView, fetchAbsence } from '../../api/absences.ts'
import { useLoad } from '../../api/use-load.ts'
import { CitationList } from '../../components/citation-list.tsx'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { PageTitle } from '../../components/page-title.tsx'
import { formatDateRange } from '../../format.ts'
import { useMe } from '../../session/session-context.ts'
import { modeLabel } from './absence-labels.ts'
import { AbsenceActs } from './absence-acts.tsx'
import { AbsenceHistory } from './absence-history.tsx'
import { AbsenceTags } from './absence-table.tsx'
import { ActingSpans } from './acting-spans.tsx'

export function AbsencePage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不任职务，不办理请假、外出报备" />
  return <Absence />
}

/** One request: what was asked, who decides under which article, who acts meanwhile, 销假. */
function Absence() {
  const id = useParams().id ?? ''
  const loaded = useLoad(`absence:${id}`, (signal) => fetchAbsence(id, signal))
  // An act answers the request as it now stands: shown at once, without reading it again.
  const [acted, setActed] = useState<AbsenceView>()
  useEffect(() => setActed(undefined), [loaded.data])
  const view = acted ?? loaded.data

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'list', title: <Link to="/absences">请销假</Link> },
          { key: 'one', title: view ? `${view.personName}${view.categoryLabel}` : '请假' },
        ]}
      />
      {loaded.error && <LoadError error={loaded.error} onRetry={loaded.reload} />}
      {loaded.loading && !view && <PageLoading />}
      {view && (
        <>
          <div>
            <PageTitle>
              {view.personName}（{view.postTitle}）{view.categoryLabel}
            </PageTitle>
            <AbsenceTags absence={view} />
          </div>
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={15}>
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                <Summary view={view} />
                <Card title="外出期间代行职责" role="region" aria-label="外出期间代行职责">
                  <ActingSpans spans={view.acting} empty="外出期间规则未安排他人代行。" />
                </Card>
                <AbsenceHistory entries={view.history} />
              </Space>
            </Col>
            <Col xs={24} xl={9}>
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                {/* Keyed by the history: after an act the forms start empty again. */}
                <AbsenceActs key={view.history.length} view={view} onDone={setActed} />
                {view.citations.length > 0 && (
                  <Card title="依据条款" role="region" aria-label="依据条款">
                    <CitationList citations={view.citations} />
                  </Card>
                )}
              </Space>
            </Col>
          </Row>
        </>
      )}
    </Space>
  )
}

function Summary({ view }: { view: AbsenceView }) {
  const items = [
    { key: 'period', label: '起止日期', children: formatDateRange(view.from, view.to) },
    { key: 'destination', label: '前往地点', children: view.destination },
    { key: 'reason', label: '事由', children: view.reason },
    { key: 'contact', label: '联系方式', children: view.contact },
    { key: 'mode', label: '办理方式', children: `${modeLabel(view.mode)}（共 ${view.days} 天）` },
    ...(view.mode === 'approval'
      ? [{ key: 'approver', label: '审批人', children: view.approvers.join('、') || '—' }]
      : []),
    ...listed('via', '经由', view.via),
    ...listed('fileWith', '报备', view.fileWith),
    ...listed('inform', '告知', view.inform),
    ...listed('reportBackTo', '销假报告', view.reportBackTo),
    ...(view.latestFiling
      ? [
          {
            key: 'latestFiling',
            label: '最迟提交',
            children: `${view.latestFiling}${view.late ? '（迟报）' : ''}`,
          },
        ]
      : []),
    ...(view.standIn ? [{ key: 'standIn', label: '在家主持工作', children: view.standIn }] : []),
    ...(view.opinion ? [{ key: 'opinion', label: '审批意见', children: view.opinion }] : []),
    ...(view.returnedOn
      ? [
          { key: 'returnedOn', label: '销假日期', children: view.returnedOn },
          {
            key: 'returnReport',
            label: '外出情况报告',
            children: (
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>
                {view.returnReport ?? ''}
              </Typography.Text>
            ),
          },
        ]
      : []),
  ]
  return (
    <Card title="申请内容" role="region" aria-label="申请内容">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
        {view.conflict && (
          <Alert
            type="warning"
            showIcon
            title={`外出时间冲突：${view.conflict.summary}`}
            description={<CitationList citations={view.conflict.citations} />}
          />
        )}
      </Space>
    </Card>
  )
}

/** A line naming posts, left out when there are none. */
function listed(key: string, label: string, posts: string[]) {
  return posts.length > 0 ? [{ key, label, children: posts.join('、') }] : []
}
