import { Breadcrumb, Col, Row, Space } from 'antd'
import { Link, useParams } from 'react-router-dom'
import { fetchSupervisionItem } from '../../api/supervision.ts'
import { useLoad } from '../../api/use-load.ts'
import { ForbiddenResult } from '../../components/forbidden-result.tsx'
import { LoadError } from '../../components/load-error.tsx'
import { PageLoading } from '../../components/page-loading.tsx'
import { CurrentHolders } from '../../components/current-holders.tsx'
import { useMe } from '../../session/session-context.ts'
import { supervisionHoldingLabel } from '../supervision/supervision-labels.ts'
import { ActsCard } from './acts-card.tsx'
import { DueDateBasisCard } from './due-date-basis-card.tsx'
import { EvidenceCard } from './evidence-card.tsx'
import { HistoryTimeline } from './history-timeline.tsx'
import { ItemHeading } from './item-heading.tsx'
import { ItemSummary } from './item-summary.tsx'
import { MilestonesCard } from './milestones-card.tsx'
import { PendingExtensionNotice } from './pending-extension-notice.tsx'

export function SupervisionItemPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不办理督查事项，不能查看督办事项" />
  return <Item />
}

/** One item of the ledger: what is asked, by when and under which article, what was done. */
function Item() {
  const id = useParams().id ?? ''
  const view = useLoad(`supervision-item:${id}`, (signal) => fetchSupervisionItem(id, signal))
  const item = view.data?.item

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { key: 'ledger', title: <Link to="/supervision">督查台账</Link> },
          { key: 'item', title: item?.title ?? '督办事项' },
        ]}
      />
      {view.error && <LoadError error={view.error} onRetry={view.reload} />}
      {view.loading && !view.data && <PageLoading />}
      {view.data && item && (
        <>
          <ItemHeading item={item} />
          {item.pendingExtension && <PendingExtensionNotice extension={item.pendingExtension} />}
          <CurrentHolders holdings={item.holders} kindLabel={supervisionHoldingLabel} />
          <Row gutter={[24, 24]}>
            <Col xs={24} xl={15}>
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                <ItemSummary item={item} />
                <MilestonesCard milestones={item.milestones} />
                <EvidenceCard view={view.data} onDone={view.reload} />
                <HistoryTimeline events={view.data.events} citations={view.data.citations} />
              </Space>
            </Col>
            <Col xs={24} xl={9}>
              <Space orientation="vertical" size="large" style={{ width: '100%' }}>
                {/* Keyed by the history: after an act the forms start empty again. */}
                <ActsCard key={view.data.events.length} view={view.data} onDone={view.reload} />
                <DueDateBasisCard citations={view.data.citations} />
              </Space>
            </Col>
          </Row>
        </>
      )}
    </Space>
  )
}
