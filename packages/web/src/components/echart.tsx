import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts'
import {
  GridComponent,
  type GridComponentOption,
  LegendPlainComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components'
import { type ComposeOption, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { useEffect, useRef } from 'react'

// Only the parts the pages draw are registered, to keep echarts' share of the bundle small. A
// page importing this file should itself be lazy, and echarts (with zrender) needs a chunk group
// of its own in vite.config.ts ahead of the catch-all vendor group, or it lands in the vendor
// chunk every page loads. The SVG renderer keeps labels as text (sharp when zoomed, findable).
use([BarChart, LineChart, GridComponent, LegendPlainComponent, TooltipComponent, SVGRenderer])

export type EChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>

/**
 * An echarts chart in a div: created on mount, redrawn when `option` changes (pass a memoised
 * option), resized with its box, disposed on unmount. A chart is a picture to assistive
 * technology, so `label` says in words what it shows.
 */
export function EChart({
  option,
  label,
  height = 320,
}: {
  option: EChartOption
  label: string
  height?: number
}) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<ReturnType<typeof init> | null>(null)

  useEffect(() => {
    const element = box.current
    if (!element) return
    const instance = init(element, null, { renderer: 'svg', locale: 'ZH' })
    chart.current = instance
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    // notMerge: a series or category gone from the data must go from the chart too.
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />
}
