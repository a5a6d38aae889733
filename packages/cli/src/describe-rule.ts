import {
  formatPeriod,
  type Period,
  type ResolvedRule,
  type ResolvedRulebook,
} from '@zhengling/rules'

function isPeriod(value: unknown): value is Period {
  return (
    typeof value === 'object' &&
    value !== null &&
    'amount' in value &&
    'unit' in value &&
    Object.keys(value).length === 2
  )
}

/** Parameters in a compact human form: periods as "3个工作日", post ids as the jurisdiction's titles. */
export function describeParams(rule: ResolvedRule, rulebook: ResolvedRulebook): string {
  const render = (value: unknown): string => {
    if (isPeriod(value)) return formatPeriod(value)
    if (Array.isArray(value)) return `[${value.map(render).join('、')}]`
    if (typeof value === 'string') return rulebook.posts.get(value)?.title ?? value
    if (value && typeof value === 'object') {
      const entries = Object.entries(value)
      if ('code' in value && 'label' in value) {
        // An agenda step says who records it: 报县长审批同意（县长登记）.
        const { label, recordedBy } = value as { label: string; recordedBy?: unknown }
        return Array.isArray(recordedBy)
          ? `${label}（${recordedBy.map(render).join('或')}登记）`
          : String(label)
      }
      return entries.map(([key, child]) => `${key}=${render(child)}`).join('，')
    }
    return String(value)
  }
  return render(rule.params)
}
