import { useSearchParams } from 'react-router-dom'
import type { LedgerState, SupervisionFilter } from '../../api/supervision.ts'
import { LEDGER_STATE_LABELS } from './supervision-labels.ts'

const isLedgerState = (value: string | null): value is LedgerState =>
  value !== null && value in LEDGER_STATE_LABELS

/**
 * The ledger's filter and page live in the address (?state=overdue&page=2), so a filtered ledger
 * can be bookmarked, sent on, and linked to from the dashboard's figures.
 */
export function useLedgerFilter() {
  const [params, setParams] = useSearchParams()
  const state = params.get('state')
  const filter: SupervisionFilter = {
    state: isLedgerState(state) ? state : undefined,
    source: params.get('source') || undefined,
    departmentId: params.get('departmentId') || undefined,
  }
  const current = Math.max(1, Number(params.get('page')) || 1)

  function write(next: SupervisionFilter, page: number) {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value)
    if (page > 1) search.set('page', String(page))
    setParams(search, { replace: true })
  }

  return {
    filter,
    current,
    // A new filter starts again at the first page.
    setFilter: (next: SupervisionFilter) => write(next, 1),
    setPage: (page: number) => write(filter, page),
  }
}
