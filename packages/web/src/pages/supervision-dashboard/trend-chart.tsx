import { Card } from 'antd'
import { useMemo } from 'react'
import type { MonthFigures } from '../../api/supervision.ts'
import { EChart, type EChartOption } from '../../components/echart.tsx'

/** The last twelve months: items assigned, closed, and closed late, month by month. */
export function TrendChart({ trend }: { trend: MonthFigures[] }) {
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 40, bottom: 8 },
      xAxis: { type: 'category', boundaryGap: false, data: trend.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '交办', type: 'line', data: trend.map((m) => m.assigned), color: '#1677ff' },
        { name: '办结', type: 'line', data: trend.map((m) => m.closed), color: '#52c41a' },
        { name: '超期办结', type: 'line', data: trend.map((m) => m.closedLate), color: '#fa8c16' },
      ],
    }),
    [trend],
  )
  const summary = trend
    .map((m) => `${m.month}：交办${m.assigned}件，办结${m.closed}件，超期办结${m.closedLate}件`)
    .join('；')

  return (
    <Card title="月度趋势">
      <EChart option={option} label={`近十二个月督办事项折线图。${summary}`} />
    </Card>
  )
}
