import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { App, Button, Card, DatePicker, Flex, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useState } from 'react'
import { fetchActingDuty, removeDesignation } from '../api/acting-duty.ts'
import { fetchOrganisation } from '../api/organisation.ts'
import { useLoad } from '../api/use-load.ts'
import { asApiError } from '../api/use-load.ts'
import { ForbiddenResult } from '../components/forbidden-result.tsx'
import { LoadError } from '../components/load-error.tsx'
import { PageTitle } from '../components/page-title.tsx'
import { RuleIdSwitch } from '../components/rule-basis.tsx'
import { useNarrow } from '../layout/use-narrow.ts'
import { useMe } from '../session/session-context.ts'
import { DesignationForm } from './acting-duty/designation-form.tsx'
import { DesignationsTable } from './acting-duty/designations-table.tsx'
import { DutyGrid } from './acting-duty/duty-grid.tsx'
import { DATE_FORMAT } from '../format.ts'

/** Monday of the week `day` lies in. */
function mondayOf(day: Dayjs): Dayjs {
  return day.subtract((day.day() + 6) % 7, 'day').startOf('day')
}

export function ActingDutyPage() {
  const me = useMe()
  if (me.adminRole) return <ForbiddenResult reason="管理员不任职务，不查看代行职责" />
  return <ActingDuty />
}

/**
 * 代行职责: for each day of the week, who acts for each leader who is away, computed from the
 * approved absences and the rulebook's acting rules, with the article; the days when nobody may
 * act; and, for the office director, the designation the rule leaves to the head.
 */
function ActingDuty() {
  const me = useMe()
  const narrow = useNarrow()
  const { message } = App.useApp()
  const [week, setWeek] = useState<Dayjs>(() => mondayOf(dayjs()))
  const from = week.format(DATE_FORMAT)
  const to = week.add(6, 'day').format(DATE_FORMAT)
  const duty = useLoad(`acting-duty:${from}`, (signal) => fetchActingDuty(from, to, signal))
  // The server says whether the current post may designate (the office director).
  const designates = duty.data?.canDesignate ?? false
  const chart = useLoad(designates ? `organisation:${me.jurisdiction?.id}` : null, (signal) =>
    fetchOrganisation(me.jurisdiction?.id ?? '', undefined, signal),
  )
  const days = duty.data?.days ?? []
  const gaps = days.reduce((count, day) => count + day.gaps.length, 0)

  function remove(id: string) {
    removeDesignation(id).then(
      () => {
        message.success('已撤销代行安排')
        duty.reload()
      },
      (error: unknown) => message.error(asApiError(error).message),
    )
  }

  return (
    <Flex vertical gap={16}>
      <div>
        <PageTitle>代行职责</PageTitle>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          领导外出期间由谁代行职责，按批准的请假、外出和工作规则的代行规定自动确定；签发、批示、主持会议和审批均由代行人办理，并注明依据。
        </Typography.Paragraph>
      </div>
      <Card
        title={narrow ? undefined : '本周代行职责'}
        extra={narrow ? undefined : <RuleIdSwitch />}
        role="region"
        aria-label="本周代行职责"
      >
        <Flex gap={8} align="center" style={{ marginBottom: 16, maxWidth: 420 }}>
          <Button
            aria-label="上一周"
            icon={<LeftOutlined aria-hidden />}
            onClick={() => setWeek(week.subtract(7, 'day'))}
          />
          <DatePicker
            picker="week"
            value={week}
            allowClear={false}
            inputReadOnly
            format={() => `${from} 至 ${to}`}
            onChange={(value) => value && setWeek(mondayOf(value))}
            aria-label="选择周"
            style={{ flex: 1 }}
          />
          <Button
            aria-label="下一周"
            icon={<RightOutlined aria-hidden />}
            onClick={() => setWeek(week.add(7, 'day'))}
          />
        </Flex>
        {duty.error && <LoadError error={duty.error} onRetry={duty.reload} />}
        {gaps > 0 && (
          <Typography.Paragraph type="danger">
            本周有 {gaps} 处无人代行，各处依据见下表。
          </Typography.Paragraph>
        )}
        {!duty.error && <DutyGrid days={days} loading={duty.loading} />}
      </Card>
      {(designates || (duty.data?.designations.length ?? 0) > 0) && (
        <Card title="办公室明确的代行安排" role="region" aria-label="办公室明确的代行安排">
          <DesignationsTable
            designations={duty.data?.designations ?? []}
            onRevoke={designates ? remove : null}
          />
        </Card>
      )}
      {designates && chart.error && <LoadError error={chart.error} onRetry={chart.reload} />}
      {designates && chart.data && duty.data && (
        <DesignationForm
          posts={chart.data.posts.filter((post) => !post.vacant)}
          designable={duty.data.designable}
          onDone={duty.reload}
        />
      )}
    </Flex>
  )
}
