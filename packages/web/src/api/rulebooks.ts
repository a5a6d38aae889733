import { request } from './client.ts'
import type { Rulebook, RulebookCoverage, RulebookSummary } from './types.ts'

export const fetchRulebooks = (signal?: AbortSignal) =>
  request<RulebookSummary[]>('GET', '/api/rulebooks', { signal })

export const fetchRulebook = (jurisdiction: string, signal?: AbortSignal) =>
  request<Rulebook>('GET', `/api/rulebooks/${encodeURIComponent(jurisdiction)}`, { signal })

export const fetchCoverage = (jurisdiction: string, signal?: AbortSignal) =>
  request<RulebookCoverage>('GET', `/api/rulebooks/${encodeURIComponent(jurisdiction)}/coverage`, {
    signal,
  })
