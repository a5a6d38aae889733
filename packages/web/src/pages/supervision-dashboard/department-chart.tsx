import { Card, Empty } from 'antd'
import { useMemo } from 'react'
import type { DepartmentFigures } from '../../api/supervision.ts'
import { EChart, type EChartOption } from '../../components/echart.tsx'

/** Bars per lead unit: 在办 (overdue included), 逾期 and 已办结, side by side rather than stacked. */
export function DepartmentChart({ departments }: { departments: DepartmentFigures[] }) {
  // Units read top-down in the order the server gives (by name); echarts draws categories
  // bottom-up, hence the reversal.
  const rows = useMemo(() => [...departments].reverse(), [departments])
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((d) => d.departmentName) },
      // Thin bars, even when a single unit leaves the whole height to one group.
      series: [
        {
          name: '在办',
          type: 'bar',
          barMaxWidth: 16,
          data: rows.map((d) => d.open),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: '逾期',
          type: 'bar',
          barMaxWidth: 16,
          data: rows.map((d) => d.overdue),
          itemStyle: { color: '#f5222d' },
        },
        {
          name: '已办结',
          type: 'bar',
          barMaxWidth: 16,
          data: rows.map((d) => d.closed),
          itemStyle: { color: '#52c41a' },
        },
      ],
    }),
    [rows],
  )
  const summary = departments
    .map((d) => `${d.departmentName}：在办${d.open}件，逾期${d.overdue}件，已办结${d.closed}件`)
    .join('；')

  return (
    <Card title="各单位办理情况">
      {departments.length === 0 ? (
        <Empty description="暂无督办事项" />
      ) : (
        <EChart
          option={option}
          label={`各牵头单位督办事项柱状图。${summary}`}
          height={Math.max(240, departments.length * 56 + 64)}
        />
      )}
    </Card>
  )
}
